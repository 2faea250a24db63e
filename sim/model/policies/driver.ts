import type { Simulation } from '../../engine/index.js';
import type { EventSource } from '../messages.js';
import type { PolicySpec } from '../spec.js';
import type { StockPoint } from '../stock-point.js';
import type { KnownOrderView } from '../known-orders.js';
import { bufferZones, createAdu, ddmrpOrder, netFlow, qualifiedDemand, type KnownOrder } from '../planning/index.js';
import { anchorAndAdjust, echelonBaseStock, forecastOrderUpTo } from './chain-policies.js';
import { kanbanCards, orderUpTo, sQOrder, sSOrder } from './decisions.js';
import { every, periodicReview } from './timers.js';

/**
 * Places one replenishment order of `quantity`; `onComplete` runs when all of it is in stock.
 * Returns the time it is due when that is known as it is placed (a purchase: the supplier
 * confirms its lead time), null when not (production: it waits in the machine's queue).
 */
export type PlaceOrder = (quantity: number, onComplete: (() => void) | null) => number | null;

/**
 * Puts a policy to work on a stock point: continuous-review rules react to each demand
 * (and look once at time 0), periodic ones run on timers, counted in `timer`. The decisions
 * themselves are pure. Call before the demand streams start, so a review and a demand at one
 * instant run review first.
 */
/** What a policy may look at beyond its own stock point. */
export interface PolicyContext {
  /** Customer orders known ahead (DDMRP's qualified demand). */
  known: KnownOrderView | null;
  /** Every stock point of the plant, by item (a forecast's signal). */
  stocks: ReadonlyMap<string, StockPoint>;
  /** The stock points an item ships to, directly or not (its echelon below it). */
  downstreamOf: (item: string) => StockPoint[];
}

const NO_CONTEXT: PolicyContext = { known: null, stocks: new Map(), downstreamOf: () => [] };

export function attachPolicy(sim: Simulation, policy: PolicySpec, stock: StockPoint, place: PlaceOrder, timer: EventSource, context = NO_CONTEXT): void {
  switch (policy.type) {
    case 'sQ':
      return continuous(stock, () => sQOrder(stock.position, policy.reorderPoint, policy.quantity), place);
    case 'sS':
      return continuous(stock, () => sSOrder(stock.position, policy.reorderPoint, policy.orderUpTo), place);
    case 'baseStock':
      if (policy.echelon === true) return echelonBaseStock(policy.level, stock, context.downstreamOf(stock.name), place);
      return continuous(stock, () => orderUpTo(stock.position, policy.level), place);
    case 'kanban':
      return kanban(stock, policy.cards, policy.containerSize, place);
    case 'makeToOrder':
      // Each demand (a customer order or a machine's withdrawal) becomes an order of what it took.
      stock.afterDemand = (drop) => {
        if (drop > 0) place(drop, null);
      };
      return;
    case 'RS':
      return periodicReview(sim, stock, policy.offset, policy.every, timer, () => {
        const quantity = orderUpTo(stock.position, policy.orderUpTo);
        if (quantity > 0) place(quantity, null);
      });
    case 'batch':
      return every(sim, policy.offset, policy.every, timer, () => place(policy.lotSize, null));
    case 'continuous':
      return every(sim, 1 / policy.rate, 1 / policy.rate, timer, () => {
        if (!stock.full) place(1, null);
      });
    case 'ddmrp':
      return ddmrp(sim, policy, stock, place, timer, context.known);
    case 'anchorAndAdjust':
      return anchorAndAdjust(sim, policy, stock, place, timer);
    case 'forecastOrderUpTo':
      return forecastOrderUpTo(sim, policy, stock, policy.signal === null ? stock : context.stocks.get(policy.signal)!, place, timer);
    case 'mrp':
      // Planned with every other MRP item by the planning clock (mrp-planner.ts), not per stock point.
      return;
    case 'none':
      return;
  }
}

/**
 * DDMRP: the buffer's zones follow the average daily usage, recomputed once per time unit from
 * the units taken in it (customers' and machines'); after each demand and each recomputation,
 * when the net flow (on hand + on order − qualified demand: backorders, customer orders known
 * ahead and due today, and with `spike` the days ahead whose known orders pass the threshold)
 * is at or below the top of yellow, order up to the top of green, in whole units. A rolling
 * window starts full of the scenario's derived demand rate, as a planner sizes a new buffer.
 */
function ddmrp(
  sim: Simulation,
  policy: Extract<PolicySpec, { type: 'ddmrp' }>,
  stock: StockPoint,
  place: PlaceOrder,
  timer: EventSource,
  known: KnownOrderView | null,
): void {
  const adu = createAdu(policy.adu);
  if ('window' in policy.adu) for (let i = 0; i < policy.adu.window; i++) adu.observe(policy.initialAdu);
  const zonesNow = () => bufferZones({ ...policy, adu: adu.value() });
  let zones = zonesNow();
  let usage = 0;
  const qualified = (): number => {
    if (known === null) return stock.backordered;
    const today = Math.floor(sim.now);
    const ahead: KnownOrder[] = [];
    let dueToday = 0;
    known.forEach(stock.name, (order) => {
      if (Math.floor(order.due) <= today) dueToday += order.quantity;
      else ahead.push(order);
    });
    return qualifiedDemand({ backorders: stock.backordered, dueToday, knownOrders: ahead, now: sim.now, spike: policy.spike ?? undefined });
  };
  const review = (): void => {
    const flow = netFlow({ onHand: stock.onHand, onOrder: stock.onOrder, qualifiedDemand: qualified() });
    const { quantity } = ddmrpOrder(flow, zones);
    // The tolerance keeps 330.00000000001 (rounding noise) from becoming 331.
    const whole = Math.ceil(quantity - 1e-9 * Math.max(1, quantity));
    if (whole > 0) place(whole, null);
  };
  stock.afterDemand = (drop) => {
    usage += drop;
    review();
  };
  every(sim, 1, 1, timer, () => {
    adu.observe(usage);
    usage = 0;
    zones = zonesNow();
    review();
  });
  review();
}

function continuous(stock: StockPoint, decide: () => number, place: PlaceOrder): void {
  const review = (): void => {
    const quantity = decide();
    if (quantity > 0) place(quantity, null);
  };
  stock.afterDemand = review;
  review();
}

function kanban(stock: StockPoint, cards: number, containerSize: number, place: PlaceOrder): void {
  let cardsOut = 0;
  const review = (): void => {
    let send = kanbanCards(stock.position, cards, containerSize, cardsOut);
    for (; send > 0; send--) {
      cardsOut++;
      place(containerSize, cardBack);
    }
  };
  // A returning card may go straight back out if the position is still at or below the trigger.
  const cardBack = (): void => {
    cardsOut--;
    review();
  };
  stock.afterDemand = review;
  review();
}
