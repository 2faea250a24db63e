// One instant of the first replication, for a replay: each stock level, machine state and queue at
// time t, read from the run's down-sampled series. A level series keeps, per bucket of the run, its
// lowest, highest and last level; between those the real level is not known, so a frame gives the
// level the series (and the stock chart) holds at t with the bucket's range, and says which are exact.
import type { ExperimentResult, StrategyResult } from '../experiment/index.js';
import type { MachineStateName, MachineTimeline, RunSeries, TimelineBar } from '../model/index.js';
import { dateText, type CompiledStrategy, type RunTime } from '../scenario/index.js';
import type { StepSeries } from '../stats/index.js';
import { formatNumber } from './numbers.js';

/** A level at t as a down-sampled series gives it. */
export interface ReplayLevel {
  /** The level the series holds at t: the one the stock chart draws there. */
  value: number;
  /** The lowest and highest level within t's bucket (the series keeps both). */
  min: number;
  max: number;
  /** True when the level did not move within the bucket: `value` is the level at t. */
  exact: boolean;
  /** `7`, or `≈7` where the level is not exact. */
  text: string;
  /** The bucket's range, `2–10`; '' when exact. */
  range: string;
}

export interface ReplayItem {
  onHand: ReplayLevel;
  /** Units backordered; null when the item had no backorders in the whole replication. */
  backorders: ReplayLevel | null;
}

export interface ReplayMachine {
  /** Per server, the state that held most of t's slice of the timeline; null where nothing was booked (after the last event). */
  states: (MachineStateName | null)[];
  /** The states in words: `busy`, `2 busy, 1 idle`. */
  stateText: string;
  /** The timeline's slice t falls in. */
  slice: { from: number; to: number };
  /** Units in production orders waiting for a server (released, not started). */
  queue: ReplayLevel;
}

/** A buffer: the stock of an item a machine makes and another takes (work in process), with its storage limit. */
export interface ReplayBuffer {
  content: ReplayLevel;
  /** Its storage limit; null when it has none. */
  capacity: number | null;
}

export interface ReplayFrame {
  strategy: string;
  /** The instant shown, within the run. */
  time: number;
  /** True when the time asked for lay outside the run and the frame shows the nearer end. */
  clamped: boolean;
  /** The instant in words: `day 123.5 of 365`, with its date when the run is dated: `2025-05-09 (day 123.5 of 364)`. */
  timeText: string;
  /** The run's time: from 0 to its horizon, in `unit`. */
  range: { from: number; to: number; unit: string };
  /** The bucket of the level series t falls in. */
  bucket: { from: number; to: number };
  items: Record<string, ReplayItem>;
  machines: Record<string, ReplayMachine>;
  /** Only with the plant's structure (the compiled strategy): the intermediate stocks. */
  buffers: Record<string, ReplayBuffer>;
  /** What the numbers are, in plain words, where they are not simply the level at t. */
  notes: string[];
}

/** The strategies of `result` whose first replication kept what a replay needs, in the result's order. */
export function replayStrategies(result: ExperimentResult): string[] {
  return result.strategies.filter((s) => s.series?.replay !== undefined).map((s) => s.name);
}

/**
 * The frame of `strategy`'s first replication at time `t` (clamped to [0, horizon]). `plant`, the
 * strategy's compiled scenario, names the buffers and their limits; without it `buffers` is empty.
 * Throws a RangeError naming the strategy when its results kept no replay series.
 */
