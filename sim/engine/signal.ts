import { signalTwice } from './errors.js';
import type { Waitable, Waiter } from './waitable.js';

/** A one-shot event: processes that yield it resume when `succeed(value)` is called. */
export class Signal<T = unknown> implements Waitable {
  private waiters: Waiter[] = [];
  private _triggered = false;
  private _value: T | undefined;

  get triggered(): boolean {
    return this._triggered;
  }

  get value(): T | undefined {
    return this._value;
  }

  /** Fires the signal once; every waiting process resumes with `value`, in the order it began waiting. */
  succeed(value?: T): void {
    if (this._triggered) throw signalTwice();
    this._triggered = true;
    this._value = value;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.wake(value);
  }

  subscribe(waiter: Waiter): void {
    if (this._triggered) waiter.wake(this._value);
    else this.waiters.push(waiter);
  }

  unsubscribe(waiter: Waiter): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
  }
}
