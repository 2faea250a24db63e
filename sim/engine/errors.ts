/** Every message the engine shows a user, written once. */

/** A run that schedules event after event without the clock moving (e.g. a zero-delay loop). */
export class SimulationStalledError extends Error {
  constructor(readonly time: number, readonly events: number) {
    super(
      `simulation stalled: ${events} events at t=${time} without time advancing ` +
        `(a zero delay loop?); raise maxEventsPerInstant if this is intended`,
    );
    this.name = 'SimulationStalledError';
  }
}

/**
 * A run stopped for its size: more events than allowed, too many waiting, numbers that overflow.
 * Every message starts with `simulation too large: `, so callers (and worker threads, which pass
 * on only names and messages) can tell it from a bug. `limit` names what was exceeded.
 */
export class SimulationTooLargeError extends Error {
  constructor(readonly limit: string, detail: string) {
    super(`simulation too large: ${detail}`);
    this.name = 'SimulationTooLargeError';
  }
}

export function tooManyEvents(limit: number, time: number): SimulationTooLargeError {
  return new SimulationTooLargeError('maxEvents', `more than ${limit} events fired by t=${time}; raise maxEvents if the run is meant to be this long`);
}

export function tooManyPending(limit: number, time: number): SimulationTooLargeError {
  return new SimulationTooLargeError('maxPending', `more than ${limit} events waiting on the calendar at t=${time}; raise maxPending if this is intended`);
}

/** Thrown into a process generator by `Process.interrupt`; `cause` says why (a failure, …). */
export class Interrupt extends Error {
  constructor(readonly reason: unknown) {
    super(`process interrupted: ${String(reason)}`);
    this.name = 'Interrupt';
  }
}

export function negativeDelay(delay: number, now: number): RangeError {
  return new RangeError(`negative delay ${delay} at t=${now}: events cannot be scheduled in the past`);
}

export function invalidDelay(delay: unknown, now: number): RangeError {
  return new RangeError(`invalid delay ${String(delay)} at t=${now}: expected a finite number >= 0`);
}

export function timeInPast(time: number, now: number): RangeError {
  return new RangeError(`cannot schedule at t=${time}: the clock is already at t=${now}`);
}

export function invalidUntil(until: number, now: number): RangeError {
  return new RangeError(`run until t=${until} is before the current time t=${now}`);
}

export function invalidCapacity(capacity: number): RangeError {
  return new RangeError(`resource capacity must be a whole number >= 1, got ${capacity}`);
}

export function notAWaitable(value: unknown, now: number): TypeError {
  return new TypeError(
    `a process yielded ${String(value)} at t=${now}; yield sim.timeout(d), a resource request, a signal or a process`,
  );
}

export function interruptFinished(now: number): Error {
  return new Error(`cannot interrupt a process that has already finished (t=${now})`);
}

export function releaseNotHeld(): Error {
  return new Error("released a resource request that is not held");
}

export function signalTwice(): Error {
  return new Error("signal already triggered: a signal fires once");
}
