// The clocks policies run on, counted in their event source (an event storm names its source).
import type { Simulation } from '../../engine/index.js';
import type { EventSource } from '../messages.js';
import type { StockPoint } from '../stock-point.js';

/**
 * Reviews at first, first + period, …; a review due at the instant of a demand runs before it.
 * The calendar alone cannot promise that: a demand event scheduled before the review's timer
 * (every: 1 against every: 1 from t = 1 on, or a demand gap longer than the period) fires first.
 */
export function periodicReview(sim: Simulation, stock: StockPoint, first: number, period: number, timer: EventSource, review: () => void): void {
  let due = first;
  const runDue = (): void => {
    if (sim.now !== due) return; // not due, or already run by a demand at this instant
    due += period;
    review();
  };
  const tick = (): void => {
    timer.events++;
    runDue();
    sim.scheduleAt(due, tick);
  };
  stock.beforeDemand = runDue;
  sim.scheduleAt(first, tick);
}

export function every(sim: Simulation, first: number, period: number, timer: EventSource, action: () => void): void {
  const tick = (): void => {
    timer.events++;
    action();
    sim.schedule(period, tick);
  };
  sim.scheduleAt(first, tick);
}
