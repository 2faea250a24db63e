import type { EventHandle } from './calendar.js';
import { Interrupt, interruptFinished, notAWaitable } from './errors.js';
import type { Simulation } from './simulation.js';
import { isWaitable, type Waitable, type Waiter } from './waitable.js';

/** What a process yields to hold for `delay` time units (made by `sim.timeout`). */
export class Timeout<T = undefined> {
  constructor(
    readonly delay: number,
    readonly value: T,
  ) {}
}

/** The generator a process runs: it yields timeouts and waitables and receives what they resolve to. */
// What `yield` returns depends on what was yielded (a request, a process's value, a signal's): a
// generator has one type for every resumption, so it is any here, and each model narrows it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ProcessBody<T = void> = Generator<Timeout<unknown> | Waitable, T, any>;

/**
 * A SimPy-style process. It starts as an event at the current time, runs until it yields,
 * and resumes when what it yielded happens. Other processes may yield it to wait for its end.
 */
export class Process<T = unknown> implements Waitable, Waiter {
  private readonly sim: Simulation;
  private readonly body: ProcessBody<T>;
  private pendingEvent: EventHandle | null = null;
  private waitingOn: Waitable | null = null;
  private resumeValue: unknown = undefined;
  private resumeError: Interrupt | null = null;
  private subscribing = false;
  private wokenWhileSubscribing = false;
  private joiners: Waiter[] = [];
  private _done = false;
  private _value: T | undefined;
  // Bound once so scheduling a resumption allocates no closure.
  private readonly resumeFromEvent = (): void => {
    this.pendingEvent = null;
    this.advance();
  };

  constructor(sim: Simulation, body: ProcessBody<T>) {
    this.sim = sim;
    this.body = body;
    this.pendingEvent = sim.schedule(0, this.resumeFromEvent);
  }

  /** True once the generator has returned. */
  get done(): boolean {
    return this._done;
  }

  /** What the generator returned (undefined until done). */
  get value(): T | undefined {
    return this._value;
  }

  /** True while the process waits on a timeout or a waitable. */
  get waiting(): boolean {
    return this.pendingEvent !== null || this.waitingOn !== null;
  }

  /**
   * Throws an `Interrupt(reason)` into the process at the current time, after detaching it
   * from what it waited on. A resource request it already holds stays held: release it in `finally`.
   */
  interrupt(reason?: unknown): void {
    if (this._done) throw interruptFinished(this.sim.now);
    this.detach();
    this.resumeError = new Interrupt(reason);
    this.pendingEvent = this.sim.schedule(0, this.resumeFromEvent);
  }

  wake(value: unknown): void {
    this.waitingOn = null;
    this.resumeValue = value;
    if (this.subscribing) this.wokenWhileSubscribing = true;
    else this.pendingEvent = this.sim.schedule(0, this.resumeFromEvent);
  }

  subscribe(waiter: Waiter): void {
    if (this._done) waiter.wake(this._value);
    else this.joiners.push(waiter);
  }

  unsubscribe(waiter: Waiter): void {
    const index = this.joiners.indexOf(waiter);
    if (index >= 0) this.joiners.splice(index, 1);
  }

  private detach(): void {
    if (this.pendingEvent !== null) {
      this.sim.cancel(this.pendingEvent);
      this.pendingEvent = null;
    }
    if (this.waitingOn !== null) {
      this.waitingOn.unsubscribe(this);
      this.waitingOn = null;
    }
  }

  /** Runs the generator until it waits for something that has not happened yet, or ends. */
  private advance(): void {
    for (;;) {
      const error = this.resumeError;
      const value = this.resumeValue;
      this.resumeError = null;
      this.resumeValue = undefined;
      const step = error !== null ? this.body.throw(error) : this.body.next(value);
      if (step.done) {
        this.finish(step.value);
        return;
      }
      const yielded = step.value;
      if (yielded instanceof Timeout) {
        this.resumeValue = yielded.value;
        this.pendingEvent = this.sim.schedule(yielded.delay, this.resumeFromEvent);
        return;
      }
      if (!isWaitable(yielded)) throw notAWaitable(yielded, this.sim.now);
      this.waitingOn = yielded;
      this.subscribing = true;
      this.wokenWhileSubscribing = false;
      yielded.subscribe(this);
      this.subscribing = false;
      if (!this.wokenWhileSubscribing) return;
    }
  }

  private finish(value: T): void {
    this._done = true;
    this._value = value;
    const joiners = this.joiners;
    this.joiners = [];
    for (const joiner of joiners) joiner.wake(value);
  }
}
