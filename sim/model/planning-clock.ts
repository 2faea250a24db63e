// The planning clock: at the start of every planning bucket the bucket just ended is closed (the
// forecasts learn and are judged), then MRP plans; MRP also plans at time 0. It reschedules itself
// after its work, so an order MRP places for exactly one bucket later arrives before that run.
import type { Simulation } from '../engine/index.js';
import type { Forecasting } from './forecasting.js';
import type { EventSource } from './messages.js';
import type { MrpPlanning } from './mrp-planner.js';
import type { PlantSpec } from './spec.js';

/** Starts the clock when there is something to plan or forecast; `timer` counts its events. */
export function startPlanningClock(sim: Simulation, spec: PlantSpec, forecasting: Forecasting, mrp: MrpPlanning | null, timer: EventSource): void {
  const { bucket } = spec.planning;
  const { horizon } = spec.time;
  if (mrp === null && Object.keys(spec.forecasts).length === 0) return;
  let n = mrp === null ? 1 : 0;
  const tick = (): void => {
    timer.events++;
    if (n > 0) forecasting.closeBucket();
    mrp?.run(n, sim.now);
    n++;
    if (n * bucket <= horizon) sim.scheduleAt(n * bucket, tick);
  };
  if (n * bucket <= horizon) sim.scheduleAt(n * bucket, tick);
}
