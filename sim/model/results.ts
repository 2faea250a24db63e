import type { StepSeries } from '../stats/index.js';
import type { ItemPlan } from './planning/index.js';
import type { MachineTimeline } from './machine-timeline.js';

/** Per-item KPIs of one replication over the measured window (DESIGN.md, Results). */
export interface ItemKpis {
  avgOnHand: number;
  avgBackorders: number;
  /** Share of demanded units (customers' and machines') filled at once; 1 when nothing was demanded (see ITEM_RATIOS). */
  fillRate: number;
  stockoutEvents: number;
  stockoutUnits: number;
  lostUnits: number;
  /** Mean wait of this item's customer orders, those still waiting at the end counted up to it. */
  avgCustomerWait: number;
  /** The 90th percentile of those waits (delivery time from order to full fill): 90% of orders waited at most this long. */
  customerWaitP90: number;
  /** The 95th percentile of those waits. */
  customerWaitP95: number;
  replenishmentOrders: number;
  /** Units of this item in production orders released and not yet in stock (time average; 0 for bought items). */
  wip: number;
  /** Mean time from a production order's release to each of its units' arrival in stock. */
  flowTime: number;
  /** Mean forecast error D − F per planning bucket (positive: the forecast was too low); 0 with no forecast. */
  forecastBias: number;
  /** Mean absolute percentage error |D − F| / D over the buckets with demand; 0 with no forecast. */
  forecastMAPE: number;
  /** Share of customer orders filled in full at their due time (at once when ordered without `dueIn`); 1 with no customers. */
  onTimeShare: number;
  /** MRP nervousness: planned releases changed, added or removed between successive planning runs, inside the horizon. */
  planChanges: number;
  /** MRP lots whose release date had passed when they were planned: released at once, counted as exceptions. */
  pastDueReleases: number;
  /** Variance of the units this item ordered (replenishment orders placed) per bucket of time.bucket. */
  orderVariance: number;
  /** Variance of the units demanded of this item (customers, machines, downstream stock points) per bucket. */
  demandVariance: number;
  /** orderVariance / demandVariance: above 1, orders swing more than the demand they answer (the bullwhip). */
  bullwhip: number;
  holdingCost: number;
  orderingCost: number;
  setupCost: number;
  backorderCost: number;
  lostSaleCost: number;
  purchaseCost: number;
}

/** Per-machine KPIs: shares of open server time (they sum to 1 with idleShare), the open share itself, and units made. */
export interface MachineKpis {
  /** Share of server time its calendar has it open (1 without a calendar); the other shares are of the open time. */
  openShare: number;
  utilization: number;
  setupShare: number;
  downShare: number;
  starvedShare: number;
  blockedShare: number;
  idleShare: number;
  unitsProduced: number;
  /** Mean planned load per planning bucket as a share of capacity (MRP's planned releases × process time + setups); 0 with no plan. */
  plannedLoad: number;
  /** Share of planned buckets whose load exceeds capacity: the overload the plan ignores; 0 with no plan. */
  overloadShare: number;
}

export interface OverallKpis {
  totalCost: number;
  throughput: number;
  wip: number;
  avgCustomerWait: number;
}

export const ITEM_KPIS = [
  'avgOnHand',
  'avgBackorders',
  'fillRate',
  'stockoutEvents',
  'stockoutUnits',
  'lostUnits',
  'avgCustomerWait',
  'customerWaitP90',
  'customerWaitP95',
  'replenishmentOrders',
  'holdingCost',
  'orderingCost',
  'setupCost',
  'backorderCost',
  'lostSaleCost',
  'purchaseCost',
  'wip',
  'flowTime',
  'forecastBias',
  'forecastMAPE',
  'onTimeShare',
  'planChanges',
  'pastDueReleases',
  'orderVariance',
  'demandVariance',
  'bullwhip',
] as const satisfies readonly (keyof ItemKpis)[];

export const MACHINE_KPIS = [
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
] as const satisfies readonly (keyof MachineKpis)[];

