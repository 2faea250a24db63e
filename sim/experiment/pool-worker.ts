import { readFileSync } from 'node:fs';
import type { RunResult } from '../model/index.js';
import { loadScenario, type Scenario } from '../scenario/index.js';
import { runTask, type ReplicationTask, type ScenarioSource } from './experiment.js';

/** A batch of replications of one scenario: batches keep messages few when replications are short. */
export interface PoolTask {
  source: ScenarioSource;
  tasks: ReplicationTask[];
}

// A worker sees many tasks of few scenarios (the cells of a sweep): load each source once.
const loaded = new Map<string, Scenario>();

/** Worker-thread entry: loads the batch's scenario (cached) and runs its replications in order. */
export default function runPoolTask({ source, tasks }: PoolTask): RunResult[] {
  const key = JSON.stringify([source.file, source.overrides ?? {}, source.text]);
  let scenario = loaded.get(key);
  if (scenario === undefined) {
    scenario = loadScenario(source.text, { file: source.file, overrides: source.overrides, readFile: (path) => readFileSync(path, 'utf8') });
    loaded.set(key, scenario);
  }
  return tasks.map((task) => runTask(scenario!, task));
}
