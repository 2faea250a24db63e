// Policies for stock points in a chain (DESIGN "Supply chains"): Sterman's anchoring-and-
// adjustment rule of the Beer Game, order-up-to from a forecast of the demand per period (with
// shared demand information when it forecasts the customers' demand downstream), and base stock
// counted on the echelon inventory position. The arithmetic is in decisions.ts.
import type { Simulation } from '../../engine/index.js';
import type { EventSource } from '../messages.js';
import { createForecaster } from '../planning/index.js';
import type { PolicySpec } from '../spec.js';
import type { StockPoint } from '../stock-point.js';
import { anchorAndAdjustOrder, forecastLevel, orderUpTo } from './decisions.js';
import type { PlaceOrder } from './driver.js';
import { periodicReview } from './timers.js';

/**
 * Every period (from time 0): L̂ learns the orders received in the period just ended, then the
 * stage orders max(0, L̂ + αS·(S′ − S − β·SL)), with S on hand − backlog and SL its supply line.
 */
export function anchorAndAdjust(
  sim: Simulation,
  policy: Extract<PolicySpec, { type: 'anchorAndAdjust' }>,
  stock: StockPoint,
  place: PlaceOrder,
  timer: EventSource,
): void {
  let expected = policy.expected;
  let seen = stock.totalDemanded;
  let first = true;
  periodicReview(sim, stock, 0, policy.every, timer, () => {
    if (!first) expected = policy.theta * (stock.totalDemanded - seen) + (1 - policy.theta) * expected;
    first = false;
    seen = stock.totalDemanded;
    const quantity = anchorAndAdjustOrder(expected, stock.onHand - stock.backordered, stock.onOrder, policy);
    if (quantity > 0) place(quantity, null);
  });
}

/**
 * Every R (from time 0): the forecast learns the period just ended — this stock point's incoming
 * orders, or with `signal` the customers' demand at that item — and the stage orders up to
 * μ̂·C/R + z·σ̂·√(C/R). σ̂ is the root mean square of the forecast's one-period errors over its
 * memory (the moving average's window, or 2/α − 1 periods for exponential smoothing).
 */
export function forecastOrderUpTo(
  sim: Simulation,
  policy: Extract<PolicySpec, { type: 'forecastOrderUpTo' }>,
  stock: StockPoint,
  signal: StockPoint,
  place: PlaceOrder,
  timer: EventSource,
): void {
  const forecaster = createForecaster(policy.forecast);
  const memory = policy.forecast.method === 'movingAverage' ? policy.forecast.window : Math.max(1, Math.round(2 / policy.forecast.alpha - 1));
  const errors: number[] = [];
  const read = (): number => (policy.signal === null ? signal.totalDemanded : signal.totalCustomerDemanded);
  let seen = read();
  let mean = policy.initialMean;
  let first = true;
  periodicReview(sim, stock, 0, policy.every, timer, () => {
    if (!first) {
      const demand = read() - seen;
      errors.push(demand - mean);
      if (errors.length > memory) errors.shift();
      forecaster.observe(demand);
      mean = forecaster.forecast(1)[0];
    }
    first = false;
    seen = read();
    const sd = errors.length === 0 ? policy.initialSd : Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / errors.length);
    const level = forecastLevel(mean, sd, policy.cover / policy.every, policy.safetyFactor);
    const quantity = orderUpTo(stock.position, level);
    if (quantity > 0) place(quantity, null);
  });
}

/**
 * Base stock on the echelon inventory position: on order here + on hand here and downstream + in
 * transit downstream − customers' backorders in the echelon. It changes only when a customer of
 * the echelon takes stock (internal moves leave it as it is), so each stock point of the echelon
 * tells this one after every demand.
 */
export function echelonBaseStock(level: number, stock: StockPoint, downstream: readonly StockPoint[], place: PlaceOrder): void {
  const position = (): number => {
    let sum = stock.onOrder + stock.onHand - stock.customerBackordered;
    for (const below of downstream) sum += below.onHand + below.inTransit - below.customerBackordered;
    return sum;
  };
  const review = (): void => {
    const quantity = orderUpTo(position(), level);
    if (quantity > 0) place(quantity, null);
  };
  for (const watched of [stock, ...downstream]) watched.watchers.push(review);
  review();
}
