import type { RunSeries } from '../model/index.js';
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

/** The value of a step series in force at each of `times` (ascending). */
export function sampleStep(series: { t: number[]; v: number[] }, times: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  for (const time of times) {
    while (i + 1 < series.t.length && series.t[i + 1] <= time) i++;
    out.push(series.v[i] ?? 0);
  }
  return out;
}

/**
 * Warm-up hint: the MSER-5 truncation time of each item's on-hand series over [0, horizon],
 * sampled on a regular grid. Returns the largest, the warm-up the stock levels seem to need.
 */
export function suggestedWarmup(series: RunSeries, horizon: number, points = 500): number {
  const times = Array.from({ length: points }, (_, k) => (k * horizon) / points);
  let longest = 0;
  for (const { onHand } of Object.values(series.items)) {
    const drop = mser5(sampleStep(onHand, times));
    longest = Math.max(longest, drop === 0 ? 0 : times[drop]);
  }
  return longest;
}
