// Every message the plant model shows a user, written once. A run stopped for its size says what
// outgrew which limit, names the source (a demand line, a machine, an item) and what to change.
import { SimulationTooLargeError } from '../engine/index.js';

/** A number as people write it: 4 significant digits; 2e7 and 9.39e8 beyond a million. */
function num(x: number): string {
  if (!Number.isFinite(x) || Math.abs(x) < 1e6) return String(Number(x.toPrecision(4)));
  const [mantissa, exponent] = x.toExponential().split('e');
  return `${Number(Number(mantissa).toPrecision(3))}e${Number(exponent)}`;
}

/** Something that schedules events, counted so that an event storm can be traced to it. */
export interface EventSource {
  /** Where it is in the scenario: `demand[0] (item "widget")`, `machines.press`, `items.steel.buy`. */
  readonly label: string;
  /** What would make it schedule fewer events. */
  readonly remedy: string;
  events: number;
}

export const REMEDY = {
  demand: 'lengthen its gaps',
  purchases: 'order less often (a larger quantity)',
  timer: 'lengthen its period',
  machine: 'every unit it makes is an event, so lengthen its process times or make fewer units',
} as const;

/** The run's event budget or calendar limit was exceeded: names the source that scheduled the most. */
export function eventStorm(cause: SimulationTooLargeError, limit: number, time: number, horizon: number, busiest: EventSource | null): SimulationTooLargeError {
  const fired = cause.limit === 'maxEvents';
  const what = fired
    ? `one replication fired more than ${num(limit)} events by t=${num(time)} (horizon ${num(horizon)})`
    : `more than ${num(limit)} events were waiting at once at t=${num(time)} (horizon ${num(horizon)})`;
  const raise = fired ? 'raise run.maxEvents if a run this long is meant' : 'shorten the horizon';
  if (busiest === null || busiest.events === 0) return new SimulationTooLargeError(cause.limit, `${what}; ${raise}`);
  const rate = time > 0 ? `, about ${num(busiest.events / time)} per time unit` : '';
  const who = fired
    ? `; ${busiest.label} scheduled ${num(busiest.events)} of them${rate}`
    : `, most from ${busiest.label} (${num(busiest.events)} scheduled so far${rate})`;
  return new SimulationTooLargeError(cause.limit, `${what}${who}: ${busiest.remedy}, or ${raise}`);
}

/** Too many orders wait for an item's stock: the plant cannot supply its demand. */
export function backlogTooLong(item: string, limit: number, time: number): SimulationTooLargeError {
  return new SimulationTooLargeError(
    'maxQueue',
    `more than ${num(limit)} orders wait for item ${JSON.stringify(item)} at t=${num(time)}: the plant cannot keep up with its demand ` +
      "(see the load check's warnings); relieve the bottleneck, or shorten the horizon",
  );
}

/** Too many production orders wait at a machine: it cannot keep up. */
export function machineQueueTooLong(machine: string, limit: number, time: number): SimulationTooLargeError {
  return new SimulationTooLargeError(
    'maxQueue',
    `more than ${num(limit)} production orders wait at machine ${JSON.stringify(machine)} at t=${num(time)}: it cannot keep up ` +
      "(see the load check's warnings); add servers, shorten its process or setup times, or shorten the horizon",
  );
}

/** A KPI too large to add up (numbers at the scenario's bounds, multiplied over a long run). */
export function overflow(kpi: string, value: number): SimulationTooLargeError {
  return new SimulationTooLargeError(
    'overflow',
    `${kpi} came to ${value} at the end of the run: its totals are too large to add up; use smaller numbers (costs per thousand units, a longer time unit)`,
  );
}

/** More replications asked for than a run keeps in memory (`--reps`, a slider). */
export function tooManyReplications(asked: number, limit: number): SimulationTooLargeError {
  return new SimulationTooLargeError(
    'replications',
    `${asked} replications per strategy asked for; at most ${num(limit)} (the results keep every replication's numbers): run fewer, or several runs with other seeds`,
  );
}
