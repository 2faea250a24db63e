import { EventCalendar, type EventHandle } from './calendar.js';
import { SimulationStalledError, invalidDelay, invalidUntil, negativeDelay, timeInPast, tooManyEvents, tooManyPending } from './errors.js';
import { Process, Timeout, type ProcessBody } from './process.js';
import { Signal } from './signal.js';

export interface SimulationOptions {
  /** Start time of the clock. */
  start?: number;
  /** A run that fires more events than this at one instant is stopped as stalled. */
  maxEventsPerInstant?: number;
  /** A run that fires more events than this in all is stopped as too large (default: no limit). */
  maxEvents?: number;
  /** Scheduling more events than this to wait on the calendar at once stops the run as too large (default: no limit). */
  maxPending?: number;
  /** Called after every event (for invariant checks and tracing; costs one branch per event). */
  afterEvent?: (() => void) | null;
}

export interface RunOptions {
  /** Fire every event with time <= until, then leave the clock at until. */
  until?: number;
}

/** The clock and the event calendar: schedule callbacks, run processes, advance time. */
export class Simulation {
  private readonly calendar = new EventCalendar();
  private readonly maxEventsPerInstant: number;
  private readonly maxEvents: number;
  private readonly maxPending: number;
  private readonly afterEvent: (() => void) | null;
  // The instant of the last event and the events fired at it. Counting from 0 at time 0 is the same
  // as "no instant yet" (the first event makes it 1 either way); a number literal, not NaN, keeps
  // the field a plain double: initialized from Number.NaN, V8 boxed every time stored in it, an
  // allocation per event.
  private stalledTime = 0;
  private eventsAtInstant = 0;
  private stopRequested = false;
  private _now: number;
  /** Events fired so far (cancelled ones excluded). */
  eventsFired = 0;

  constructor(options: SimulationOptions = {}) {
    this._now = options.start ?? 0;
    this.maxEventsPerInstant = options.maxEventsPerInstant ?? 1_000_000;
    this.maxEvents = options.maxEvents ?? Infinity;
    this.maxPending = options.maxPending ?? Infinity;
    this.afterEvent = options.afterEvent ?? null;
  }

  /** The current simulated time. */
  get now(): number {
    return this._now;
  }

  /** Runs `action` after `delay` (>= 0); events at equal times run in scheduling order. */
  schedule(delay: number, action: () => void): EventHandle {
    if (!(delay >= 0) || delay === Infinity) {
      throw delay < 0 ? negativeDelay(delay, this._now) : invalidDelay(delay, this._now);
    }
    if (this.calendar.size >= this.maxPending) throw tooManyPending(this.maxPending, this._now);
    // Straight to the calendar: a time passed through one more call that is not inlined is boxed, an allocation per event.
    return this.calendar.push(this._now + delay, action);
  }

  /** Runs `action` at absolute time `time` (>= now). */
  scheduleAt(time: number, action: () => void): EventHandle {
    if (!(time >= this._now) || time === Infinity) throw timeInPast(time, this._now);
    if (this.calendar.size >= this.maxPending) throw tooManyPending(this.maxPending, this._now);
    return this.calendar.push(time, action);
  }

  /** Cancels a scheduled event; cancelling one that already ran does nothing. */
  cancel(event: EventHandle): void {
    this.calendar.cancel(event);
  }

  /** Starts a process (a generator that yields timeouts, requests, signals or processes) now. */
  process<T = unknown>(body: ProcessBody<T>): Process<T> {
    return new Process<T>(this, body);
  }

  /** Something a process yields to wait `delay` time units; it resumes with `value`. */
  timeout<T = undefined>(delay: number, value?: T): Timeout<T> {
    if (!(delay >= 0) || delay === Infinity) {
      throw delay < 0 ? negativeDelay(delay, this._now) : invalidDelay(delay, this._now);
    }
    return new Timeout(delay, value as T);
  }

  /** A one-shot event that processes can wait for until someone calls `succeed`. */
  signal<T = unknown>(): Signal<T> {
    return new Signal<T>();
  }

  /** Time of the next live event, or Infinity when the calendar is empty. */
  peek(): number {
    return this.calendar.peekTime();
  }

  /** Fires the next event; returns false when there is none. */
  step(): boolean {
    if (!this.calendar.hasLive()) return false;
    this.fireNext();
    return true;
  }

  /** Fires events in (time, sequence) order until the calendar empties, `until` passes or `stop()`. */
  run(options: RunOptions = {}): void {
    const until = options.until ?? Infinity;
    if (until < this._now) throw invalidUntil(until, this._now);
    this.stopRequested = false;
    const calendar = this.calendar;
    while (!this.stopRequested && calendar.hasLive() && calendar.topTime <= until) this.fireNext();
    if (!this.stopRequested && until !== Infinity) this._now = until;
  }

  /** Ends the current `run` after the event being fired. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Fires the earliest live event (there is one). It reads the time itself: a time passed to it would be boxed, an allocation per event. */
  private fireNext(): void {
    const time = this.calendar.topTime;
    const action = this.calendar.pop()!;
    if (time === this.stalledTime) this.eventsAtInstant++;
    else {
      this.stalledTime = time;
      this.eventsAtInstant = 1;
    }
    // Checked before the action, so the state a caller inspects is that after the last event allowed.
    // The errors read the time from the field: the local used on these cold paths was boxed on the
    // hot one, an allocation per event.
    if (this.eventsFired >= this.maxEvents) throw tooManyEvents(this.maxEvents, this.stalledTime);
    if (this.eventsAtInstant > this.maxEventsPerInstant) throw new SimulationStalledError(this.stalledTime, this.eventsAtInstant - 1);
    this._now = time;
    this.eventsFired++;
    action();
    if (this.afterEvent !== null) this.afterEvent();
  }
}
