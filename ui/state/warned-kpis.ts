import type { Warning } from '../../sim/index.js';

/** What a table says beside a KPI a warning puts in doubt (the KPI table and the HTML report). */
export const WARNED_NOTE = 'not a steady-state value: see the warnings';

/**
 * The KPIs of one strategy whose averages a warning puts in doubt, named as warnings name them
 * (`wip`, `widget.avgBackorders`, `press.utilization`). A warning without strategies concerns every one.
 */
export function warnedKpis(warnings: Warning[], strategy: string): Set<string> {
  const concerns = (w: Warning): boolean => w.strategies === undefined || w.strategies.includes(strategy);
  return new Set(warnings.filter(concerns).flatMap((w) => w.kpis ?? []));
}
