// Plain data as YAML and JSON give it, read defensively before (or without) validation.

/** A JSON object. */
export type Json = Record<string, unknown>;

/** True for a plain object: not null, not a list. */
export const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value if it is an object, else an empty one: `obj(doc).items` never throws. */
export const obj = (value: unknown): Json => (isObject(value) ? value : {});
