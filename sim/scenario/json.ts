// Plain data as YAML and JSON give it, read defensively before (or without) validation.

/** A JSON object. */
export type Json = Record<string, unknown>;

/** True for a plain object: not null, not a list. */
export const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value if it is an object, else an empty one: `obj(doc).items` never throws. */
export const obj = (value: unknown): Json => (isObject(value) ? value : {});

/**
 * Keys refused anywhere in a scenario and in a --set path: assigned to an ordinary object they
 * change its prototype (`{"__proto__": {"initial": 77}}` in a patch would smuggle `initial` into
 * every item), and looked up on one they find inherited members instead of nothing.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The value of `record`'s own `key`, never an inherited member (`toString`, `constructor`). */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty record without a prototype, for keys that come from users (trace names, --set paths). */
export function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