export function replayFrame(result: ExperimentResult, strategy: string, t: number, plant: CompiledStrategy | null = null): ReplayFrame {
  if (Number.isNaN(t)) throw new RangeError('replayFrame: the time is NaN; expected a number of time units');
  const series = replaySeriesOf(result, strategy);
  const { horizon, unit } = result.time;
  const time = Math.min(horizon, Math.max(0, t));
  const buckets = new Buckets(horizon, series.replay!.buckets);
  const level = (s: StepSeries): ReplayLevel => levelAt(s, time, buckets);
  // Built with fromEntries: own properties whatever the names (an item may be called __proto__).
  const items: Record<string, ReplayItem> = Object.fromEntries(
    Object.entries(series.items).map(([name, { onHand, backorders }]) => [
      name,
      { onHand: level(onHand), backorders: backorders.v.some((v) => v > 0) ? level(backorders) : null },
    ]),
  );
  const queues = series.replay!.queues;
  const machines: Record<string, ReplayMachine> = Object.fromEntries(
    Object.entries(series.machines).map(([name, timeline]) => {
      if (!Object.hasOwn(queues, name))
        throw new RangeError(`replayFrame: the replay series of ${JSON.stringify(strategy)} have no queue of machine ${JSON.stringify(name)}`);
      const states = statesAt(timeline, time, horizon);
      return [name, { states, stateText: statesText(states), slice: sliceOf(timeline, time, horizon), queue: level(queues[name]) }];
    }),
  );
  const buffers: Record<string, ReplayBuffer> = Object.fromEntries(
    (plant === null ? [] : bufferItems(plant))
      .filter((name) => Object.hasOwn(items, name))
      .map((name) => {
        const capacity = plant!.document.items[name].capacity;
        return [name, { content: items[name].onHand, capacity: Number.isFinite(capacity) ? capacity : null }];
      }),
  );
  const frame = { strategy, time, clamped: time !== t, timeText: replayTimeText(result.time, time), range: { from: 0, to: horizon, unit } };
  const bucket = buckets.range(buckets.of(time));
  return { ...frame, bucket, items, machines, buffers, notes: frameNotes(frame, bucket, items, machines) };
}

/** The instant `t` in words: `day 123.5 of 365`; a dated run's date first: `2025-05-09 (day 123.5 of 364)`. */
export function replayTimeText(time: RunTime & { horizon: number }, t: number): string {
  const decimals = time.horizon >= 100 ? 1 : time.horizon >= 10 ? 2 : 3;
  const at = `${time.unit} ${t.toFixed(decimals)} of ${formatNumber(time.horizon)}`;
  const date = dateText(time, t);
  return date === null ? at : `${date} (${at})`;
}

function replaySeriesOf(result: ExperimentResult, strategy: string): RunSeries {
  const found: StrategyResult | undefined = result.strategies.find((s) => s.name === strategy);
  if (found === undefined)
    throw new RangeError(
      `replayFrame: no strategy ${JSON.stringify(strategy)} in the results; expected one of ${result.strategies.map((s) => s.name).join(', ')}`,
    );
  if (found.series?.replay === undefined)
    throw new RangeError(`replayFrame: the results of ${JSON.stringify(strategy)} kept no replay series; run with series { replay: true }`);
  return found.series;
}

/** The buckets [k·w, (k+1)·w) the level series were down-sampled into, numbered as the recorder numbers them. */
class Buckets {
  private readonly perTime: number;
  constructor(
    private readonly horizon: number,
    readonly count: number,
  ) {
    this.perTime = horizon > 0 ? count / horizon : 0;
  }
  /** The bucket of time t (the horizon itself is in the last). */
  of(t: number): number {
    return Math.min(this.count - 1, Math.floor(t * this.perTime));
  }
  range(k: number): { from: number; to: number } {
    return this.count === 0 ? { from: 0, to: this.horizon } : { from: (k * this.horizon) / this.count, to: ((k + 1) * this.horizon) / this.count };
  }
}

/** The level a step series holds at t, with the lowest and highest level of t's bucket: the one in force as it began, and the bucket's own points. */
function levelAt(series: StepSeries, t: number, buckets: Buckets): ReplayLevel {
  const { t: times, v } = series;
  const at = lastAtOrBefore(times, t);
  const value = at < 0 ? (v[0] ?? 0) : v[at];
  const k = buckets.of(t);
  // The first point in t's bucket or later: points are in time order, so their buckets are too.
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (buckets.of(times[mid]) < k) lo = mid + 1;
    else hi = mid;
  }
  let min = lo > 0 ? v[lo - 1] : value;
  let max = min;
  for (let i = lo; i < times.length && buckets.of(times[i]) === k; i++) {
    min = Math.min(min, v[i]);
    max = Math.max(max, v[i]);
  }
  const exact = min === max;
  return {
    value,
    min,
    max,
    exact,
    text: exact ? formatNumber(value) : `≈${formatNumber(value)}`,
    range: exact ? '' : `${formatNumber(min)}–${formatNumber(max)}`,
  };
}

