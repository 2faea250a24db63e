// Numbers for people, shared by the CLI and the page (one copy, so they cannot drift).
import { PERCENT_KPIS, formatNumber, formatPercent } from '../model/index.js';
import { floatNoise, sameInEveryReplication, type KpiSummary } from '../experiment/index.js';

// Plain numbers and shares are formatted in the model layer (the experiment's verdict sentences use them too).
export { formatNumber, formatPercent };

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
  if (sameInEveryReplication(summary.ci95, summary.mean) && summary.sd <= floatNoise(summary.mean))
    return `${format(summary.mean)} (equal in every replication)`;
  // An interval cut at the KPI's range (0, or 1 for a share) is no longer symmetric: "± h" would
  // suggest values beyond the range, so the bounds are shown instead.
  if (Math.abs(summary.mean - low - (high - summary.mean)) > 0.01 * halfWidth) return `${format(summary.mean)} (${format(low)} to ${format(high)})`;
  return `${format(summary.mean)} ± ${format(halfWidth)}`;
}
