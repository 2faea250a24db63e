// The rows of a KPI table, chosen once for every table that shows results: the CLI's text and
// Markdown tables, the page's KPI table and the HTML report. Each row names its KPI (for its
// formatter and label) and, per strategy, its summary and whether a warning puts it in doubt.
import { resultRows, type ExperimentResult, type KpiSummary, type Warning } from '../experiment/index.js';
import { kpiInfo, type KpiScope } from '../model/index.js';

/** What a table says beside a KPI a warning puts in doubt. */
export const DOUBTED_NOTE = 'not a steady-state value: it keeps changing through the run (see the warnings)';

export interface KpiRow {
  /** The KPI as warnings and sweeps name it: `totalCost`, `widget.fillRate`, `press.utilization`. */
  key: string;
  scope: KpiScope;
  /** The item or machine; '' for an overall KPI. */
  entity: string;
  kpi: string;
  /** The catalogue's label as a row heading: `Total cost`, or after the entity's name: `widget fill rate`. */
  label: string;
  /** Per strategy, in the result's order. */
  cells: { summary: KpiSummary; doubted: boolean }[];
}

/**
 * `headline`: what a reader compares first (overall KPIs; each item's fill rate, orders on time,
 * stock, backorders, stockouts and orders; WIP and flow time of made items; forecast bias and MAPE
 * of forecast items; plan changes and past-due releases of MRP items). `all`: every KPI, with rows
 * that are 0 for every strategy left out (no lost sales, no setups), except fill rate and utilization,
 * and open shares of 1 (machines without a calendar) left out too.
 */
export type KpiDetail = 'headline' | 'all';

// Forecast KPIs show only for items with a forecast, on-time shares only for items customers order (no row when nothing was measured).
const HEADLINE_ITEM = [
  'fillRate',
  'onTimeShare',
  'avgOnHand',
  'avgBackorders',
  'stockoutEvents',
  'replenishmentOrders',
  'wip',
  'flowTime',
  'forecastBias',
  'forecastMAPE',
  'planChanges',
  'pastDueReleases',
];
const ALL_ITEM = [
  'fillRate',
  'onTimeShare',
  'avgOnHand',
  'avgBackorders',
  'stockoutEvents',
  'lostUnits',
  'avgCustomerWait',
  'customerWaitP90',
  'customerWaitP95',
  'replenishmentOrders',
  'wip',
  'flowTime',
  'holdingCost',
  'orderingCost',
  'setupCost',
  'backorderCost',
  'lostSaleCost',
  'purchaseCost',
  'forecastBias',
  'forecastMAPE',
  'planChanges',
  'pastDueReleases',
  'bullwhip',
];
// A machine's shares add up to 100% of its open time (idle included); planned load shows only for machines that make MRP
// items, the open share only when a calendar closes the machine.
const ALL_MACHINE = [
  'openShare',
  'utilization',
  'setupShare',
  'downShare',
  'starvedShare',
  'blockedShare',
  'idleShare',
  'unitsProduced',
  'plannedLoad',
  'overloadShare',
];
const OVERALL = ['totalCost', 'throughput', 'wip', 'avgCustomerWait'];
/** Shown even when 0 everywhere: a 0% fill rate or an idle machine is news. */
const ALWAYS = new Set(['fillRate', 'utilization']);
/** Headline KPIs whose row of zeros says nothing: WIP and flow time of bought items, MRP exceptions of items without MRP. */
const QUIET_WHEN_ZERO = new Set(['wip', 'flowTime', 'planChanges', 'pastDueReleases']);
/** Rows that say nothing at 1 for every strategy: the open share of a machine without a calendar. */
const QUIET_WHEN_ONE = new Set(['openShare']);

/** Per strategy, the KPIs (`wip`, `widget.avgBackorders`) whose averages a warning puts in doubt; a warning without strategies concerns every one. */
export function doubtedKpis(warnings: Warning[], strategy: string): Set<string> {
  const concerns = (w: Warning): boolean => w.strategies === undefined || w.strategies.includes(strategy);
  return new Set(warnings.filter(concerns).flatMap((w) => w.kpis ?? []));
}

/** The rows of the KPI table of `result`: its flat rows (resultRows), one table row per KPI with a cell per strategy. */
export function kpiRows(result: ExperimentResult, detail: KpiDetail): KpiRow[] {
  const strategies = result.strategies;
  const doubted = strategies.map((s) => doubtedKpis(result.warnings, s.name));
  const flat = new Map(resultRows(result).map((r) => [`${r.strategy}\u0000${r.scope}\u0000${r.entity}\u0000${r.kpi}`, r]));
  const rows: KpiRow[] = [];
  const add = (scope: KpiScope, entity: string, kpis: string[]): void => {
    for (const kpi of kpis) {
      const found = strategies.map((s) => flat.get(`${s.name}\u0000${scope}\u0000${entity}\u0000${kpi}`));
      if (found.some((r) => r === undefined)) continue;
      const summaries: KpiSummary[] = found.map((r) => ({ mean: r!.mean, sd: r!.sd, ci95: r!.ci95, n: r!.n }));
      // Nothing measured (a forecast KPI of an item without a forecast, the on-time share of an item no customer orders) is no row either.
      if (summaries.every((v) => v.n === 0) && !ALWAYS.has(kpi)) continue;
      const zero = summaries.every((v) => v.mean === 0);
      if (zero && (detail === 'all' ? !ALWAYS.has(kpi) : QUIET_WHEN_ZERO.has(kpi))) continue;
      if (QUIET_WHEN_ONE.has(kpi) && summaries.every((v) => v.mean === 1)) continue;
      const key = entity === '' ? kpi : `${entity}.${kpi}`;
      const { label } = kpiInfo(scope, kpi);
      rows.push({
        key,
        scope,
        entity,
        kpi,
        label: entity === '' ? label.charAt(0).toUpperCase() + label.slice(1) : `${entity} ${label}`,
        cells: summaries.map((summary, i) => ({ summary, doubted: doubted[i].has(key) })),
      });
    }
  };
  add('overall', '', OVERALL);
  for (const item of Object.keys(strategies[0]?.items ?? {})) add('item', item, detail === 'all' ? ALL_ITEM : HEADLINE_ITEM);
  if (detail === 'all') for (const machine of Object.keys(strategies[0]?.machines ?? {})) add('machine', machine, ALL_MACHINE);
  return rows;
}
