import type { ReplicationTask, RunResult } from '../../sim/index.js';

/** Everything a worker needs to load a scenario again: its text, name, overrides and CSV files. */
export interface WorkerSource {
  text: string;
  file: string;
  overrides?: Record<string, unknown>;
  /** Files the scenario may name (CSV traces), by path. */
  files: Record<string, string>;
}

export interface BatchRequest {
  batch: number;
  source: WorkerSource;
  tasks: ReplicationTask[];
}

export type BatchResponse = { batch: number; runs: RunResult[] } | { batch: number; error: string };
