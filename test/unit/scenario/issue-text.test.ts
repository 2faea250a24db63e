import { describe, expect, it } from 'vitest';
import { ScenarioError, setPath, type ScenarioIssue } from '../../../sim/scenario/index.js';
import { PLANT, errorOf, plantWith } from './helpers.js';

/** The issues setPath's ScenarioError carries. */
function setIssues(path: string): ScenarioIssue[] {
  try {
    setPath({}, path, 1);
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues;
    throw error;
  }
  throw new Error('expected setPath to refuse the path');
}

const trace = PLANT.replace('  - { item: widget, every: 1 }', '  - { item: widget, trace: data/demand.csv }');
const readCsv = (path: string): string => {
  if (path !== 'data/demand.csv') throw new Error(`no such file ${path}`);
  return 'time,quantity\n1,2\n0.5,1\n';
};

describe('every scenario issue', () => {
  it('gives what is wrong as text, without file, line or path: a problem at a path', () => {
    const [issue] = errorOf(plantWith('reorderPoint: 10', 'reorderPoint: -5')).issues;
    expect(issue).toMatchObject({ file: 'x.yaml', path: 'items.steel.policy.reorderPoint', text: 'expected a number >= 0, got -5' });
    expect(issue.message).toBe(`x.yaml: items.steel.policy.reorderPoint: ${issue.text}`);
  });

  it('keeps the colons of its own text: a factory parameter, a problem of the whole file', () => {
    const [uniform] = errorOf(plantWith('leadTime: 5', 'leadTime: { uniform: { min: 5, max: 3 } }')).issues;
    expect(uniform.text).toBe('expected a finite number >= min (5), got 3');
    expect(uniform.message).toBe(`x.yaml: items.steel.buy.leadTime.uniform.max: ${uniform.text}`);
    const [whole] = errorOf('[1, 2]\n').issues;
    expect(whole.path).toBe('');
    expect(whole.message).toBe(`x.yaml: ${whole.text}`);
  });

  it('gives the text of a YAML syntax error and of a CSV row without their positions', () => {
    const [syntax] = errorOf('name: x\ntime: { horizon: 5\nitems: {}\n').issues;
    expect(syntax.text).toMatch(/^YAML syntax error: /);
    expect(syntax.message).toMatch(new RegExp(`^x\\.yaml:3:\\d+: ${syntax.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const [row] = errorOf(trace, { readFile: readCsv }).issues;
    expect(row).toMatchObject({ file: 'data/demand.csv', path: 'demand[0].trace', line: 3, text: 'expected times in ascending order (>= 1), got 0.5' });
    expect(row.message).toBe(`data/demand.csv:3: ${row.text}`);
  });

  it('gives the text of a --set problem', () => {
    const [issue] = setIssues('__proto__.initial');
    expect(issue.text).toMatch(/^expected a key other than __proto__, constructor or prototype/);
    expect(issue.message).toBe(`--set: __proto__: ${issue.text}`);
  });
});
