import { DEFAULT_MAX_EVENTS, MAX_REPLICATIONS, simulatePlant, tooManyReplications, type RunResult } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { builtStrategy } from './experiment-cache.js';
import type { ExperimentResult } from './results.js';
import { replicationSeed } from './seeds.js';
import { compareStrategies, summarizeStrategy } from './summarize-runs.js';
import { experimentWarnings } from './warnings.js';

export { builtStrategy };

/** Level samples per replication when not asked otherwise: enough for the warm-up and trend checks, cheap. */
const LEVEL_SAMPLES = 500;

// Level samples are the bulk of what a replication keeps (about 20 kB with one item, against 2 kB
// of KPIs), and the warm-up and trend checks gain nothing material from thousands of replications:
// past a budget only the first replications sample them. Each series is one Float64Array per
// replication: t, the overall WIP and three per item.
/** Level samples kept over a whole run at most (8 bytes each: 128 MB). */
const LEVEL_BUDGET = 2 ** 24;
/** Level samples one replication holds at most (16 MB; a plant of thousands of items samples fewer instants). */
const LEVEL_BUDGET_PER_REPLICATION = 2 ** 21;
/** Replications that keep their level samples whatever the budget (the bundled files run 30). */
const LEVEL_REPLICATIONS_MIN = 30;

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
  /** Events the replication may fire (the scenario's run.maxEvents). */
  maxEvents: number;
}

/** The tasks of an experiment, strategy by strategy, replication by replication. */
export function planReplications(scenario: Scenario, options: ExperimentOptions): ReplicationTask[] {
  const strategies = options.strategies ?? scenario.strategies;
  const replications = options.replications ?? scenario.run.replications;
  if (replications > MAX_REPLICATIONS) throw tooManyReplications(replications, MAX_REPLICATIONS);
  const seed = options.seed ?? scenario.run.seed;
  const { run, items } = scenario.document;
  const maxEvents = run?.maxEvents ?? DEFAULT_MAX_EVENTS;
  const levels = levelPlan(Object.keys(items).length, strategies.length, options.levelSamples ?? LEVEL_SAMPLES);
  return strategies.flatMap((strategy) =>
    Array.from({ length: replications }, (_, k) => ({
      strategy,
      replication: k,
      seed: replicationSeed(seed, k),
      series: k === 0 ? (options.series ?? null) : null,
      levelSamples: k < levels.replications ? levels.samples : 0,
      maxEvents,
    })),
  );
}

/** Level samples per replication, and how many replications of each strategy take them, within the budgets. */
function levelPlan(items: number, strategies: number, asked: number): { samples: number; replications: number } {
  const series = 2 + 3 * items;
  const samples = Math.min(asked, Math.floor(LEVEL_BUDGET_PER_REPLICATION / series));
  if (samples === 0) return { samples: 0, replications: 0 };
  return { samples, replications: Math.max(LEVEL_REPLICATIONS_MIN, Math.floor(LEVEL_BUDGET / (samples * series * strategies))) };
}

/** Runs one replication task of a loaded scenario (the unit of work of serial and parallel runs). */
export function runTask(scenario: Scenario, task: ReplicationTask): RunResult {
  const { seed, series, levelSamples, maxEvents } = task;
  return simulatePlant(builtStrategy(scenario, task.strategy).plant, { seed, series, levelSamples, maxEvents });
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
  /** CSV traces read once by the caller (path as the scenario asks → text): workers load from these and read no file. */
  files?: Record<string, string>;
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
