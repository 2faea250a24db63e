// The KPI catalogue: what every KPI of the results is, written once. The CLI, the page, the HTML
// report, the charts and the sweep ranking read it; a new KPI is added here (and computed in
// plant.ts) and appears everywhere.
import { ITEM_KPIS, MACHINE_KPIS, OVERALL_KPIS } from './results.js';

export type KpiScope = 'overall' | 'item' | 'machine';

/**
 * What a KPI's numbers are: money, a share in [0, 1], a percentage that may pass 100% (an error
 * measure), units of stock, a time, a count of events, a rate per time unit, a variance of units
 * (units²), a ratio of two like quantities (no unit).
 */
export type UnitKind = 'money' | 'share' | 'percent' | 'stock' | 'time' | 'count' | 'rate' | 'variance' | 'ratio';

/** The cost groups a cost breakdown stacks. */
export type CostGroup = 'holding' | 'ordering & setup' | 'backorders & lost sales' | 'purchase';

export interface KpiInfo {
  key: string;
  scope: KpiScope;
  /** A short label for tables and charts, lower case: `fill rate`, `avg on hand`, `WIP`. */
  label: string;
  /** The KPI as a noun in a sentence: `work in process`. */
  noun: string;
  unit: UnitKind;
  /** Which way is better; null when neither is (utilization, orders placed). */
  better: 'lower' | 'higher' | null;
  /** The cost group of a cost KPI. */
  costGroup?: CostGroup;
  /** May be below 0 (a forecast's bias); every other KPI is >= 0. */
  signed?: true;
}

type Entry = Omit<KpiInfo, 'key' | 'scope' | 'noun'> & { noun?: string };

const OVERALL: Record<(typeof OVERALL_KPIS)[number], Entry> = {
  totalCost: { label: 'total cost', unit: 'money', better: 'lower' },
  throughput: { label: 'throughput', unit: 'rate', better: 'higher' },
  wip: { label: 'WIP', noun: 'work in process', unit: 'stock', better: 'lower' },
  avgCustomerWait: { label: 'customer wait', unit: 'time', better: 'lower' },
};

const ITEM: Record<(typeof ITEM_KPIS)[number], Entry> = {
  avgOnHand: { label: 'avg on hand', noun: 'average stock on hand', unit: 'stock', better: 'lower' },
  avgBackorders: { label: 'avg backorders', noun: 'average backorders', unit: 'stock', better: 'lower' },
  fillRate: { label: 'fill rate', unit: 'share', better: 'higher' },
  stockoutEvents: { label: 'stockouts', noun: 'stockout events', unit: 'count', better: 'lower' },
  stockoutUnits: { label: 'stockout units', noun: 'units short', unit: 'stock', better: 'lower' },
  lostUnits: { label: 'lost units', noun: 'units lost', unit: 'stock', better: 'lower' },
  avgCustomerWait: { label: 'customer wait', unit: 'time', better: 'lower' },
  customerWaitP90: { label: 'wait p90', noun: '90th percentile of customer waits (90% of orders delivered within it)', unit: 'time', better: 'lower' },
  customerWaitP95: { label: 'wait p95', noun: '95th percentile of customer waits (95% of orders delivered within it)', unit: 'time', better: 'lower' },
  replenishmentOrders: { label: 'orders', noun: 'replenishment orders', unit: 'count', better: null },
  holdingCost: { label: 'holding cost', unit: 'money', better: 'lower', costGroup: 'holding' },
  orderingCost: { label: 'ordering cost', unit: 'money', better: 'lower', costGroup: 'ordering & setup' },
  setupCost: { label: 'setup cost', unit: 'money', better: 'lower', costGroup: 'ordering & setup' },
  backorderCost: { label: 'backorder cost', unit: 'money', better: 'lower', costGroup: 'backorders & lost sales' },
  lostSaleCost: { label: 'lost-sale cost', unit: 'money', better: 'lower', costGroup: 'backorders & lost sales' },
  purchaseCost: { label: 'purchase cost', unit: 'money', better: 'lower', costGroup: 'purchase' },
  wip: { label: 'WIP', noun: 'work in process', unit: 'stock', better: 'lower' },
  flowTime: { label: 'flow time', unit: 'time', better: 'lower' },
  forecastBias: { label: 'forecast bias', noun: 'forecast bias (demand − forecast per bucket)', unit: 'stock', better: null, signed: true },
  forecastMAPE: { label: 'forecast MAPE', noun: 'mean absolute percentage forecast error', unit: 'percent', better: 'lower' },
  onTimeShare: { label: 'on time', noun: 'share of customer orders filled by their due time', unit: 'share', better: 'higher' },
  planChanges: { label: 'plan changes', noun: 'planned orders changed between planning runs (nervousness)', unit: 'count', better: 'lower' },
  pastDueReleases: { label: 'past-due releases', noun: 'planned orders released after their release date (exceptions)', unit: 'count', better: 'lower' },
  orderVariance: { label: 'order variance', noun: 'variance of units ordered per bucket', unit: 'variance', better: 'lower' },
  demandVariance: { label: 'demand variance', noun: 'variance of units demanded per bucket', unit: 'variance', better: null },
  bullwhip: { label: 'bullwhip', noun: 'bullwhip ratio (order variance / demand variance)', unit: 'ratio', better: 'lower' },
};

