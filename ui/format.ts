import type { Comparison, ExperimentResult, KpiSummary } from '../sim/index.js';

const SHARES = new Set(['fillRate', 'utilization', 'setupShare', 'downShare', 'starvedShare', 'blockedShare', 'idleShare']);

/** A number with 4 significant digits and thousands separators. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const decimals = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(value))));
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.min(decimals, 8) });
}

/** Mean ± 95% half-width; shares as percentages. */
export function formatEstimate(summary: KpiSummary, kpi: string): string {
  const halfWidth = (summary.ci95[1] - summary.ci95[0]) / 2;
  const f = SHARES.has(kpi) ? (v: number) => `${(v * 100).toFixed(1)}%` : formatNumber;
  return halfWidth > 0 ? `${f(summary.mean)} ± ${f(halfWidth)}` : f(summary.mean);
}

const KPI_NAMES: Record<string, string> = { totalCost: 'total cost', throughput: 'throughput', wip: 'work in process', avgCustomerWait: 'customer wait' };

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
  const significant = c.ci95[0] > 0 || c.ci95[1] < 0;
  const absolute = c.kpi === 'avgCustomerWait' || base === 0;
  const unit = c.kpi === 'avgCustomerWait' ? ` ${result.time.unit}` : '';
  const size = (v: number): string => (absolute ? `${formatNumber(Math.abs(v))}${unit}` : `${Math.abs((100 * v) / base).toFixed(1)}%`);
  const interval = (): string => {
    const [lo, hi] = [Math.abs(c.ci95[0]), Math.abs(c.ci95[1])].sort((x, y) => x - y);
    return absolute ? `95% CI ${size(lo)}–${size(hi)}` : `95% CI ${Math.abs((100 * lo) / base).toFixed(1)}–${Math.abs((100 * hi) / base).toFixed(1)}%`;
  };
  if (!significant) return `${c.a} and ${c.b}: no significant difference in ${KPI_NAMES[c.kpi]} (95% CI of ${c.a} − ${c.b}: ${formatNumber(c.ci95[0])} to ${formatNumber(c.ci95[1])})`;
  if (c.kpi === 'avgCustomerWait') return `${c.a} ${verb} ${size(c.meanDiff)} ${c.meanDiff < 0 ? 'less' : 'longer'} than ${c.b} (${interval()})`;
  return `${c.a} ${verb} ${size(c.meanDiff)} ${c.meanDiff < 0 ? less : more} ${c.b} (${interval()})`;
}
