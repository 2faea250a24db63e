import type { RunResult } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { ExperimentAssembler, planReplications, type Executor, type ExperimentOptions, type ReplicationTask, type ScenarioSource } from './experiment.js';
import type { ExperimentResult } from './results.js';
import { keysOf } from './run-key.js';

/** Strategies' replications kept from earlier runs, by the key of what decided them (strategyRunKeys); the keeper bounds it. */
export interface RunStore {
  /** The runs kept under `key`, replication by replication, if any. */
  get(key: string): readonly RunResult[] | undefined;
  /** Offered a strategy's runs, replication by replication, once its experiment is assembled. */
  set(key: string, runs: readonly RunResult[]): void;
}

/**
 * Runs an experiment as runExperimentWith does, but hands `execute` only the replications of the
 * strategies whose runs `store` does not hold under their key; the others come from the store, and
 * the assembler folds every run in task order, so the result is the one a full run gives, bit for
 * bit. The strategies just run are offered to the store. `onProgress` counts the replications run.
 */
export async function runExperimentReusing(
  execute: Executor,
  source: ScenarioSource,
  scenario: Scenario,
  options: ExperimentOptions,
  store: RunStore,
): Promise<ExperimentResult> {
  const tasks = planReplications(scenario, options);
  const keys = keysOf(scenario, tasks);
  const assembler = new ExperimentAssembler(scenario, options, tasks);
  const kept = keptRuns(tasks, keys, store);
  const fresh: number[] = [];
  tasks.forEach((task, i) => {
    const runs = kept.get(task.strategy);
    if (runs === undefined) fresh.push(i);
    else assembler.add(i, runs[task.replication]);
  });
  const made = new Map<string, RunResult[]>();
  let done = 0;
  if (fresh.length > 0) {
    await execute(
      source,
      scenario,
      fresh.map((i) => tasks[i]),
      (j, run) => {
        const task = tasks[fresh[j]];
        if (keys[task.strategy] !== null) {
          let runs = made.get(task.strategy);
          if (runs === undefined) made.set(task.strategy, (runs = []));
          runs[task.replication] = run;
        }
        assembler.add(fresh[j], run);
        options.onProgress?.(++done, fresh.length);
      },
    );
  }
  const result = assembler.result();
  for (const [strategy, runs] of made) store.set(keys[strategy]!, runs);
  return result;
}

/** The runs the store holds for each strategy under its key, when it holds one for every replication. */
function keptRuns(tasks: readonly ReplicationTask[], keys: Record<string, string | null>, store: RunStore): Map<string, readonly RunResult[]> {
  const kept = new Map<string, readonly RunResult[]>();
  for (const [strategy, key] of Object.entries(keys)) {
    const runs = key === null ? undefined : store.get(key);
    const replications = tasks.filter((t) => t.strategy === strategy).map((t) => t.replication);
    if (runs !== undefined && replications.every((k) => runs[k] !== undefined)) kept.set(strategy, runs);
  }
  return kept;
}