const MACHINE: Record<(typeof MACHINE_KPIS)[number], Entry> = {
  openShare: { label: 'open share', noun: 'share of time its calendar has it open', unit: 'share', better: null },
  utilization: { label: 'utilization', unit: 'share', better: 'higher' },
  setupShare: { label: 'setup share', noun: 'share of time in setups', unit: 'share', better: 'lower' },
  downShare: { label: 'down share', noun: 'share of time down', unit: 'share', better: 'lower' },
  starvedShare: { label: 'starved share', noun: 'share of time starved', unit: 'share', better: 'lower' },
  blockedShare: { label: 'blocked share', noun: 'share of time blocked', unit: 'share', better: 'lower' },
  idleShare: { label: 'idle share', noun: 'share of time idle', unit: 'share', better: null },
  unitsProduced: { label: 'units produced', unit: 'stock', better: 'higher' },
  plannedLoad: { label: 'planned load', noun: 'planned load as a share of capacity', unit: 'percent', better: null },
  overloadShare: { label: 'overloaded buckets', noun: 'share of planned buckets above capacity', unit: 'share', better: 'lower' },
};

function entries(scope: KpiScope, table: Record<string, Entry>): KpiInfo[] {
  return Object.entries(table).map(([key, e]) => ({ key, scope, ...e, noun: e.noun ?? e.label }));
}

/** Every KPI, overall first, in the design's key order within each scope. */
export const KPI_CATALOGUE: readonly KpiInfo[] = [...entries('overall', OVERALL), ...entries('item', ITEM), ...entries('machine', MACHINE)];

const byScope = new Map(KPI_CATALOGUE.map((k) => [`${k.scope}:${k.key}`, k]));

/** An item's KPIs of customer waits, as warnings name them: a warning that doubts the mean wait doubts its percentiles too. */
export function customerWaitKpis(item: string): string[] {
  return [`${item}.avgCustomerWait`, `${item}.customerWaitP90`, `${item}.customerWaitP95`];
}

/** The catalogue entry of a KPI. */
export function kpiInfo(scope: KpiScope, key: string): KpiInfo {
  const info = byScope.get(`${scope}:${key}`);
  if (info === undefined) throw new RangeError(`no ${scope} KPI named ${key}`);
  return info;
}

/**
 * The entry of a KPI named as warnings, sweeps and `--kpi` name them: `totalCost` (overall),
 * `widget.fillRate` (an item's), `press.utilization` (a machine's, when no item KPI has the name).
 */
export function kpiOf(name: string): KpiInfo | undefined {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return byScope.get(`overall:${name}`);
  const key = name.slice(dot + 1);
  return byScope.get(`item:${key}`) ?? byScope.get(`machine:${key}`);
}

/** KPIs that are shares: their values and interval bounds lie in [0, 1]. Every other KPI is >= 0 unless signed. */
export const SHARE_KPIS: ReadonlySet<string> = new Set(KPI_CATALOGUE.filter((k) => k.unit === 'share').map((k) => k.key));

/** KPIs shown as percentages: shares and percentage errors. */
export const PERCENT_KPIS: ReadonlySet<string> = new Set(KPI_CATALOGUE.filter((k) => k.unit === 'share' || k.unit === 'percent').map((k) => k.key));

/** KPIs that may be below 0: their values and interval bounds are not cut at 0. */
export const SIGNED_KPIS: ReadonlySet<string> = new Set(KPI_CATALOGUE.filter((k) => k.signed).map((k) => k.key));

/** True when a higher value of `kpi` (`totalCost`, `widget.fillRate`) is better. */
export function higherIsBetter(kpi: string): boolean {
  return kpiOf(kpi)?.better === 'higher';
}

/** The unit a KPI's numbers are in, for a label: `EUR`, `/day`, `units`, `day`; '' for shares and counts. */
export function unitText(kind: UnitKind, time: { unit: string }, currency: string): string {
  switch (kind) {
    case 'money':
      return currency;
    case 'rate':
      return `/${time.unit}`;
    case 'stock':
      return 'units';
    case 'time':
      return time.unit;
    case 'variance':
      return 'units²';
    default:
      return '';
  }
}
