import type { ItemKpis, MachineKpis, OverallKpis, RunSeries } from '../model/index.js';
import type { DerivedValues } from '../scenario/index.js';

/** One KPI over replications: mean, sample sd, 95% Student-t interval and the number of replications. */
export interface KpiSummary {
  mean: number;
  sd: number;
  ci95: [number, number];
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
  ci95: [number, number];
}

/** The whole result of `sawtooth run --json`. */
export interface ExperimentResult {
  scenario: string;
  time: { unit: string; horizon: number; warmup: number };
  replications: number;
  seed: number | string;
  strategies: StrategyResult[];
  comparisons: Comparison[];
  /** Not part of the JSON contract: the CLI prints it as warnings and drops it from --json. */
  diagnostics?: Diagnostics;
}

/** What the experiment noticed about its own set-up. */
export interface Diagnostics {
  /** MSER-5 truncation time of the stock levels (largest over items and strategies), when levels were sampled. */
  suggestedWarmup: number | null;
}
