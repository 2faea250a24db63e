// What each server of a machine did through one replication, for a Gantt chart: busy, setup,
// down, starved, blocked, idle, closed. A year of unit-by-unit states is far more than a chart
// can draw (a unit of a few minutes is a fraction of a pixel), so time is cut into at most
// `buckets` equal slices and each slice shows the state that held most of it; equal neighbours
// merge into one bar. Nights and weekends of a shift calendar (hours long) survive; a single
// five-minute setup in a year does not, and the chart says what a slice is.
import type { ShiftCalendar } from './calendar.js';

/** The states a server's time is split into, in the order of machine.ts's indices. */
export const MACHINE_STATES = ['busy', 'setup', 'down', 'starved', 'blocked', 'idle', 'closed'] as const;
export type MachineStateName = (typeof MACHINE_STATES)[number];
const CLOSED = MACHINE_STATES.indexOf('closed');

/** One bar of the chart: a server in one state over [start, end). */
export interface TimelineBar {
  server: number;
  state: MachineStateName;
  start: number;
  end: number;
}

/** A machine's timeline over [0, horizon]: its bars, and the slice length they were made of. */
export interface MachineTimeline {
  slice: number;
  bars: TimelineBar[];
}

/** Books each server's states into slices as they happen; `finish` gives the bars. */
export class TimelineRecorder {
  private readonly slice: number;
  private readonly slices: number;
  /** Per server, per slice, time in each state (STATES wide). */
  private readonly time: Float64Array[];

  constructor(
    servers: number,
    private readonly horizon: number,
    buckets: number,
    private readonly calendar: ShiftCalendar | null,
  ) {
    this.slices = Math.max(1, Math.floor(buckets));
    this.slice = horizon / this.slices;
    this.time = Array.from({ length: servers }, () => new Float64Array(this.slices * MACHINE_STATES.length));
  }

  /** Server `server` was in `state` over [from, to); its closed part counts as closed. */
  record(server: number, state: number, from: number, to: number): void {
    const end = Math.min(to, this.horizon);
    if (!(end > from) || this.slice <= 0) return;
    const time = this.time[server];
    const width = MACHINE_STATES.length;
    // Slice edges are k · slice in floating point: the slice `from` falls in may round to one below, so skip empty overlaps rather than stop at them.
    for (let k = Math.max(0, Math.floor(from / this.slice) - 1); k < this.slices && k * this.slice < end; k++) {
      const a = Math.max(from, k * this.slice);
      const b = Math.min(end, (k + 1) * this.slice);
      if (b <= a) continue;
      const open = this.calendar === null ? b - a : Math.min(b - a, this.calendar.openTimeBetween(a, b));
      time[k * width + state] += open;
      time[k * width + CLOSED] += b - a - open;
    }
  }

  finish(): MachineTimeline {
    const width = MACHINE_STATES.length;
    const bars: TimelineBar[] = [];
    this.time.forEach((time, server) => {
      let current: TimelineBar | null = null;
      for (let k = 0; k < this.slices; k++) {
        let best = -1;
        let most = 0;
        for (let s = 0; s < width; s++) {
          if (time[k * width + s] > most) {
            most = time[k * width + s];
            best = s;
          }
        }
        // A slice nothing was booked in (beyond the last event) ends the bar before it.
        if (best < 0) {
          current = null;
          continue;
        }
        const state = MACHINE_STATES[best];
        if (current !== null && current.state === state) current.end = (k + 1) * this.slice;
        else {
          current = { server, state, start: k * this.slice, end: (k + 1) * this.slice };
          bars.push(current);
        }
      }
    });
    return { slice: this.slice, bars };
  }
}