export const OVERALL_KPIS = ['totalCost', 'throughput', 'wip', 'avgCustomerWait'] as const satisfies readonly (keyof OverallKpis)[];

/**
 * The totals behind one item's per-unit and per-customer KPIs in one replication. Over
 * replications these KPIs are ratio estimates (total numerator / total denominator), so a
 * replication with no demand adds nothing instead of a fill rate of 1.
 */
export interface ItemCounts {
  demandedUnits: number;
  filledAtOnceUnits: number;
  /** Customer orders filled in the window, plus those still waiting at its end. */
  customers: number;
  /** Their waits; a customer still waiting at the end counts the wait so far (censored). */
  customerWaitSum: number;
  /** Customer orders still (partly) unfilled at the end of the window. */
  waitingAtEnd: number;
  /**
   * This replication's 90th and 95th wait percentiles times its customers: over replications the
   * percentiles are averaged, each replication weighted by its customer orders (none: no weight).
   */
  customerWaitP90Weighted: number;
  customerWaitP95Weighted: number;
  /** Units of this item put into stock by a machine, and the sum of their flow times. */
  unitsMade: number;
  flowTimeSum: number;
  /** Planning buckets whose forecast was judged, and the sum of their errors D − F. */
  forecastBuckets: number;
  forecastErrorSum: number;
  /** Those buckets with demand, and the sum of their |D − F| / D. */
  forecastDemandBuckets: number;
  forecastAbsPctSum: number;
  /** Customer orders that fell due in the window, and those filled in full at their due time. */
  customerOrders: number;
  onTimeOrders: number;
  /** The variances behind the bullwhip ratio (pooled over replications: Σ order variance / Σ demand variance). */
  orderVariance: number;
  demandVariance: number;
}

/** The totals behind a machine's planned-load KPIs in one replication: buckets planned (runs × horizon), their summed load / capacity, those overloaded. */
export interface MachineCounts {
  plannedBuckets: number;
  plannedLoadSum: number;
  overloadedBuckets: number;
}

/** The per-unit KPIs of an item as ratios of its counts: numerator / denominator. */
export const ITEM_RATIOS = {
  fillRate: { numerator: 'filledAtOnceUnits', denominator: 'demandedUnits', empty: 1 },
  avgCustomerWait: { numerator: 'customerWaitSum', denominator: 'customers', empty: 0 },
  customerWaitP90: { numerator: 'customerWaitP90Weighted', denominator: 'customers', empty: 0 },
  customerWaitP95: { numerator: 'customerWaitP95Weighted', denominator: 'customers', empty: 0 },
  flowTime: { numerator: 'flowTimeSum', denominator: 'unitsMade', empty: 0 },
  forecastBias: { numerator: 'forecastErrorSum', denominator: 'forecastBuckets', empty: 0 },
  forecastMAPE: { numerator: 'forecastAbsPctSum', denominator: 'forecastDemandBuckets', empty: 0 },
  onTimeShare: { numerator: 'onTimeOrders', denominator: 'customerOrders', empty: 1 },
  bullwhip: { numerator: 'orderVariance', denominator: 'demandVariance', empty: 0 },
} as const satisfies Partial<Record<keyof ItemKpis, { numerator: keyof ItemCounts; denominator: keyof ItemCounts; empty: number }>>;

/** A machine's planned-load KPIs as ratios of its counts: no plan, no data (n = 0). */
export const MACHINE_RATIOS = {
  plannedLoad: { numerator: 'plannedLoadSum', denominator: 'plannedBuckets', empty: 0 },
  overloadShare: { numerator: 'overloadedBuckets', denominator: 'plannedBuckets', empty: 0 },
} as const satisfies Partial<Record<keyof MachineKpis, { numerator: keyof MachineCounts; denominator: keyof MachineCounts; empty: number }>>;

