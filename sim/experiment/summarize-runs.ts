import { ITEM_KPIS, MACHINE_KPIS, OVERALL_KPIS, type RunResult } from '../model/index.js';
import { pairedDifference, summarize } from '../stats/index.js';
import type { Comparison, KpiSummary, StrategyResult } from './results.js';

function summaryOf(values: number[]): KpiSummary {
  const { mean, sd, ci95, n } = summarize(values);
  return { mean, sd, ci95: [ci95[0], ci95[1]], n };
}

function summarizeRecord<K extends string>(keys: readonly K[], rows: Record<K, number>[]): Record<K, KpiSummary> {
  const out = {} as Record<K, KpiSummary>;
  for (const key of keys) out[key] = summaryOf(rows.map((row) => row[key]));
  return out;
}

/** Every KPI of one strategy summarized over its replications, in the design's key order. */
export function summarizeStrategy(name: string, derived: StrategyResult['derived'], runs: RunResult[]): StrategyResult {
  const items: StrategyResult['items'] = {};
  for (const item of Object.keys(runs[0].items)) items[item] = summarizeRecord(ITEM_KPIS, runs.map((r) => r.items[item]));
  const machines: StrategyResult['machines'] = {};
  for (const machine of Object.keys(runs[0].machines)) {
    machines[machine] = summarizeRecord(MACHINE_KPIS, runs.map((r) => r.machines[machine]));
  }
  return { name, derived, kpis: summarizeRecord(OVERALL_KPIS, runs.map((r) => r.kpis)), items, machines };
}

/** Paired differences a − b of every overall KPI, for every pair of strategies in order. */
export function compareStrategies(names: string[], runs: RunResult[][]): Comparison[] {
  const comparisons: Comparison[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      for (const kpi of OVERALL_KPIS) {
        const { meanDiff, ci95 } = pairedDifference(runs[i].map((r) => r.kpis[kpi]), runs[j].map((r) => r.kpis[kpi]));
        comparisons.push({ a: names[i], b: names[j], kpi, meanDiff, ci95: [ci95[0], ci95[1]] });
      }
    }
  }
  return comparisons;
}
