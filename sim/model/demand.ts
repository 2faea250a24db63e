import type { Simulation } from '../engine/index.js';
import { demandStreamKey, type Rng } from '../random/index.js';
import type { EventSource } from './messages.js';
import type { DemandSpec, RateChange } from './spec.js';

/** Receives each customer order: `quantity` units of the stream's item. */
export type OrderSink = (quantity: number) => void;

/** Starts a customer demand stream on the calendar (see DESIGN.md, Demand); `source` counts its arrivals. */
export function startDemand(sim: Simulation, spec: DemandSpec, streams: (name: string) => Rng, sink: OrderSink, source: EventSource): void {
  if (spec.kind === 'trace') startTrace(sim, spec.times, spec.quantities, sink, source);
  else startStream(sim, spec, streams, sink, source);
}

function startTrace(sim: Simulation, times: number[], quantities: number[], sink: OrderSink, source: EventSource): void {
  let next = 0;
  // One pending event at a time, so a long trace costs no calendar memory.
  const arrive = (): void => {
    source.events++;
    sink(quantities[next++]);
    if (next < times.length) sim.scheduleAt(times[next], arrive);
  };
  if (times.length > 0) sim.scheduleAt(times[0], arrive);
}

function startStream(
  sim: Simulation,
  spec: Extract<DemandSpec, { kind: 'stream' }>,
  streams: (name: string) => Rng,
  sink: OrderSink,
  source: EventSource,
): void {
  const gapRng = streams(demandStreamKey(spec.name, 'interarrival'));
  const quantityRng = streams(demandStreamKey(spec.name, 'quantity'));
  const { interarrival, quantity, changes } = spec;
  const rate = rateAt(changes);
  const arrive = (): void => {
    source.events++;
    const units = quantity.sample(quantityRng);
    if (units > 0) sink(units);
    sim.schedule(interarrival.sample(gapRng) / rate(sim.now), arrive);
  };
  sim.schedule(interarrival.sample(gapRng) / rate(0), arrive);
}

/**
 * The orders a stream will place up to `until`, drawn again from its own random streams: the
 * same numbers `startDemand` draws in the run (the same keys, the same order of draws), so a
 * perfect forecast knows exactly the demand to come.
 */
export function replayDemand(spec: DemandSpec, streams: (name: string) => Rng, until: number, visit: (time: number, units: number) => void): void {
  if (spec.kind === 'trace') {
    for (let i = 0; i < spec.times.length && spec.times[i] <= until; i++) visit(spec.times[i], spec.quantities[i]);
    return;
  }
  const gapRng = streams(demandStreamKey(spec.name, 'interarrival'));
  const quantityRng = streams(demandStreamKey(spec.name, 'quantity'));
  const rate = rateAt(spec.changes);
  for (let time = spec.interarrival.sample(gapRng) / rate(0); time <= until; time += spec.interarrival.sample(gapRng) / rate(time)) {
    const units = spec.quantity.sample(quantityRng);
    if (units > 0) visit(time, units);
  }
}

/** The rate factor in force at a time; calls come with non-decreasing times, so a cursor suffices. */
function rateAt(changes: RateChange[]): (time: number) => number {
  let cursor = 0;
  let factor = 1;
  return (time) => {
    while (cursor < changes.length && changes[cursor].at <= time) factor = changes[cursor++].factor;
    return factor;
  };
}
