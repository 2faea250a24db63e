// Parameter checks for the factories. Every failure is a RangeError that names the family, the
// parameter, what was expected and the value given: `exponential: mean must be …, got -2`.

/** Throws the RangeError for `family: param must be expected, got value`. */
export function fail(family: string, param: string, expected: string, value: unknown): never {
  throw new RangeError(`${family}: ${param} must be ${expected}, got ${show(value)}`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return String(value);
}

/** Returns value if it is a finite number, else throws. */
export function finite(family: string, param: string, value: number): number {
  if (!Number.isFinite(value)) fail(family, param, 'a finite number', value);
  return value;
}

/** Returns value if it is a finite number >= 0, else throws. */
export function atLeastZero(family: string, param: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) fail(family, param, 'a finite number >= 0', value);
  return value;
}

/** Returns value if it is a finite number > 0, else throws. */
export function aboveZero(family: string, param: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) fail(family, param, 'a finite number > 0', value);
  return value;
}

/** Returns a copy of values if it is a non-empty array of finite numbers >= 0, else throws. */
export function nonNegativeList(family: string, param: string, values: readonly number[]): number[] {
  if (!Array.isArray(values) || values.length === 0) fail(family, param, 'a non-empty array of numbers', values);
  return values.map((v, i) => atLeastZero(family, `${param}[${i}]`, v));
}
