import { describe, expect, it } from 'vitest';
import type { ScenarioIssue } from '../../../sim/index.js';
import { issueView } from '../../../ui/state/issues.js';

describe('issueView', () => {
  it("shows the issue's text, colons of its own kept", () => {
    const issue: ScenarioIssue = { file: 'a.yaml', path: 'x', line: 2, message: 'a.yaml: x: expected a: b: c, got d: e', text: 'expected a: b: c, got d: e' };
    expect(issueView(issue, 'a.yaml')).toEqual({ line: 2, path: 'x', text: 'expected a: b: c, got d: e' });
  });

  it('takes nothing from the message: its layout does not matter', () => {
    // A message with both a line and a path: cutting a `file:line: ` prefix would have left the path in the text.
    const issue: ScenarioIssue = { file: 'a.yaml', path: 'items.a', line: 4, message: 'a.yaml:4: items.a: expected b: c, got d', text: 'expected b: c, got d' };
    expect(issueView(issue, 'a.yaml').text).toBe('expected b: c, got d');
    // A text that starts like a path is the text, not a prefix to cut.
    const pathLike: ScenarioIssue = { file: 'a.yaml', path: 'x', message: 'a.yaml: x: x: y', text: 'x: x: y' };
    expect(issueView(pathLike, 'a.yaml').text).toBe('x: x: y');
  });

  it('places a problem of another file by its file and line, with its text', () => {
    const issue: ScenarioIssue = {
      file: 'data/d.csv',
      path: 'demand[0].trace',
      line: 3,
      message: 'data/d.csv:3: expected a quantity > 0, got -2',
      text: 'expected a quantity > 0, got -2',
    };
    expect(issueView(issue, 'a.yaml')).toEqual({ elsewhere: 'data/d.csv line 3', path: 'demand[0].trace', text: 'expected a quantity > 0, got -2' });
  });

  it('falls back to the message when the text is empty, so it never shows nothing', () => {
    expect(issueView({ file: 'a.yaml', path: '', message: 'a.yaml: ', text: ' ' }, 'a.yaml').text).toBe('a.yaml: ');
  });
});
