import type { Distribution } from '../random/index.js';
import type { CalendarSpec } from './calendar.js';
import type { ForecastMethod } from './planning/index.js';
import type { Allocation } from './stock-point.js';

/**
 * The plant as the model builds it: every default filled, every derived value computed,
 * every distribution constructed. The scenario layer produces it; the model never asks "is this set?".
 */
export interface PlantSpec {
  /** The run, its warm-up, and the buckets orders and demand are summed over for their variances. */
  time: { horizon: number; warmup: number; bucket: number };
  machines: Record<string, MachineSpec>;
  items: Record<string, ItemSpec>;
  demand: DemandSpec[];
  /** Planning buckets: forecasts learn and are judged one bucket at a time. */
  planning: { bucket: number; horizon: number; frozen: number };
  /** Each forecast item's method (the trace method's values already read). */
  forecasts: Record<string, ForecastSpec>;
}

/**
 * A forecast method and the customer demand per time unit the scenario implies (its base rate):
 * a plan made before the method has seen a bucket uses this rate, as a planner would.
 */
export type ForecastSpec = ForecastMethod & { startRate: number };

/** How MRP sizes a lot from a net requirement; `eoq` already resolved to its quantity. */
export type LotSizingSpec = 'lotForLot' | { fixed: number } | { periods: number } | { eoq: number };

export interface MachineSpec {
  servers: number;
  /** Operation-dependent failures: up time counts only while a unit is processed. */
  failures: { upTime: Distribution; repairTime: Distribution } | null;
  /** The shift calendar it works by; absent or null: always open. */
  calendar?: CalendarSpec | null;
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
  /** Replenished from another stock point of the plant. */
  transfer: TransferSpec | null;
  /** How this stock point shares arriving stock among the demands waiting for it (transfer orders, customers, machines). */
  allocation: Allocation;
  policy: PolicySpec;
}

/**
 * A transfer from the stock point of item `from`: an order reaches it `orderDelay` after it is
 * placed, takes what it holds (the rest waits there), and each shipment arrives `leadTime` later.
 */
export interface TransferSpec {
  from: string;
  leadTime: Distribution;
  orderDelay: number;
  orderCost: number;
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
  | {
      type: 'baseStock';
      level: number;
      /** Count the level on the echelon inventory position: this stage and every stock point it ships to, directly or not. */
      echelon?: boolean;
    }
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
      /** Known customer orders due within `horizon` time units whose day totals reach `threshold` units qualify as spikes; null: none do. */
      spike: { threshold: number; horizon: number } | null;
    }
  | {
      type: 'mrp';
      /** The planner's lead time in whole planning buckets (the real one comes from the supplier or the machine). */
      leadTime: number;
      safetyStock: number;
      lotSizing: LotSizingSpec;
      /** Every lot is at least this; 0 for none. */
      minimum: number;
      /** Every lot is a multiple of this; 0 for none. */
      multiple: number;
    }
  | {
      type: 'anchorAndAdjust';
      /** Weight of the newest period's incoming orders in the expected orders L̂. */
      theta: number;
      alphaS: number;
      beta: number;
      targetStock: number;
      /** The decision period (and the first decision's time). */
      every: number;
      /** L̂ before any period was seen: the demand per period the scenario implies. */
      expected: number;
    }
  | {
      type: 'forecastOrderUpTo';
      every: number;
      /** Time units of demand the level covers. */
      cover: number;
      safetyFactor: number;
      /** How the demand per period is forecast. */
      forecast: { method: 'movingAverage'; window: number } | { method: 'exponentialSmoothing'; alpha: number };
      /** Forecast this item's customer demand instead of this stock point's own incoming orders (shared demand information); null: its own. */
      signal: string | null;
      /** The demand per period's mean and sd the scenario implies, used until the forecast has seen a period. */
      initialMean: number;
      initialSd: number;
    }
  | { type: 'none' };

export type PolicyType = PolicySpec['type'];

/**
 * A rate that repeats: factor k holds from start + k·width, wrapping after `factors.length` of them
 * (a week of days: width 1 day in time units, 7 factors; a year of months: 12 unequal widths are
 * written as `edges`). `phase` is the time of the first factor's start.
 */
export interface RateProfile {
  /** The periods' starts within one cycle, in time units, ascending from 0; the cycle lasts `cycle`. */
  edges: number[];
  factors: number[];
  cycle: number;
  /** Where in the cycle time 0 falls, in time units. */
  phase: number;
}

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
      /** A periodic factor on the rate (a week's days, a year's months), applied by thinning; null for none. */
      profile: RateProfile | null;
      /** Time units between a customer's order and the time the goods are due (customers who order ahead); 0 when they need them at once. */
      dueIn: number;
    }
  | {
      kind: 'trace';
      item: string;
      name: string;
      /** Customer orders of the history: times ascending, quantities > 0. */
      times: number[];
      quantities: number[];
      dueIn: number;
      /** Each replication draws aligned blocks of `block` time units of the history at random (a block bootstrap); null replays it as is. */
      resample: { block: number } | null;
      /** Multiplies every quantity, and each change's factor from its time on (a history's volume what-if). */
      scale: number;
      changes: RateChange[];
    };
