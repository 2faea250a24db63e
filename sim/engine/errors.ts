/** Every message the engine shows a user, written once. */

/** A run that schedules event after event without the clock moving (e.g. a zero-delay loop). */
export class SimulationStalledError extends Error {
  /** What stopped the run, as data: survives where the class does not (see toErrorData). */
  readonly code = 'stalled';

  constructor(
    readonly time: number,
    readonly events: number,
  ) {
    super(`${stalledWhat(time, events)}; raise maxEventsPerInstant if this is intended`);
    this.name = 'SimulationStalledError';
  }

  /** What happened, without the engine-level advice (a scenario's user has no maxEventsPerInstant to raise). */
  get what(): string {
    return stalledWhat(this.time, this.events);
  }
}

function stalledWhat(time: number, events: number): string {
  return `simulation stalled: ${events} events at t=${time} without time advancing (a zero delay loop?)`;
}

/**
 * A run stopped for its size: more events than allowed, too many waiting, numbers that overflow.
 * Every message starts with `simulation too large: ` and goes on with `detail`; `limit` names
 * what was exceeded.
 */
export class SimulationTooLargeError extends Error {
  /** What stopped the run, as data: survives where the class does not (see toErrorData). */
  readonly code = 'too-large';

  constructor(
    readonly limit: string,
    readonly detail: string,
  ) {
    super(`simulation too large: ${detail}`);
    this.name = 'SimulationTooLargeError';
  }
}

/**
 * A stall or a too-large stop as plain data, which structured cloning (worker threads, Web
 * Workers) carries whole, where an error arrives with its message only.
 */
export type SimulationErrorData = { code: 'stalled'; time: number; events: number } | { code: 'too-large'; limit: string; detail: string };

/** The data of a stall or too-large stop, or undefined for any other thrown value. */
export function toErrorData(error: unknown): SimulationErrorData | undefined {
  if (error instanceof SimulationStalledError) return { code: error.code, time: error.time, events: error.events };
  if (error instanceof SimulationTooLargeError) return { code: error.code, limit: error.limit, detail: error.detail };
  return undefined;
}

/** True when `value` is data made by toErrorData (after a structured clone, say), not an error itself. */
export function isErrorData(value: unknown): value is SimulationErrorData {
  if (typeof value !== 'object' || value === null || value instanceof Error) return false;
  const data = value as Record<string, unknown>;
  if (data.code === 'stalled') return typeof data.time === 'number' && typeof data.events === 'number';
  if (data.code === 'too-large') return typeof data.limit === 'string' && typeof data.detail === 'string';
  return false;
}

/** The error `data` was made from: same class, fields and message. */
export function fromErrorData(data: SimulationErrorData): SimulationStalledError | SimulationTooLargeError {
  return data.code === 'stalled' ? new SimulationStalledError(data.time, data.events) : new SimulationTooLargeError(data.limit, data.detail);
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
  return new TypeError(`a process yielded ${String(value)} at t=${now}; yield sim.timeout(d), a resource request, a signal or a process`);
}

export function interruptFinished(now: number): Error {
  return new Error(`cannot interrupt a process that has already finished (t=${now})`);
}

export function releaseNotHeld(): Error {
  return new Error('released a resource request that is not held');
}

export function signalTwice(): Error {
  return new Error('signal already triggered: a signal fires once');
}
