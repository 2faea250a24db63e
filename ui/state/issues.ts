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

/** How the editor shows `issue` of the scenario `file`: its place from the issue's fields, its text as the issue gives it. */
export function issueView(issue: ScenarioIssue, file: string): IssueView {
  const text = issue.text.trim() === '' ? issue.message : issue.text;
  const inScenario = issue.file === file;
  return {
    ...(inScenario && issue.line !== undefined ? { line: issue.line } : {}),
    ...(!inScenario ? { elsewhere: issue.line !== undefined ? `${issue.file} line ${issue.line}` : issue.file } : {}),
    path: issue.path,
    text,
  };
}
