import { ITEM_KPIS, ITEM_RATIOS, MACHINE_KPIS, OVERALL_KPIS, SHARE_KPIS, type RunResult } from '../model/index.js';
import { pairedDifference, ratioLinearization, summarize } from '../stats/index.js';
import type { Comparison, KpiSummary, StrategyResult } from './results.js';

// How replications become one estimate (README, "When not to trust a number"):
// - a KPI per replication (costs, levels, shares) is averaged over replications;
// - a KPI per unit or per customer (fill rate, waits, flow time) is a ratio of totals pooled over
//   replications, with a delta-method interval: averaging per-replication ratios would count a
//   replication without demand as a fill rate of 1 and bias slow movers upward;
// - one replication gives no interval (ci95 null), and bounds never leave the KPI's range.

/** The values one replication contributes to the estimate of a KPI: its value, or its linearized ratio. */
type Values = ArrayLike<number>;

function clampTo(kpi: string): (x: number) => number {
  const upper = SHARE_KPIS.has(kpi) ? 1 : Infinity;
  return (x) => Math.min(upper, Math.max(0, x));
}

function summaryOf(kpi: string, values: Values): KpiSummary {
  const { mean, sd, ci95, n } = summarize(values);
  const clamp = clampTo(kpi);
  return { mean: clamp(mean), sd, ci95: n < 2 ? null : [clamp(ci95[0]), clamp(ci95[1])], n };
}

/** A pooled ratio with no observation in any replication: the KPI's convention, no interval, n = 0. */
function emptySummary(value: number): KpiSummary {
  return { mean: value, sd: 0, ci95: null, n: 0 };
}

/** Per replication, what enters the estimate of an item's KPI (null: no observation at all). */
function itemValues(runs: RunResult[], item: string, kpi: (typeof ITEM_KPIS)[number]): Values | null {
  const ratio = (ITEM_RATIOS as Partial<Record<string, (typeof ITEM_RATIOS)[keyof typeof ITEM_RATIOS]>>)[kpi];
  if (ratio === undefined) return runs.map((r) => r.items[item][kpi]);
  return ratioLinearization(
    runs.map((r) => r.counts.items[item][ratio.numerator]),
    runs.map((r) => r.counts.items[item][ratio.denominator]),
  );
}

/** Per replication, what enters the estimate of an overall KPI; the mean customer wait is pooled over customers. */
function overallValues(runs: RunResult[], kpi: (typeof OVERALL_KPIS)[number]): Values | null {
  if (kpi !== 'avgCustomerWait') return runs.map((r) => r.kpis[kpi]);
  return ratioLinearization(runs.map((r) => r.counts.customerWaitSum), runs.map((r) => r.counts.customers));
}

function itemSummaries(runs: RunResult[], item: string): Record<(typeof ITEM_KPIS)[number], KpiSummary> {
  const out = {} as Record<(typeof ITEM_KPIS)[number], KpiSummary>;
  for (const kpi of ITEM_KPIS) {
    const values = itemValues(runs, item, kpi);
    out[kpi] = values === null ? emptySummary(runs[0].items[item][kpi]) : summaryOf(kpi, values);
  }
  return out;
}

/** Every KPI of one strategy summarized over its replications, in the design's key order. */
export function summarizeStrategy(name: string, derived: StrategyResult['derived'], runs: RunResult[]): StrategyResult {
  const items: StrategyResult['items'] = {};
  for (const item of Object.keys(runs[0].items)) items[item] = itemSummaries(runs, item);
  const machines: StrategyResult['machines'] = {};
  for (const machine of Object.keys(runs[0].machines)) {
    const out = {} as StrategyResult['machines'][string];
    for (const kpi of MACHINE_KPIS) out[kpi] = summaryOf(kpi, runs.map((r) => r.machines[machine][kpi]));
    machines[machine] = out;
  }
  const kpis = {} as StrategyResult['kpis'];
  for (const kpi of OVERALL_KPIS) {
    const values = overallValues(runs, kpi);
    kpis[kpi] = values === null ? emptySummary(runs[0].kpis[kpi]) : summaryOf(kpi, values);
  }
  return { name, derived, kpis, items, machines };
}

/**
 * Paired differences a − b of every overall KPI, for every pair of strategies in order (pooled
 * ratios through their linearized values). No interval from one replication or from a KPI with
 * no observation on either side.
 */
export function compareStrategies(names: string[], runs: RunResult[][]): Comparison[] {
  const comparisons: Comparison[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      for (const kpi of OVERALL_KPIS) {
        const a = overallValues(runs[i], kpi);
        const b = overallValues(runs[j], kpi);
        if (a === null || b === null) {
          const meanDiff = (a === null ? 0 : summarize(a).mean) - (b === null ? 0 : summarize(b).mean);
          comparisons.push({ a: names[i], b: names[j], kpi, meanDiff, ci95: null });
          continue;
        }
        const { meanDiff, ci95, n } = pairedDifference(a, b);
        comparisons.push({ a: names[i], b: names[j], kpi, meanDiff, ci95: n < 2 ? null : [ci95[0], ci95[1]] });
      }
    }
  }
  return comparisons;
}
