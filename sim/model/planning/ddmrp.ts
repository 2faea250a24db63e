// The DDMRP buffer as pure functions (Ptak & Smith, Demand Driven Material Requirements Planning,
// 3rd ed., ch. 7–8; the exact case is DDMRP-01 in validation/planning-cases.md): zones from the
// average daily usage, the net flow position, and the order it triggers. Quantities are not rounded:
// the model's quantities are continuous, and DDMRP-01's whole numbers come from whole inputs.
import { parameterChecks } from './checks.js';

const { finite, nonNegative, positiveInteger } = parameterChecks('ddmrp');

/** The parameters of one buffer. Time is in the scenario's time unit ("daily" = per time unit). */
export interface BufferSpec {
  /** Average daily usage, units per time unit. */
  adu: number;
  /** Decoupled lead time, in time units. */
  leadTime: number;
  /** Typically 0.2 (long lead time) to 0.8 (short); above 1 is allowed, below 0 is refused. */
  leadTimeFactor: number;
  /** Typically 0.2 (low variability) to 1 (high); above 1 is allowed, below 0 is refused. */
  variabilityFactor: number;
  /** Desired order cycle in time units; 0 (the default) lets the other two terms set green. */
  orderCycle?: number;
  /** Minimum order quantity; 0 by default. */
  minimumOrder?: number;
}

/** The three zones and their cumulative tops, all in units. */
export interface BufferZones {
  red: number;
  redBase: number;
  redSafety: number;
  yellow: number;
  green: number;
  topOfRed: number;
  topOfYellow: number;
  topOfGreen: number;
}

/** A customer order already known, due at `due` (a time). */
export interface KnownOrder {
  due: number;
  quantity: number;
}

/** What a buffer asks for now: `quantity` 0 means no order. */
export interface DdmrpOrder {
  quantity: number;
  /** Net flow / top of green (DDMRP-01: 0.476); lower is more urgent. Set whether or not an order is placed. */
  priority: number;
}

/** How ADU is obtained: the mean of the last `window` time units of usage, or a fixed value. */
export type AduSpec = { window: number } | { fixed: number };

/** A rolling ADU fed one time unit of usage at a time. */
export interface AduTracker {
  observe(usage: number): void;
  value(): number;
}

/**
 * The zones of DDMRP-01: yellow = ADU × DLT; red = ADU × DLT × LTF × (1 + VF);
 * green = max(minimum order, ADU × order cycle, ADU × DLT × LTF). With order cycle and
 * minimum order 0, green equals the red base.
 */
export function bufferZones(spec: BufferSpec): BufferZones {
  const adu = nonNegative('adu', spec.adu);
  const leadTime = nonNegative('leadTime', spec.leadTime);
  const leadTimeFactor = nonNegative('leadTimeFactor', spec.leadTimeFactor);
  const variabilityFactor = nonNegative('variabilityFactor', spec.variabilityFactor);
  const orderCycle = nonNegative('orderCycle', spec.orderCycle ?? 0);
  const minimumOrder = nonNegative('minimumOrder', spec.minimumOrder ?? 0);

  const yellow = adu * leadTime;
  const redBase = yellow * leadTimeFactor;
  const redSafety = redBase * variabilityFactor;
  const red = redBase + redSafety;
  const green = Math.max(minimumOrder, adu * orderCycle, redBase);
  return { red, redBase, redSafety, yellow, green, topOfRed: red, topOfYellow: red + yellow, topOfGreen: red + yellow + green };
}

/** Net flow position = on hand + on order − qualified demand (may be negative). */
export function netFlow({ onHand, onOrder, qualifiedDemand }: { onHand: number; onOrder: number; qualifiedDemand: number }): number {
  return finite('onHand', onHand) + nonNegative('onOrder', onOrder) - nonNegative('qualifiedDemand', qualifiedDemand);
}

/**
 * Qualified demand = backorders (past due) + due today + qualified spikes. Orders are grouped by
 * day, `Math.floor(due)` in time units, as the book qualifies a day's total, not single orders. A
 * day is a spike when it lies 1 to `horizon` days after today (`Math.floor(now)`) and its total is
 * at least `threshold` units; the whole day's total then counts. `knownOrders` due today or
 * earlier are ignored here: `backorders` and `dueToday` already count them. The threshold is in
 * units (DESIGN is silent; the book often sets it at 50% of red, which the caller can compute).
 * Without `spike`, no future order qualifies.
 */
export function qualifiedDemand(input: {
  backorders: number;
  dueToday: number;
  knownOrders: readonly KnownOrder[];
  now: number;
  spike?: { threshold: number; horizon: number };
}): number {
  const past = nonNegative('backorders', input.backorders) + nonNegative('dueToday', input.dueToday);
  if (input.spike === undefined) return past;
  const threshold = nonNegative('spike.threshold', input.spike.threshold);
  const horizon = nonNegative('spike.horizon', input.spike.horizon);
  const today = Math.floor(finite('now', input.now));

  const dayTotals = new Map<number, number>();
  input.knownOrders.forEach((order, i) => {
    const day = Math.floor(finite(`knownOrders[${i}].due`, order.due));
    const quantity = nonNegative(`knownOrders[${i}].quantity`, order.quantity);
    const ahead = day - today;
    if (ahead >= 1 && ahead <= horizon) dayTotals.set(day, (dayTotals.get(day) ?? 0) + quantity);
  });
  let spikes = 0;
  for (const total of dayTotals.values()) if (total >= threshold) spikes += total;
  return past + spikes;
}

/** When net flow ≤ top of yellow, order up to top of green; priority = net flow / top of green. */
export function ddmrpOrder(netFlowPosition: number, zones: BufferZones): DdmrpOrder {
  const position = finite('netFlow', netFlowPosition);
  // An empty (or vanishingly small) buffer has no scale: call it full unless net flow is short.
  const ratio = position / zones.topOfGreen;
  const priority = Number.isFinite(ratio) ? ratio : position > 0 ? 1 : 0;
  const quantity = position <= zones.topOfYellow ? zones.topOfGreen - position : 0;
  return { quantity, priority };
}

/** The mean of the last `window` entries of `usage` (all of them if fewer); 0 for none. */
export function averageDailyUsage(usage: readonly number[], window: number): number {
  positiveInteger('adu.window', window);
  const recent = usage.slice(-window);
  if (recent.length === 0) return 0;
  return recent.reduce((sum, u, i) => sum + nonNegative(`usage[${i}]`, u), 0) / recent.length;
}

/**
 * A stateful ADU: `{ fixed }` always returns its value; `{ window }` keeps the last `window`
 * observations (one per time unit) and returns their mean — before the window fills, the mean
 * of what it has, and 0 before any observation.
 */
export function createAdu(spec: AduSpec): AduTracker {
  if ('fixed' in spec) {
    const fixed = nonNegative('adu.fixed', spec.fixed);
    return { observe: (usage) => void nonNegative('usage', usage), value: () => fixed };
  }
  const window = positiveInteger('adu.window', spec.window);
  const ring: number[] = [];
  let next = 0;
  return {
    observe(usage) {
      nonNegative('usage', usage);
      if (ring.length < window) ring.push(usage);
      else ring[next] = usage;
      next = (next + 1) % window;
    },
    // Summed afresh each time: a running sum would drift over a long run of subtractions.
    value: () => (ring.length === 0 ? 0 : ring.reduce((sum, u) => sum + u, 0) / ring.length),
  };
}
