import type { Simulation } from '../engine/index.js';
import { demandStreamKey, type Rng } from '../random/index.js';
import type { EventSource } from './messages.js';
import type { DemandSpec, RateChange, RateProfile } from './spec.js';

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
  const arrivals = streamArrivals(spec, streams);
  const arrive = (): void => {
    source.events++;
    const units = arrivals.units(sim.now);
    if (units > 0) sink(units);
    sim.schedule(arrivals.gap(sim.now), arrive);
  };
  sim.schedule(arrivals.gap(0), arrive);
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
  const arrivals = streamArrivals(spec, streams);
  for (let time = arrivals.gap(0); time <= until; time += arrivals.gap(time)) {
    const units = arrivals.units(time);
    if (units > 0) visit(time, units);
  }
}

/** A stream's draws, in the one order both the run and its replay take them: a gap, then at each arrival its units, then the next gap. */
interface StreamArrivals {
  /** Time from `now` to the next arrival (a candidate one, with a profile). */
  gap(now: number): number;
  /** Units ordered by the arrival at `now`; 0 when a profile thins it out. */
  units(now: number): number;
}

/**
 * Without a profile, arrivals come at the base gaps divided by the rate factor of `changes`. With
 * one, candidates come at the highest rate the profile reaches and each is kept with probability
 * factor(t) / highest factor, drawn from its own stream (Lewis–Shedler thinning): exactly a
 * non-homogeneous Poisson process when the base gaps are exponential.
 */
function streamArrivals(spec: Extract<DemandSpec, { kind: 'stream' }>, streams: (name: string) => Rng): StreamArrivals {
  const gapRng = streams(demandStreamKey(spec.name, 'interarrival'));
  const quantityRng = streams(demandStreamKey(spec.name, 'quantity'));
  const { interarrival, quantity, profile } = spec;
  const rate = rateAt(spec.changes);
  if (profile === null) {
    return { gap: (now) => interarrival.sample(gapRng) / rate(now), units: () => quantity.sample(quantityRng) };
  }
  const thinRng = streams(demandStreamKey(spec.name, 'profile'));
  const peak = Math.max(...profile.factors);
  const factorAt = profileAt(profile);
  return {
    gap: (now) => interarrival.sample(gapRng) / (rate(now) * peak),
    units: (now) => (thinRng() * peak < factorAt(now) ? quantity.sample(quantityRng) : 0),
  };
}

/** The profile's factor at a time: the period of the cycle the time falls in. */
export function profileAt(profile: RateProfile): (time: number) => number {
  const { edges, factors, cycle, phase } = profile;
  return (time) => {
    const within = (((time + phase) % cycle) + cycle) % cycle;
    // The last edge at or before `within` (edges ascend from 0); a handful of periods, so a scan.
    let k = 0;
    while (k + 1 < edges.length && edges[k + 1] <= within) k++;
    return factors[k];
  };
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
