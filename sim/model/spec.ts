import type { Distribution } from '../random/index.js';
import type { ForecastMethod } from './planning/index.js';

/**
 * The plant as the model builds it: every default filled, every derived value computed,
 * every distribution constructed. The scenario layer produces it; the model never asks "is this set?".
 */
export interface PlantSpec {
  time: { horizon: number; warmup: number };
  machines: Record<string, MachineSpec>;
  items: Record<string, ItemSpec>;
  demand: DemandSpec[];
  /** Planning buckets: forecasts learn and are judged one bucket at a time. */
  planning: { bucket: number; horizon: number; frozen: number };
  /** Each forecast item's method (the trace method's values already read). */
  forecasts: Record<string, ForecastMethod>;
}

export interface MachineSpec {
  servers: number;
  /** Operation-dependent failures: up time counts only while a unit is processed. */
  failures: { upTime: Distribution; repairTime: Distribution } | null;
}

export interface ItemSpec {
  holdingCost: number;
  /** Storage limit for on-hand stock; Infinity when unlimited. Production blocks when full. */
  capacity: number;
  unmet: 'backorder' | 'lost';
  backorderCost: number;
  lostSaleCost: number;
  initial: number;
  buy: BuySpec | null;
  make: MakeSpec | null;
  policy: PolicySpec;
}

export interface BuySpec {
  leadTime: Distribution;
  orderCost: number;
  unitCost: number;
}

export interface MakeSpec {
  machine: string;
  processTime: Distribution;
  setupTime: Distribution;
  setupCost: number;
  /** Units of each component taken from stock as each unit starts. */
  bom: Record<string, number>;
}

export type PolicySpec =
  | { type: 'sQ'; reorderPoint: number; quantity: number }
  | { type: 'sS'; reorderPoint: number; orderUpTo: number }
  | { type: 'RS'; every: number; orderUpTo: number; offset: number }
  | { type: 'baseStock'; level: number }
  | { type: 'kanban'; cards: number; containerSize: number }
  | { type: 'batch'; lotSize: number; every: number; offset: number }
  | { type: 'continuous'; rate: number }
  | { type: 'makeToOrder' }
  | {
      type: 'ddmrp';
      /** Rolling average daily usage over `window` time units, or a fixed one. */
      adu: { window: number } | { fixed: number };
      /** The ADU a rolling window starts from (the demand rate derived from the scenario). */
      initialAdu: number;
      leadTime: number;
      leadTimeFactor: number;
      variabilityFactor: number;
      orderCycle: number;
      minimumOrder: number;
    }
  | { type: 'none' };

export type PolicyType = PolicySpec['type'];

/** A step change of a demand stream's rate: from `at` on, the rate is `factor` times the base rate. */
export interface RateChange {
  at: number;
  factor: number;
}

export type DemandSpec =
  | {
      kind: 'stream';
      item: string;
      /** Stream name for common random numbers; stable when other sources are added. */
      name: string;
      /** Time between customer orders, the first gap drawn at 0 (`every: T` is a constant T: orders at T, 2T, …). */
      interarrival: Distribution;
      quantity: Distribution;
      changes: RateChange[];
    }
  | {
      kind: 'trace';
      item: string;
      name: string;
      /** Customer orders replayed as is: times ascending, quantities > 0. */
      times: number[];
      quantities: number[];
    };
