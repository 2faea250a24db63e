import { simulatePlant, type RunResult } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { builtStrategy } from './experiment-cache.js';
import type { ExperimentResult } from './results.js';
import { replicationSeed } from './seeds.js';
import { compareStrategies, summarizeStrategy } from './summarize-runs.js';
import { experimentWarnings } from './warnings.js';

export { builtStrategy };

/** Level samples per replication when not asked otherwise: enough for the warm-up and trend checks, cheap. */
const LEVEL_SAMPLES = 500;

export interface ExperimentOptions {
  /** Replications per strategy; the scenario's `run.replications` when absent. */
  replications?: number;
  /** Master seed; the scenario's `run.seed` when absent. */
  seed?: number | string;
  /** Strategies to run, in this order; all of the scenario's when absent. */
  strategies?: string[];
  /** Keep the first replication's down-sampled series (for charts). */
  series?: { maxPoints: number } | null;
  /** Sample levels at this many instants in every replication, for the warm-up hint and the trend check (default 500; 0: none). */
  levelSamples?: number;
  /** Told after each replication: done out of total. */
  onProgress?: (done: number, total: number) => void;
}

/** One replication to run: which strategy, which replication, its master seed. */
export interface ReplicationTask {
  strategy: string;
  replication: number;
  seed: string;
  series: { maxPoints: number } | null;
  levelSamples: number;
}

/** The tasks of an experiment, strategy by strategy, replication by replication. */
export function planReplications(scenario: Scenario, options: ExperimentOptions): ReplicationTask[] {
  const strategies = options.strategies ?? scenario.strategies;
  const replications = options.replications ?? scenario.run.replications;
  const seed = options.seed ?? scenario.run.seed;
  return strategies.flatMap((strategy) =>
    Array.from({ length: replications }, (_, k) => ({
      strategy,
      replication: k,
      seed: replicationSeed(seed, k),
      series: k === 0 ? (options.series ?? null) : null,
      levelSamples: options.levelSamples ?? LEVEL_SAMPLES,
    })),
  );
}

/** Runs one replication task of a loaded scenario (the unit of work of serial and parallel runs). */
export function runTask(scenario: Scenario, task: ReplicationTask): RunResult {
  return simulatePlant(builtStrategy(scenario, task.strategy).plant, { seed: task.seed, series: task.series, levelSamples: task.levelSamples });
}

/** Puts replication results (in task order) together into the design's result object. */
export function assembleExperiment(scenario: Scenario, options: ExperimentOptions, tasks: ReplicationTask[], runs: RunResult[]): ExperimentResult {
  const strategies = options.strategies ?? scenario.strategies;
  const byStrategy = strategies.map((name) => runs.filter((_, i) => tasks[i].strategy === name));
  const summaries = strategies.map((name, i) => summarizeStrategy(name, builtStrategy(scenario, name).derived, byStrategy[i]));
  return {
    scenario: scenario.name,
    time: { unit: scenario.time.unit, horizon: scenario.time.horizon, warmup: scenario.time.warmup },
    replications: byStrategy[0]?.length ?? 0,
    seed: options.seed ?? scenario.run.seed,
    strategies: summaries.map((result, i) => {
      const series = byStrategy[i][0].series;
      return series === null ? result : { ...result, series };
    }),
    comparisons: compareStrategies(strategies, byStrategy),
    warnings: experimentWarnings(scenario, strategies, byStrategy, summaries),
  };
}

/** Where a scenario came from, so a worker can load it again: its text, file name and overrides. */
export interface ScenarioSource {
  text: string;
  file: string;
  overrides?: Record<string, unknown>;
}

/** Runs replication tasks of a scenario (in this thread, or spread over workers) and returns results in task order. */
export type Executor = (source: ScenarioSource, scenario: Scenario, tasks: ReplicationTask[], onDone: () => void) => Promise<RunResult[]>;

/** Runs tasks one after another in this thread. */
export const serialExecutor: Executor = async (_source, scenario, tasks, onDone) =>
  tasks.map((task) => {
    const run = runTask(scenario, task);
    onDone();
    return run;
  });

/** Runs every strategy's replications with `execute` (serial or parallel: the same numbers) and summarizes them. */
export async function runExperimentWith(
  execute: Executor,
  source: ScenarioSource,
  scenario: Scenario,
  options: ExperimentOptions = {},
): Promise<ExperimentResult> {
  const tasks = planReplications(scenario, options);
  let done = 0;
  const runs = await execute(source, scenario, tasks, () => options.onProgress?.(++done, tasks.length));
  return assembleExperiment(scenario, options, tasks, runs);
}

/** Runs every strategy's replications in this thread and summarizes them. */
export function runExperiment(scenario: Scenario, options: ExperimentOptions = {}): ExperimentResult {
  const tasks = planReplications(scenario, options);
  const runs = tasks.map((task, i) => {
    const run = runTask(scenario, task);
    options.onProgress?.(i + 1, tasks.length);
    return run;
  });
  return assembleExperiment(scenario, options, tasks, runs);
}
