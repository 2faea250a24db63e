import { locatedLine, problemLine } from './messages.js';
import { formatPath, type Path } from './paths.js';

/** One problem found in a scenario, as users and the web editor see it. */
export interface ScenarioIssue {
  /** The file the problem is in: the scenario, or a CSV trace it names. */
  file: string;
  /** Where in the scenario: `items.steel.policy.reorderPoint`; '' for the whole file. */
  path: string;
  /** The full one-line message, file and path included. */
  message: string;
  /** What is wrong, without file, line and path: the end of `message`. */
  text: string;
  /** 1-based line in `file`, when known. */
  line?: number;
}

/** A bad scenario: every problem found, one line each in `message`. */
export class ScenarioError extends Error {
  readonly issues: ScenarioIssue[];

  constructor(issues: ScenarioIssue[]) {
    super(issues.map((issue) => issue.message).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** A problem before it is placed in a file: a path and the text after it (see messages.ts). */
export interface Problem {
  path: Path;
  text: string;
  /** A position in another file (a CSV row) or a YAML syntax position; replaces the path in the line. */
  at?: { file: string; line: number; column?: number };
}

/** Finds the line of a path in the scenario file, if it can. */
export type Locate = (path: Path) => number | undefined;

/** Turns problems into issues of `file`, each with its line where known. */
export function toIssues(problems: readonly Problem[], file: string, locate: Locate): ScenarioIssue[] {
  return problems.map((problem) => {
    const path = formatPath(problem.path);
    if (problem.at) {
      const { file: at, line, column } = problem.at;
      return { file: at, path, message: locatedLine(at, line, column, problem.text), text: problem.text, line };
    }
    const issue: ScenarioIssue = { file, path, message: problemLine(file, problem.path, problem.text), text: problem.text };
    const line = locate(problem.path);
    return line === undefined ? issue : { ...issue, line };
  });
}

/** Issues of `file` in the order of their lines (those without a line last), then those of other files. */
export function inFileOrder(issues: readonly ScenarioIssue[], file: string): ScenarioIssue[] {
  const rank = (issue: ScenarioIssue): number => (issue.file !== file ? Infinity : (issue.line ?? Number.MAX_VALUE));
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || a.i - b.i)
    .map(({ issue }) => issue);
}

/** Drops repeated problems (same path and text), keeping the first. */
export function distinct(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${formatPath(p.path)}\u0000${p.text}\u0000${p.at?.file ?? ''}:${p.at?.line ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
