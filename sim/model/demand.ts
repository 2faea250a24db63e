import type { Simulation } from '../engine/index.js';
import { demandStreamKey, type Rng } from '../random/index.js';
import type { EventSource } from './messages.js';
import type { DemandSpec, RateChange, RateProfile } from './spec.js';

/** Receives each customer order: `quantity` units of the stream's item. */
export type OrderSink = (quantity: number) => void;

/** Starts a customer demand stream on the calendar (see DESIGN.md, Demand); `source` counts its arrivals. */
export function startDemand(sim: Simulation, spec: DemandSpec, streams: (name: string) => Rng, sink: OrderSink, source: EventSource): void {
  if (spec.kind === 'trace') startTrace(sim, traceOrders(spec, streams), sink, source);
  else startStream(sim, spec, streams, sink, source);
}

function startTrace(sim: Simulation, orders: () => TraceOrder | null, sink: OrderSink, source: EventSource): void {
  // One pending event at a time, so a long trace costs no calendar memory.
  let next = orders();
  const arrive = (): void => {
    source.events++;
    sink(next!.units);
    next = orders();
    if (next !== null) sim.scheduleAt(next.time, arrive);
  };
  if (next !== null) sim.scheduleAt(next.time, arrive);
}

interface TraceOrder {
  time: number;
  units: number;
}

/**
 * A history's orders one at a time, in time order: as written, or with `resample` each block
 * [k·b, (k + 1)·b) of the run filled with a block of the history drawn at random from its own
 * stream (its whole blocks, aligned to 0, so a block of 7 days keeps each weekday in its place);
 * every quantity × scale × the factor of the changes in force at its time.
 */
function traceOrders(spec: Extract<DemandSpec, { kind: 'trace' }>, streams: (name: string) => Rng): () => TraceOrder | null {
  const { times, quantities, scale, resample } = spec;
  const factor = rateAt(spec.changes);
  const order = (time: number, i: number): TraceOrder => ({ time, units: quantities[i] * scale * factor(time) });
  if (resample === null) {
    let next = 0;
    return () => (next < times.length ? order(times[next], next++) : null);
  }
  const { block } = resample;
  const rng = streams(demandStreamKey(spec.name, 'resample'));
  // Every block up to the one holding the last order: at least one is never empty.
  const blocks = Math.floor((times.at(-1) ?? 0) / block) + 1;
  let k = -1;
  let from = 0;
  let to = 0;
  let shift = 0;
  return () => {
    while (from >= to) {
      if (times.length === 0) return null;
      k++;
      const j = Math.floor(rng() * blocks);
      from = firstAtOrAfter(times, j * block);
      to = firstAtOrAfter(times, (j + 1) * block);
      shift = (k - j) * block;
    }
    return order(times[from] + shift, from++);
  };
}

/** The index of the first time ≥ `t` in ascending `times` (its length when none). */
function firstAtOrAfter(times: readonly number[], t: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (times[mid] < t) low = mid + 1;
    else high = mid;
  }
  return low;
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
    // One read of the clock for both: each read passed on is a number boxed anew.
    const now = sim.now;
    const units = arrivals.units(now);
    if (units > 0) sink(units);
    sim.schedule(arrivals.gap(now), arrive);
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
    const orders = traceOrders(spec, streams);
    for (let next = orders(); next !== null && next.time <= until; next = orders()) visit(next.time, next.units);
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