/** The index of the last time <= t, or -1. */
function lastAtOrBefore(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Each timeline's bars split by server, in time order, with their starts; kept per timeline, as a replay reads it frame after frame. */
const byServer = new WeakMap<MachineTimeline, { bars: TimelineBar[]; starts: number[] }[]>();

function serverBars(timeline: MachineTimeline): { bars: TimelineBar[]; starts: number[] }[] {
  let split = byServer.get(timeline);
  if (split === undefined) {
    const servers: { bars: TimelineBar[]; starts: number[] }[] = [];
    for (const bar of timeline.bars) {
      const server = (servers[bar.server] ??= { bars: [], starts: [] });
      server.bars.push(bar);
      server.starts.push(bar.start);
    }
    split = Array.from(servers, (server) => server ?? { bars: [], starts: [] });
    byServer.set(timeline, split);
  }
  return split;
}

/** Per server, the state of the bar over t (the last bar's end counts as in it: the frame at the horizon). */
function statesAt(timeline: MachineTimeline, t: number, horizon: number): (MachineStateName | null)[] {
  return serverBars(timeline).map(({ bars, starts }) => {
    const i = lastAtOrBefore(starts, t);
    if (i < 0) return null;
    const bar = bars[i];
    return t < bar.end || (t === horizon && bar.end >= horizon - 1e-9 * horizon) ? bar.state : null;
  });
}

function sliceOf(timeline: MachineTimeline, t: number, horizon: number): { from: number; to: number } {
  if (!(timeline.slice > 0)) return { from: 0, to: horizon };
  const slices = Math.round(horizon / timeline.slice);
  const k = Math.min(slices - 1, Math.floor(t / timeline.slice));
  return { from: k * timeline.slice, to: Math.min(horizon, (k + 1) * timeline.slice) };
}

/** `busy`; with several servers, how many are in each state: `2 busy, 1 idle`; `no record` where none is known. */
function statesText(states: (MachineStateName | null)[]): string {
  if (states.length === 1) return states[0] ?? 'no record';
  const counts = new Map<string, number>();
  for (const state of states) counts.set(state ?? 'no record', (counts.get(state ?? 'no record') ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${state}`).join(', ');
}

/** Items a machine makes and another takes: the buffers between machines. */
function bufferItems(plant: CompiledStrategy): string[] {
  const items = plant.document.items;
  const taken = new Set(Object.values(items).flatMap((item) => (item.make === null ? [] : Object.keys(item.make.bom))));
  return Object.keys(items).filter((name) => items[name].make !== null && taken.has(name));
}

function frameNotes(
  frame: { clamped: boolean; timeText: string; range: { to: number; unit: string }; time: number },
  bucket: { from: number; to: number },
  items: Record<string, ReplayItem>,
  machines: Record<string, ReplayMachine>,
): string[] {
  const { unit, to } = frame.range;
  const notes: string[] = [];
  if (frame.clamped) notes.push(`The run covers ${unit} 0 to ${formatNumber(to)}: this is its ${frame.time === 0 ? 'start' : 'end'}.`);
  const levels = [...Object.values(items).flatMap((i) => [i.onHand, ...(i.backorders ? [i.backorders] : [])]), ...Object.values(machines).map((m) => m.queue)];
  if (levels.some((l) => !l.exact)) {
    notes.push(
      `≈: the replay keeps, per ${formatNumber(bucket.to - bucket.from)} ${unit} of the run, each level's lowest, highest and last value; ` +
        `from ${unit} ${formatNumber(bucket.from)} to ${formatNumber(bucket.to)} the level moved within the range shown, and ≈ is the level the stock chart draws at this instant.`,
    );
  }
  const machine = Object.values(machines)[0];
  if (machine !== undefined) {
    notes.push(
      `A machine's state is the one that held most of its slice of ${formatNumber(machine.slice.to - machine.slice.from)} ${unit} (as in the timeline); a shorter one, a brief setup, may not show.`,
    );
  }
  return notes;
}
