// A machine's shift calendar (DESIGN "Planners' own data", Calendars): the hours of a week it is
// open, repeating, less whole closed days (holidays). Not the engine's event calendar.
// Pure: times in, times out; the machine asks it when it may work and books closed time by it.

/** A shift calendar as the model runs it, in the scenario's time units; the scenario layer builds it. */
export interface CalendarSpec {
  /** One week in time units (7 for days, 168 for hours). */
  week: number;
  /** The open intervals of a week, [start, end) from Monday 00:00: ascending, disjoint, not touching, within [0, week]. */
  open: readonly (readonly [number, number])[];
  /** Closed stretches (holidays) in run time, [start, end): ascending, disjoint. */
  closed: readonly (readonly [number, number])[];
  /** Time units from a Monday 00:00 to time 0 (0: time 0 is a Monday at 00:00). */
  phase: number;
}

/** The share of [from, to] a calendar is open: 1 without one (or for an empty stretch). */
export function openShareOf(calendar: CalendarSpec | null | undefined, from: number, to: number): number {
  if (!calendar || !(to > from)) return 1;
  return new ShiftCalendar(calendar).openTimeBetween(from, to) / (to - from);
}

/** An open period: from `start` (the asked time when open then) to `end` (Infinity for a calendar that never closes). */
export interface OpenPeriod {
  start: number;
  end: number;
}

/**
 * The questions a machine asks of its calendar. Times within a billionth of a week of an opening
 * or closing count as that instant, so a closing computed in one week and read back in the next
 * is never a sliver of open time.
 */
export class ShiftCalendar {
  private readonly tolerance: number;
  /** Open time of a week before each interval's start. */
  private readonly before: number[];
  private readonly openPerWeek: number;
  private readonly allWeek: boolean;

  constructor(readonly spec: CalendarSpec) {
    const { week, open } = spec;
    if (!(week > 0) || open.length === 0) throw new RangeError('ShiftCalendar: a calendar needs a week > 0 and at least one open interval');
    this.tolerance = week * 1e-9;
    this.before = [];
    let sum = 0;
    for (const [start, end] of open) {
      this.before.push(sum);
      sum += end - start;
    }
    this.openPerWeek = sum;
    this.allWeek = open.length === 1 && open[0][0] <= 0 && open[0][1] >= week;
  }

  /** True when the calendar is open at `t`. */
  isOpen(t: number): boolean {
    return this.period(t).start <= t;
  }

  /** The first instant at or after `t` at which the calendar is open (`t` itself when open). */
  nextOpening(t: number): number {
    return this.period(t).start;
  }

  /** When the open period holding `t` ends, or the next one when closed at `t`; Infinity when it never closes. */
  nextClosing(t: number): number {
    return this.period(t).end;
  }

  /** The open period holding `t`, or the next one: its start is `t` when open at `t`. */
  period(t: number): OpenPeriod {
    const closed = this.spec.closed;
    let at = t;
    for (;;) {
      const weekly = this.weeklyPeriod(at);
      const k = this.firstClosedEndingAfter(weekly.start);
      if (k === closed.length || closed[k][0] > weekly.start + this.tolerance) {
        return k < closed.length && closed[k][0] < weekly.end ? { start: weekly.start, end: closed[k][0] } : weekly;
      }
      at = closed[k][1]; // opens, if at all, after the holiday
    }
  }

  /** Open time within [a, b]. */
  openTimeBetween(a: number, b: number): number {
    if (!(b > a)) return 0;
    let open = this.weeklyOpenBefore(b) - this.weeklyOpenBefore(a);
    const closed = this.spec.closed;
    for (let k = this.firstClosedEndingAfter(a); k < closed.length && closed[k][0] < b; k++) {
      const from = Math.max(a, closed[k][0]);
      const to = Math.min(b, closed[k][1]);
      if (to > from) open -= this.weeklyOpenBefore(to) - this.weeklyOpenBefore(from);
    }
    return Math.max(0, Math.min(b - a, open));
  }

  /** The weekly open period holding `t` or the next one, holidays ignored. */
  private weeklyPeriod(t: number): OpenPeriod {
    if (this.allWeek) return { start: t, end: Infinity };
    const { week, open, phase } = this.spec;
    const x = t + phase;
    let k = Math.floor(x / week);
    const p = x - k * week;
    let i = open.findIndex(([, end]) => end > p + this.tolerance);
    if (i < 0) {
      i = 0;
      k++;
    }
    const base = k * week - phase;
    const start = base + open[i][0] <= t + this.tolerance ? t : base + open[i][0];
    // A shift that runs past Sunday midnight goes on in the next week's first interval.
    const end = open[i][1] >= week && open[0][0] <= 0 ? base + week + open[0][1] : base + open[i][1];
    return { start, end };
  }

  /** Open time of the weekly pattern from the Monday 00:00 before time 0's week to `t`, holidays ignored. */
  private weeklyOpenBefore(t: number): number {
    const { week, open, phase } = this.spec;
    const x = t + phase;
    const k = Math.floor(x / week);
    const p = x - k * week;
    let within = 0;
    for (let i = 0; i < open.length && open[i][0] < p; i++) within = this.before[i] + Math.min(p, open[i][1]) - open[i][0];
    return k * this.openPerWeek + within;
  }

  /** Index of the first closed stretch that ends after `t` (binary search); closed.length when none does. */
  private firstClosedEndingAfter(t: number): number {
    const closed = this.spec.closed;
    let lo = 0;
    let hi = closed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (closed[mid][1] > t + this.tolerance) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
