// Building blocks of the scenario schema. The texts they attach come from messages.ts; an
// EXPECT text on an issue tells zod-issues.ts what to say instead of zod's own wording.
import { z } from 'zod';
import { MAX_AMOUNT, MAX_HORIZON, MAX_TIME } from '../model/index.js';
import { EXPECT, unknownKey } from './messages.js';

/** An object that rejects unknown keys and names the keys it knows in that message; `what` names it when it is not an object. */
export function strict<Shape extends z.ZodRawShape>(shape: Shape, what?: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKey(known) : what),
  });
}

/** Runs a refinement only on a value that passed every other check (it may rely on their guarantees). */
export const whenValid = { when: (payload: z.core.ParsePayload): boolean => payload.issues.length === 0 };

// Every number is bounded (limits.ts in the model says why); zod's numbers are finite already.
/** A number in [-MAX_AMOUNT, MAX_AMOUNT] (a normal distribution's mean). */
export const anyAmount = () =>
  z
    .number()
    .min(-MAX_AMOUNT, { error: () => EXPECT.anyAmount })
    .max(MAX_AMOUNT, { error: () => EXPECT.anyAmount });
/** A number in [0, MAX_AMOUNT]. */
export const atLeast0 = () =>
  z
    .number()
    .min(0)
    .max(MAX_AMOUNT, { error: () => EXPECT.amount });
/** A number in (0, MAX_AMOUNT]. */
export const above0 = () =>
  z
    .number()
    .positive()
    .max(MAX_AMOUNT, { error: () => EXPECT.amount });
/** A cost per unit, order or time unit: in [0, MAX_AMOUNT], 0 when absent. */
export const cost = () => atLeast0().default(0);
/** A time in [0, MAX_TIME] (an offset, the time of a change). */
export const instant = () =>
  z
    .number()
    .min(0)
    .max(MAX_TIME, { error: () => EXPECT.time });
/** The horizon: in (0, MAX_HORIZON]. */
export const runLength = () =>
  z
    .number()
    .positive()
    .max(MAX_HORIZON, { error: () => EXPECT.horizon });
/** The warm-up: in [0, MAX_HORIZON]. */
export const warmupLength = () =>
  z
    .number()
    .min(0)
    .max(MAX_HORIZON, { error: () => EXPECT.horizon });
/** A whole number from 1 to `max` (servers, kanban cards, replications); `tooBig` says why not more. */
export const wholeAtLeast1 = (max: number, tooBig: string) =>
  z
    .int()
    .min(1, { error: () => EXPECT.wholeAtLeast1 })
    .max(max, { error: () => tooBig });
/** A time between events: > 0, since a gap of 0 would never let time advance, and at most MAX_TIME. */
export const gap = () =>
  z
    .number()
    .positive({ error: () => EXPECT.gap })
    .max(MAX_TIME, { error: () => EXPECT.time });

/** Names of items, machines and strategies: paths use `.` and `[ ]`, so names cannot. */
export const name = () => z.string().regex(/^[^.[\]]+$/, { error: () => EXPECT.name });

/** A record keyed by names. */
export function named<Value extends z.ZodType>(value: Value) {
  return z.record(name(), value);
}
