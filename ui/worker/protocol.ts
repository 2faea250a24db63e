import type { Lever, ReplicationTask, RunResult, Scenario, ScenarioIssue, SimulationErrorData } from '../../sim/index.js';

/** Everything a worker needs to load a scenario again: its text, name, overrides and CSV files. */
export interface WorkerSource {
  text: string;
  file: string;
  overrides?: Record<string, unknown>;
  /** The user's files the scenario may name (CSV traces), by path; the bundled ones are the workers' own (bundled-data.ts). */
  files: ReadonlyMap<string, string>;
  /** Which contents `files` has (it changes when the user gives the page a file): a worker's loaded scenarios are kept per text and files. */
  filesKey?: string;
}

/** The files a run's workers read, and which contents they are. */
export type WorkerFiles = Pick<WorkerSource, 'files' | 'filesKey'>;

/**
 * Replications of a loaded scenario. The page loaded it (in the loader's worker, or in the page for
 * a sweep's cells) and hands it over as it is, so a replication worker never parses or checks a
 * text: `scenario` comes with the first batch of its `key` a worker gets, and is left out of the
 * next ones while the worker still holds that key.
 */
export interface BatchRequest {
  batch: number;
  key: number;
  scenario?: Scenario;
  tasks: ReplicationTask[];
}

/**
 * A batch's answers: each replication's result as soon as it is finished (progress, and proof of
 * life), in task order; or the error that stopped the batch: its message, and for a stall or a
 * too-large stop its data (structured cloning keeps an error's message only), which the page
 * makes the same error again.
 */
export type BatchResponse = { batch: number; index: number; run: RunResult } | { batch: number; error: string; data?: SimulationErrorData };

/** A scenario to load (and check against the page's limits) off the page's thread. */
export interface LoadRequest extends WorkerSource {
  id: number;
  /** The sliders shown, when the page wants the scenario's (their ranges are kept, narrowed to what the scenario accepts). */
  sliders?: readonly Lever[];
}

/**
 * What loading gave: the scenario (with its sliders when asked, and how long loading took), the schema's problems, a refusal
 * (too large for the page) or an unexpected failure, each with its message.
 */
export type LoadResponse =
  | { id: number; kind: 'loaded'; scenario: Scenario; sliders: Lever[] | null; ms: number }
  | { id: number; kind: 'invalid'; issues: ScenarioIssue[] }
  | { id: number; kind: 'refused'; message: string }
  | { id: number; kind: 'failed'; message: string };

/** A thrown value as one line for the page: its message, never empty, never longer than 500 characters. */
export function errorMessage(error: unknown): string {
  let message: string;
  try {
    message = error instanceof Error ? error.message : String(error);
  } catch {
    message = '';
  }
  message = message.replace(/\s+/g, ' ').trim();
  if (message === '') return 'an unexpected error without a message';
  return message.length > 500 ? `${message.slice(0, 499)}…` : message;
}

/** The order log of the results shown: their scenario, seed and strategies (the first replication of each). */
export interface OrderLogRequest {
  source: WorkerSource;
  seed: number | string;
  strategies: string[];
}

/** The order log as CSV and the strategies whose log was cut at its limit; or why it could not be made. */
export type OrderLogResponse = { csv: string; truncated: string[] } | { error: string };
