import { MAX_REPLICATIONS, simulatePlant, tooManyReplications, type RunResult, type SeriesOptions } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { builtStrategy } from './experiment-cache.js';
import type { ExperimentResult } from './results.js';
import { inIndexOrder } from './in-order.js';
import { replicationSeed } from './seeds.js';
import { pairSummaries } from './summary.js';
import { ComparisonTally, StrategyTally } from './tally.js';
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
  /** Keep the first replication's down-sampled series (for charts; with `replay`, also what a replay needs). */
  series?: SeriesOptions | null;
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
  series: SeriesOptions | null;
  levelSamples: number;
  /** Events the replication may fire (the scenario's run.maxEvents). */
  maxEvents: number;
}

/**
 * The tasks of an experiment, replication by replication and within each, strategy by strategy:
 * replication k of every strategy comes together, so paired comparisons fold in as they arrive.
 */
export function planReplications(scenario: Scenario, options: ExperimentOptions): ReplicationTask[] {
  const strategies = options.strategies ?? scenario.strategies;
  const replications = options.replications ?? scenario.run.replications;
  if (replications > MAX_REPLICATIONS) throw tooManyReplications(replications, MAX_REPLICATIONS);
  const seed = options.seed ?? scenario.run.seed;
  const maxEvents = scenario.run.maxEvents;
  const items = Math.max(...strategies.map((name) => itemCount(scenario, name)));
  const levels = levelPlan(items, strategies.length, options.levelSamples ?? LEVEL_SAMPLES);
  return Array.from({ length: replications }, (_, k) =>
    strategies.map((strategy) => ({
      strategy,
      replication: k,
      seed: replicationSeed(seed, k),
      series: k === 0 ? (options.series ?? null) : null,
      levelSamples: k < levels.replications ? levels.samples : 0,
      maxEvents,
    })),
  ).flat();
}

function itemCount(scenario: Scenario, strategy: string): number {
  const compiled = Object.hasOwn(scenario.compiled, strategy) ? scenario.compiled[strategy] : undefined;
  return compiled === undefined ? 0 : Object.keys(compiled.document.items).length;
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

/**
 * Folds replication results into the design's result object as they come, in task order whatever
 * order they arrive in (a result that arrives early waits for those before it), so serial and
 * parallel runs give the same numbers bit for bit and memory does not grow with replications.
 */
export class ExperimentAssembler {
  private readonly strategies: string[];
  private readonly tallies: StrategyTally[];
  private readonly comparisons: ComparisonTally;
  private row: RunResult[] = [];
  private folded = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly options: ExperimentOptions,
    private readonly tasks: ReplicationTask[],
  ) {
    this.strategies = options.strategies ?? scenario.strategies;
    this.tallies = this.strategies.map(() => new StrategyTally());
    this.comparisons = new ComparisonTally(this.strategies);
  }

  /** The result of task `index` (of the tasks given to the constructor), in any order. */
  readonly add = inIndexOrder((index: number, run: RunResult) => this.fold(this.tasks[index], run));

  private fold(task: ReplicationTask, run: RunResult): void {
    this.folded++;
    const at = this.strategies.indexOf(task.strategy);
    this.tallies[at].add(run);
    this.row[at] = run;
    if (at === this.strategies.length - 1) {
      this.comparisons.add(this.row);
      this.row = [];
    }
  }

  result(): ExperimentResult {
    const { scenario, options, strategies, tallies } = this;
    if (this.folded < this.tasks.length) throw new RangeError(`${this.tasks.length - this.folded} replications have not reported`);
    const summaries = strategies.map((name, i) => tallies[i].summary(name, builtStrategy(scenario, name).derived));
    const replications = tallies[0]?.replications ?? 0;
    const warnings = experimentWarnings(scenario, strategies, tallies, summaries);
    return {
      scenario: scenario.name,
      time: {
        unit: scenario.time.unit,
        horizon: scenario.time.horizon,
        warmup: scenario.time.warmup,
        ...(scenario.time.start === undefined ? {} : { start: scenario.time.start }),
      },
      replications,
      seed: options.seed ?? scenario.run.seed,
      strategies: summaries.map((result, i) => {
        const series = tallies[i].series;
        return series === null ? result : { ...result, series };
      }),
      comparisons: this.comparisons.comparisons(),
      summary: pairSummaries(this.comparisons.pairDifferences(), { currency: scenario.currency, replications, warnings }),
      warnings,
    };
  }
}

/** Puts replication results (in task order) together into the design's result object. */
export function assembleExperiment(scenario: Scenario, options: ExperimentOptions, tasks: ReplicationTask[], runs: RunResult[]): ExperimentResult {
  const assembler = new ExperimentAssembler(scenario, options, tasks);
  runs.forEach((run, i) => assembler.add(i, run));
  return assembler.result();
}

/** Where a scenario came from, so a worker can load it again: its text, file name and overrides. */
export interface ScenarioSource {
  text: string;
  file: string;
  overrides?: Record<string, unknown>;
  /** CSV traces read once by the caller (path as the scenario asks → text): workers load from these and read no file. */
  files?: Record<string, string>;
}

/**
 * Runs replication tasks of a scenario (in this thread, or spread over workers), handing each
 * result to `onResult` with its task's index as soon as it is known, in any order; resolves when
 * all have been handed over. An executor keeps only a bounded number of results ahead of the
 * first one still running, so a long experiment's memory does not grow with its replications.
 */
export type Executor = (
  source: ScenarioSource,
  scenario: Scenario,
  tasks: ReplicationTask[],
  onResult: (index: number, run: RunResult) => void,
) => Promise<void>;

/** Runs tasks one after another in this thread. */
export const serialExecutor: Executor = async (_source, scenario, tasks, onResult) => {
  tasks.forEach((task, i) => onResult(i, runTask(scenario, task)));
};

/** Every result of `tasks`, in task order (for tests and small runs: keeps them all). */
export async function collectRuns(execute: Executor, source: ScenarioSource, scenario: Scenario, tasks: ReplicationTask[]): Promise<RunResult[]> {
  const runs: RunResult[] = new Array(tasks.length);
  await execute(source, scenario, tasks, (i, run) => (runs[i] = run));
  return runs;
}

/** Runs every strategy's replications with `execute` (serial or parallel: the same numbers) and summarizes them. */
export async function runExperimentWith(
  execute: Executor,
  source: ScenarioSource,
  scenario: Scenario,
  options: ExperimentOptions = {},
): Promise<ExperimentResult> {
  const tasks = planReplications(scenario, options);
  const assembler = new ExperimentAssembler(scenario, options, tasks);
  let done = 0;
  await execute(source, scenario, tasks, (i, run) => {
    assembler.add(i, run);
    options.onProgress?.(++done, tasks.length);
  });
  return assembler.result();
}

/** Runs every strategy's replications in this thread and summarizes them. */
export function runExperiment(scenario: Scenario, options: ExperimentOptions = {}): ExperimentResult {
  const tasks = planReplications(scenario, options);
  const assembler = new ExperimentAssembler(scenario, options, tasks);
  tasks.forEach((task, i) => {
    assembler.add(i, runTask(scenario, task));
    options.onProgress?.(i + 1, tasks.length);
  });
  return assembler.result();
}
