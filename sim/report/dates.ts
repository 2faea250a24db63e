// The dates of a dated run in words, for the headers of the CLI's report and the page's HTML report.
import { dateText, type RunTime } from '../scenario/index.js';

/**
 * The dates a run covers when time.start dates it: `from 2025-01-06 to 2026-01-05 (measured from
 * 2025-02-03)` — time 0, the horizon and, with a warm-up, its end; null when the run is not dated.
 */
export function datedSpan(time: RunTime & { horizon: number; warmup: number }): string | null {
  const [from, to, measured] = [dateText(time, 0), dateText(time, time.horizon), dateText(time, time.warmup)];
  if (from === null) return null;
  return `from ${from} to ${to}${time.warmup > 0 ? ` (measured from ${measured})` : ''}`;
}
