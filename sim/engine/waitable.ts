/** The side of a process that waitables talk to. */
export interface Waiter {
  /** The awaited thing happened: resume with `value` (at once if still subscribing, else as an event now). */
  wake(value: unknown): void;
}

/**
 * Anything a process can yield besides a timeout: a signal, a resource request, another process.
 * `subscribe` may call `waiter.wake` synchronously when the thing has already happened.
 */
export interface Waitable {
  subscribe(waiter: Waiter): void;
  /** The waiter stops waiting (it was interrupted). */
  unsubscribe(waiter: Waiter): void;
}

/** True when `value` can be yielded by a process. */
export function isWaitable(value: unknown): value is Waitable {
  return (
    typeof value === 'object' && value !== null && typeof (value as Waitable).subscribe === 'function' && typeof (value as Waitable).unsubscribe === 'function'
  );
}