/** Down-sampled series for charts. Levels cover [0, horizon]; cumulative ones start at warm-up. */
export interface RunSeries {
  items: Record<string, { onHand: StepSeries; backorders: StepSeries }>;
  cumulative: { t: number[]; cost: number[]; delivered: number[]; stockoutUnits: number[] };
  /** Forecasts and MRP plans through the run; null without forecasts and MRP. */
  planning: PlanningSeries | null;
  /** Units each item ordered and was asked for per bucket of time.bucket (the bullwhip); null for a run of more than MAX_FLOW_BUCKETS buckets. */
  flows: FlowSeries | null;
  /** Per machine, what its servers did over [0, horizon] (busy, setup, down, starved, blocked, idle, closed), in slices. */
  machines: Record<string, MachineTimeline>;
  /** What a replay of the run needs beyond the charts' series; only when asked for (`series.replay`), so `--series` JSON stays as it was. */
  replay?: ReplaySeries;
}

/**
 * The extra series a replay (a time scrubber over the first replication) reads. Every level series
 * of the run (items' and these) is down-sampled alike: [0, horizon] cut into `buckets` equal
 * buckets, each keeping its lowest, highest and last level.
 */
export interface ReplaySeries {
  buckets: number;
  /** Per machine, the units in production orders waiting for a server (released, not started). */
  queues: Record<string, StepSeries>;
}

/** Per bucket k (starting at t[k] = k · bucket) over [0, horizon]: units ordered and units demanded, per item. */
export interface FlowSeries {
  bucket: number;
  t: number[];
  items: Record<string, { ordered: number[]; demanded: number[] }>;
}

/** One item's MRP record of one planning run, per bucket from the run's own (index 0 = the bucket that starts then); `pastDue`: the past-due lots released at once. */
export type PlanRecord = Pick<ItemPlan, 'gross' | 'scheduled' | 'projected' | 'net' | 'plannedReceipts' | 'plannedReleases' | 'pastDue'>;

/** What planning did in one replication: forecasts against demand, and the MRP runs (the first MAX_RECORDED_RUNS of them). */
export interface PlanningSeries {
  /** Length of a planning bucket, in time units. */
  bucket: number;
  /** Per forecast item, per closed bucket (its start time t): the forecast made for it one bucket ahead and the demand due in it. */
  forecasts: Record<string, { t: number[]; forecast: number[]; actual: number[] }>;
  /** Each MRP planning run: its time and the record of every MRP item (the first MAX_RECORDED_ITEMS). */
  runs: { time: number; items: Record<string, PlanRecord> }[];
  /** Per machine that makes MRP items: its capacity per bucket (servers × bucket × its calendar's open share) and each run's planned load per bucket. */
  load: Record<string, { capacity: number; runs: { time: number; load: number[] }[] }>;
  /** True when runs or items beyond the limits were left out. */
  truncated: boolean;
}

/** Levels at evenly spaced instants t[k] = k · horizon / points (warm-up and trend checks); typed arrays, cheap to keep and to pass from a worker. */
export interface LevelSamples {
  t: Float64Array;
  /** Per item: stock on hand, units backordered, units in its production orders (0 for bought items). */
  onHand: Record<string, Float64Array>;
  backorders: Record<string, Float64Array>;
  wip: Record<string, Float64Array>;
  /** The overall WIP KPI's level. */
  totalWip: Float64Array;
}

/** The outcome of one replication of one strategy. */
export interface RunResult {
  items: Record<string, ItemKpis>;
  machines: Record<string, MachineKpis>;
  kpis: OverallKpis;
  /** Totals behind the ratio KPIs, per item and over all customers (for pooling over replications). */
  counts: { items: Record<string, ItemCounts>; machines: Record<string, MachineCounts>; customers: number; customerWaitSum: number; waitingAtEnd: number };
  series: RunSeries | null;
  /** Each item's on-hand stock sampled at evenly spaced times over [0, horizon] (warm-up diagnostics). */
  levels: LevelSamples | null;
  /** Events fired, for benchmarks. */
  events: number;
}
