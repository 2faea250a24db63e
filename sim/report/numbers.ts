// Numbers for people, shared by the CLI and the page (one copy, so they cannot drift).
import { PERCENT_KPIS } from '../model/index.js';
import type { KpiSummary } from '../experiment/index.js';

/** Numbers for people: 4 significant digits, thousands separators, no exponent for everyday sizes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e12 || magnitude < 1e-4) return value.toExponential(3);
  const decimals = Math.max(0, 3 - Math.floor(Math.log10(magnitude)));
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

/**
 * A share in [0, 1] as a percentage with one decimal; a share that is not exactly 1 (or 0) never
 * reads 100.0% (or 0.0%): it gets the decimals it needs, up to ">99.99%" (or "<0.01%").
 */
export function formatPercent(value: number): string {
  const percent = value * 100;
  for (let decimals = 1; decimals <= 2; decimals++) {
    const text = percent.toFixed(decimals);
    const rounded = Number(text);
    if ((rounded !== 100 || value === 1) && (rounded !== 0 || value === 0)) return `${text}%`;
  }
  return value > 0.5 ? '>99.99%' : '<0.01%';
}

/** The formatter of a KPI (`fillRate`, `widget.fillRate`): shares as percentages, everything else as numbers. */
export function formatterOf(kpi: string): (value: number) => string {
  return PERCENT_KPIS.has(kpi.split('.').pop()!) ? formatPercent : formatNumber;
}

/**
 * A KPI over replications as a person should read it: "12.3 ± 0.4", or with its caveat: one
 * replication gives no interval, nothing measured gives no value, equal values in every
 * replication are said to be equal rather than "± 0", and an interval cut at 0 shows its bounds.
 */
export function formatEstimate(summary: KpiSummary, kpi: string): string {
  const format = formatterOf(kpi);
  if (summary.n === 0) return 'no data';
  if (summary.ci95 === null) return `${format(summary.mean)} (1 replication, no interval)`;
  const [low, high] = summary.ci95;
  const halfWidth = (high - low) / 2;
  // Replications that differ only in the last bits of a float sum (1e-14 of the value) are equal to a reader.
  const noise = 1e-12 * Math.max(1, Math.abs(summary.mean));
  if (halfWidth <= noise && summary.sd <= noise) return `${format(summary.mean)} (equal in every replication)`;
  // An interval cut at the KPI's range (0, or 1 for a share) is no longer symmetric: "± h" would
  // suggest values beyond the range, so the bounds are shown instead.
  if (Math.abs(summary.mean - low - (high - summary.mean)) > 0.01 * halfWidth) return `${format(summary.mean)} (${format(low)} to ${format(high)})`;
  return `${format(summary.mean)} ± ${format(halfWidth)}`;
}
