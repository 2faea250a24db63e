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

/** The paired difference a − b of one overall KPI over common-random-number replications. */
export interface Comparison {
  a: string;
  b: string;
  kpi: keyof OverallKpis;
  meanDiff: number;
  /** Null with one replication: no interval, no claim of a difference. */
  ci95: [number, number] | null;
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
  time: { unit: string; horizon: number; warmup: number };
  replications: number;
  seed: number | string;
  strategies: StrategyResult[];
  comparisons: Comparison[];
  /** Everything that makes a number here not what it looks like: unstable load, growth, traps, too few replications. */
  warnings: Warning[];
}
