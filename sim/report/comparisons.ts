// Paired differences in plain language, shared by the CLI and the page.
import type { Comparison, ExperimentResult } from '../experiment/index.js';
import { kpiInfo } from '../model/index.js';
import { formatNumber } from './numbers.js';

/** True when the interval of a difference excludes 0; never with one replication (no interval). */
export function isSignificant(c: Comparison): boolean {
  return c.ci95 !== null && (c.ci95[0] > 0 || c.ci95[1] < 0);
}

const PHRASES: Record<string, [string, string, string]> = {
  totalCost: ['costs', 'less than', 'more than'],
  throughput: ['delivers', 'less than', 'more than'],
  wip: ['holds', 'less work in process than', 'more work in process than'],
  avgCustomerWait: ['keeps customers waiting', 'less than', 'longer than'],
};

/**
 * A paired difference in plain language: "JIT costs 12.0% less than EOQ (95% CI 8.0–16.0%)", or that
 * the difference is not significant when its interval straddles 0. Waits are told in time units,
 * since percentages of a wait near zero mean nothing.
 */
export function describeComparison(c: Comparison, result: ExperimentResult): string {
  const base = result.strategies.find((s) => s.name === c.b)!.kpis[c.kpi].mean;
  const [verb, less, more] = PHRASES[c.kpi];
  if (c.ci95 === null) {
    const why = result.replications < 2 ? 'one replication gives' : 'nothing was measured on one side, so there is';
    return `${c.a} − ${c.b}: ${formatNumber(c.meanDiff)} in ${kpiInfo('overall', c.kpi).noun}; ${why} no interval, so no claim of a difference`;
  }
  const ci = c.ci95;
  if (ci[0] === 0 && ci[1] === 0) return `${c.a} and ${c.b}: the same ${kpiInfo('overall', c.kpi).noun} in every replication`;
  const significant = isSignificant(c);
  const absolute = c.kpi === 'avgCustomerWait' || base === 0;
  const unit = c.kpi === 'avgCustomerWait' ? ` ${result.time.unit}` : '';
  const size = (v: number): string => (absolute ? `${formatNumber(Math.abs(v))}${unit}` : `${Math.abs((100 * v) / base).toFixed(1)}%`);
  const interval = (): string => {
    const [lo, hi] = [Math.abs(ci[0]), Math.abs(ci[1])].sort((x, y) => x - y);
    return absolute ? `95% CI ${size(lo)}–${size(hi)}` : `95% CI ${Math.abs((100 * lo) / base).toFixed(1)}–${Math.abs((100 * hi) / base).toFixed(1)}%`;
  };
  if (!significant)
    return `${c.a} and ${c.b}: no significant difference in ${kpiInfo('overall', c.kpi).noun} (95% CI of ${c.a} − ${c.b}: ${formatNumber(ci[0])} to ${formatNumber(ci[1])})`;
  if (c.kpi === 'avgCustomerWait') return `${c.a} ${verb} ${size(c.meanDiff)} ${c.meanDiff < 0 ? 'less' : 'longer'} than ${c.b} (${interval()})`;
  return `${c.a} ${verb} ${size(c.meanDiff)} ${c.meanDiff < 0 ? less : more} ${c.b} (${interval()})`;
}
