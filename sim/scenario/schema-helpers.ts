// Building blocks of the scenario schema. The texts they attach come from messages.ts; an
// EXPECT text on an issue tells zod-issues.ts what to say instead of zod's own wording.
import { z } from 'zod';
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

/** A finite number >= 0. */
export const atLeast0 = () => z.number().min(0);
/** A finite number > 0. */
export const above0 = () => z.number().positive();
/** A cost per unit, order or time unit: >= 0, 0 when absent. */
export const cost = () => atLeast0().default(0);
/** A count such as servers or kanban cards. */
export const wholeAtLeast1 = () => z.int().min(1, { error: () => EXPECT.wholeAtLeast1 });
/** A time between events: > 0, since a gap of 0 would never let time advance. */
export const gap = () => z.number().positive({ error: () => EXPECT.gap });

/** Names of items, machines and strategies: paths use `.` and `[ ]`, so names cannot. */
export const name = () => z.string().regex(/^[^.[\]]+$/, { error: () => EXPECT.name });

/** A record keyed by names. */
export function named<Value extends z.ZodType>(value: Value) {
  return z.record(name(), value);
}
