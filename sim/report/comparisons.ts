// Paired differences in plain language, shared by the CLI and the page.
import { sameInEveryReplication, type Comparison, type ExperimentResult, type KpiSummary } from '../experiment/index.js';
import { formatNumber, kpiOf } from '../model/index.js';

/** True when the interval of a difference excludes 0; never with one replication (no interval). */
export function isSignificant(c: Comparison): boolean {
  return c.ci95 !== null && (c.ci95[0] > 0 || c.ci95[1] < 0);
}

/** A strategy's summary of a KPI named as comparisons name it: `totalCost`, `widget.fillRate`. */
export function kpiSummaryOf(result: ExperimentResult, strategy: string, key: string): KpiSummary | undefined {
  const s = result.strategies.find((x) => x.name === strategy);
  if (s === undefined) return undefined;
  const dot = key.lastIndexOf('.');
  if (dot < 0) return (s.kpis as Record<string, KpiSummary>)[key];
  return (s.items[key.slice(0, dot)] as Record<string, KpiSummary> | undefined)?.[key.slice(dot + 1)];
}

/** The verb of a comparison's sentence and its two directions, per KPI (overall or an item's). */
const PHRASES: Record<string, [string, string, string]> = {
  totalCost: ['costs', 'less than', 'more than'],
  throughput: ['delivers', 'less than', 'more than'],
  wip: ['holds', 'less work in process than', 'more work in process than'],
  avgCustomerWait: ['keeps customers waiting', 'less than', 'longer than'],
};

/** How a difference is sized: shares in percentage points, times in time units, the rest relative to b. */
type Sizing = 'points' | 'time' | 'relative';

function sizingOf(kpi: string, base: number): Sizing {
  const unit = kpiOf(kpi)?.unit;
  if (unit === 'share') return 'points';
  if (unit === 'time' || base === 0) return 'time';
  return 'relative';
}

/**
 * A paired difference in plain language: "JIT costs 12.0% less than EOQ (95% CI 8.0–16.0%)", "JIT's
 * widget fill rate is 2.1 points lower than EOQ's (95% CI 1.5–2.7)", or that the difference is not
 * significant when its interval straddles 0. Waits are told in time units, since percentages of a
 * wait near zero mean nothing; shares in percentage points.
 */
export function describeComparison(c: Comparison, result: ExperimentResult): string {
  const base = kpiSummaryOf(result, c.b, c.kpi)?.mean ?? 0;
  const info = kpiOf(c.kpi);
  const dot = c.kpi.lastIndexOf('.');
  const item = dot < 0 ? null : c.kpi.slice(0, dot);
  const noun = item === null ? (info?.noun ?? c.kpi) : `${item} ${info?.label ?? c.kpi}`;
  if (c.ci95 === null) {
    const why = result.replications < 2 ? 'one replication gives' : 'nothing was measured on one side, so there is';
    return `${c.a} − ${c.b}: ${formatNumber(c.meanDiff)} in ${noun}; ${why} no interval, so no claim of a difference`;
  }
  const ci = c.ci95;
  if (ci[0] === 0 && ci[1] === 0) return `${c.a} and ${c.b}: the same ${noun} in every replication`;
  if (!isSignificant(c))
    return `${c.a} and ${c.b}: no significant difference in ${noun} (95% CI of ${c.a} − ${c.b}: ${formatNumber(ci[0])} to ${formatNumber(ci[1])})`;
  const sizing = sizingOf(c.kpi, base);
  const unit = sizing === 'time' && info?.unit === 'time' ? ` ${result.time.unit}` : sizing === 'points' ? ' points' : '';
  const size = (v: number): string => {
    if (sizing === 'relative') return Math.abs((100 * v) / base).toFixed(1);
    if (sizing === 'points') return (100 * Math.abs(v)).toFixed(1);
    return formatNumber(Math.abs(v));
  };
  const suffix = sizing === 'relative' ? '%' : unit;
  const [lo, hi] = [Math.abs(ci[0]), Math.abs(ci[1])].sort((x, y) => x - y);
  const interval = sameInEveryReplication(ci, c.meanDiff) ? 'the same difference in every replication' : `95% CI ${size(lo)}–${size(hi)}${suffix}`;
  const amount = `${size(c.meanDiff)}${suffix}`;
  if (item !== null) {
    const higher = c.meanDiff > 0 ? (info?.unit === 'time' ? 'longer' : 'higher') : info?.unit === 'time' ? 'shorter' : 'lower';
    return `${c.a}'s ${noun} is ${amount} ${higher} than ${c.b}'s (${interval})`;
  }
  const [verb, less, more] = PHRASES[c.kpi] ?? ['has', 'less than', 'more than'];
  if (c.kpi === 'avgCustomerWait') return `${c.a} ${verb} ${amount} ${c.meanDiff < 0 ? 'less' : 'longer'} than ${c.b} (${interval})`;
  return `${c.a} ${verb} ${amount} ${c.meanDiff < 0 ? less : more} ${c.b} (${interval})`;
}
