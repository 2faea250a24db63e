import type { ScenarioIssue } from '../../sim/index.js';

/** A scenario problem as the editor lists it: where it is, and its text without the prefix that says so. */
export interface IssueView {
  /** A line of the scenario text (the editor can jump to it); absent for problems in other files. */
  line?: number;
  /** Another file and its line, for problems there (a CSV trace's row): `scenarios/data/demand.csv line 3`. */
  elsewhere?: string;
  /** The scenario path, `items.widget.policy.reorderPoint`, or `demand[0].trace` for a trace's problem; '' for the whole file. */
  path: string;
  /** What is wrong, never empty. */
  text: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How the editor shows `issue` of the scenario `file`. The message carries its own place
 * (`file:line: text`, `file: path: text`); that prefix is cut by the issue's fields, not by
 * splitting at every `: `, so a message with colons of its own keeps them.
 */
export function issueView(issue: ScenarioIssue, file: string): IssueView {
  const located = new RegExp(`^${escapeRegExp(issue.file)}:\\d+(?::\\d+)?: `).exec(issue.message);
  let text = issue.message;
  if (located) text = text.slice(located[0].length);
  else {
    if (text.startsWith(`${issue.file}: `)) text = text.slice(issue.file.length + 2);
    if (issue.path && text.startsWith(`${issue.path}: `)) text = text.slice(issue.path.length + 2);
  }
  if (text.trim() === '') text = issue.message;
  const inScenario = issue.file === file;
  return {
    ...(inScenario && issue.line !== undefined ? { line: issue.line } : {}),
    ...(!inScenario ? { elsewhere: issue.line !== undefined ? `${issue.file} line ${issue.line}` : issue.file } : {}),
    path: issue.path,
    text,
  };
}
