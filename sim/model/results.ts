import type { StepSeries } from '../stats/index.js';

/** Per-item KPIs of one replication over the measured window (DESIGN.md, Results). */
export interface ItemKpis {
  avgOnHand: number;
  avgBackorders: number;
  /** Share of demanded units (customers' and machines') filled at once; 1 when nothing was demanded. */
  fillRate: number;
  stockoutEvents: number;
  stockoutUnits: number;
  lostUnits: number;
  avgCustomerWait: number;
  replenishmentOrders: number;
  holdingCost: number;
  orderingCost: number;
  setupCost: number;
  backorderCost: number;
  lostSaleCost: number;
  purchaseCost: number;
}

/** Per-machine KPIs: shares of server time (they sum to 1 with idleShare) and units made. */
export interface MachineKpis {
  utilization: number;
  setupShare: number;
  downShare: number;
  starvedShare: number;
  blockedShare: number;
  idleShare: number;
  unitsProduced: number;
}

export interface OverallKpis {
  totalCost: number;
  throughput: number;
  wip: number;
  avgCustomerWait: number;
}

export const ITEM_KPIS = [
  'avgOnHand', 'avgBackorders', 'fillRate', 'stockoutEvents', 'stockoutUnits', 'lostUnits', 'avgCustomerWait',
  'replenishmentOrders', 'holdingCost', 'orderingCost', 'setupCost', 'backorderCost', 'lostSaleCost', 'purchaseCost',
] as const satisfies readonly (keyof ItemKpis)[];

export const MACHINE_KPIS = [
  'utilization', 'setupShare', 'downShare', 'starvedShare', 'blockedShare', 'idleShare', 'unitsProduced',
] as const satisfies readonly (keyof MachineKpis)[];

export const OVERALL_KPIS = ['totalCost', 'throughput', 'wip', 'avgCustomerWait'] as const satisfies readonly (keyof OverallKpis)[];

/** Down-sampled series for charts. Levels cover [0, horizon]; cumulative ones start at warm-up. */
export interface RunSeries {
  items: Record<string, { onHand: StepSeries; backorders: StepSeries }>;
  cumulative: { t: number[]; cost: number[]; delivered: number[]; stockoutUnits: number[] };
}

/** On-hand stock per item at evenly spaced instants: t[k] = k · horizon / points. */
export interface LevelSamples {
  t: number[];
  onHand: Record<string, number[]>;
}

/** The outcome of one replication of one strategy. */
export interface RunResult {
  items: Record<string, ItemKpis>;
  machines: Record<string, MachineKpis>;
  kpis: OverallKpis;
  series: RunSeries | null;
  /** Each item's on-hand stock sampled at evenly spaced times over [0, horizon] (warm-up diagnostics). */
  levels: LevelSamples | null;
  /** Events fired, for benchmarks. */
  events: number;
}
