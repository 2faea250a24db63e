import type { RunResult } from '../model/index.js';
import { mser5 } from '../stats/index.js';
import type { KpiSummary } from './results.js';

/**
 * Replications needed for a KPI's 95% half-width to fall to `relativeHalfWidth` × |mean|,
 * from a pilot's summary (half-width shrinks as 1/√n). Infinity when the mean is 0 but not the spread.
 */
export function replicationsNeeded(summary: KpiSummary, relativeHalfWidth: number): number {
  const halfWidth = (summary.ci95[1] - summary.ci95[0]) / 2;
  if (halfWidth === 0) return summary.n;
  const target = relativeHalfWidth * Math.abs(summary.mean);
  if (target === 0) return Infinity;
  return Math.max(2, Math.ceil(summary.n * (halfWidth / target) ** 2));
}

/**
 * Warm-up hint: the MSER-5 truncation time of each item's sampled on-hand stock, the largest over
 * items and runs: the warm-up the stock levels seem to need. Null when no levels were sampled.
 */
export function suggestedWarmup(runs: RunResult[]): number | null {
  let longest: number | null = null;
  for (const { levels } of runs) {
    if (levels === null) continue;
    for (const values of Object.values(levels.onHand)) {
      const drop = mser5(values);
      longest = Math.max(longest ?? 0, drop === 0 ? 0 : levels.t[drop]);
    }
  }
  return longest;
}
