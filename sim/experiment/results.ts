import type { ItemKpis, MachineKpis, OverallKpis, RunSeries } from '../model/index.js';
import type { DerivedValues } from '../scenario/index.js';

/**
 * One KPI over replications: mean, sample sd, 95% Student-t interval and the number of
 * replications. Per-unit KPIs (fill rate, waits, flow time) are pooled ratios: `sd` is that of
 * their linearized values, and `n` is 0 when no replication had anything to measure. `ci95` is
 * null with one replication (or none to measure) and never leaves the KPI's range.
 */
export interface KpiSummary {
  mean: number;
  sd: number;
  ci95: [number, number] | null;
  n: number;
}

/** One strategy's results, as `sawtooth run --json` prints them (DESIGN.md, Results). */
export interface StrategyResult {
  name: string;
  derived: Record<string, DerivedValues>;
  kpis: Record<keyof OverallKpis, KpiSummary>;
  items: Record<string, Record<keyof ItemKpis, KpiSummary>>;
  machines: Record<string, Record<keyof MachineKpis, KpiSummary>>;
  /** The first replication's series, when asked for (`--series`). */
  series?: RunSeries;
}

/**
 * The paired difference a − b of one KPI over common-random-number replications: every overall
 * KPI, and the service KPIs (fill rate, on-time share, customer wait) of every item customers order,
 * named as warnings and sweeps name them (`widget.fillRate`).
 */
export interface Comparison {
  a: string;
  b: string;
  kpi: string;
  meanDiff: number;
  /** Null with one replication: no interval, no claim of a difference. */
  ci95: [number, number] | null;
}

/**
 * Whether an interval has no width but the last bits of a float sum (1e-12 of the value): the
 * figure was the same in every replication, and an interval "x–x" would read as precision.
 */
export function sameInEveryReplication(ci95: readonly [number, number], mean: number): boolean {
  return (ci95[1] - ci95[0]) / 2 <= floatNoise(mean);
}

/** How far replications of a figure near `value` may differ and still be equal to a reader: the last bits of a float sum. */
export function floatNoise(value: number): number {
  return 1e-12 * Math.max(1, Math.abs(value));
}

/** A paired difference a − b with its 95% CI (null with one replication) and whether the interval excludes 0. */
export interface Difference {
  meanDiff: number;
  ci95: [number, number] | null;
  significant: boolean;
}

/** A cost difference, also relative to b: (mean a / mean b) − 1 with its delta-method interval; null when b's mean is 0. */
export interface CostDifference extends Difference {
  relative: { mean: number; ci95: [number, number] | null } | null;
}

/** A service KPI of one item sold to customers, a against b: both means and their difference. */
export interface ServiceDifference extends Difference {
  item: string;
  kpi: 'fillRate' | 'onTimeShare';
  means: [number, number];
}

/**
 * The verdict on one pair of strategies (DESIGN.md, Results: `summary`): the total cost difference
 * split into the costs the policies control (holding, ordering, setup, backorders, lost sales) and
 * purchase cost (much the same under every policy, and large enough to hide the rest), the service
 * of every item customers order, and one plain sentence.
 */
export interface PairSummary {
  a: string;
  b: string;
  totalCost: CostDifference;
  controlledCost: CostDifference;
  purchaseCost: CostDifference;
  service: ServiceDifference[];
  /** A warning puts the total cost of a or b in doubt (a growing backlog, say): not steady-state figures. */
  doubted: boolean;
  sentence: string;
}

/** Something about a result that a reader must know before trusting it (DESIGN.md, Results). */
export interface Warning {
  /** Stable identifier, e.g. `unstable-load`, `growing-backlog`, `lost-make-to-order`. */
  code: string;
  /** Where in the scenario it comes from, e.g. `machines.press` or `items.widget.policy`. */
  path: string;
  /** One plain sentence (or two) naming the figures. */
  message: string;
  /** The strategies it concerns; absent when it concerns the whole experiment (a warm-up, say). */
  strategies?: string[];
  /** KPIs whose averages it puts in doubt (`wip`, `widget.avgBackorders`): tables mark them. */
  kpis?: string[];
  /** `note`: advice that leaves the numbers right but loose (more replications would tighten them). */
  level?: 'note';
}

/** The whole result of `sawtooth run --json`. */
export interface ExperimentResult {
  scenario: string;
  /** `start`: the date of time 0 (time.start) when the scenario is dated; absent otherwise. */
  time: { unit: string; horizon: number; warmup: number; start?: string };
  replications: number;
  seed: number | string;
  strategies: StrategyResult[];
  comparisons: Comparison[];
  /** Per pair of strategies, the verdict: cost split, service, significance, one sentence. */
  summary: PairSummary[];
  /** Everything that makes a number here not what it looks like: unstable load, growth, traps, too few replications. */
  warnings: Warning[];
}
