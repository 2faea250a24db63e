// Parameter checks for the factories. Every failure is a DistributionParameterError (a
// RangeError) that names the family, the parameter, what was expected and the value given, as
// fields and in its message: `exponential: mean must be …, got -2`.

/** A distribution parameter out of range: `family: parameter[index] must be expected, got value`. */
export class DistributionParameterError extends RangeError {
  /**
   * @param family the factory: 'uniform', 'empirical', …
   * @param parameter the parameter's name: 'max', 'values', …
   * @param expected what it must be: 'a finite number >= min (3)'
   * @param got the value given (a list entry's own value when `index` is set)
   * @param index the entry of a list parameter, `[2]` for `values[2]`; empty for the whole parameter
   */
  constructor(
    readonly family: string,
    readonly parameter: string,
    readonly expected: string,
    readonly got: unknown,
    readonly index: readonly number[] = [],
  ) {
    super(`${family}: ${parameter}${index.map((i) => `[${i}]`).join('')} must be ${expected}, got ${showValue(got)}`);
    this.name = 'DistributionParameterError';
  }

  /** The value given as the message writes it: `1`, `[1, -2]`, `NaN`. */
  get shown(): string {
    return showValue(this.got);
  }
}

/** Throws the DistributionParameterError for `family: param[index] must be expected, got value`. */
export function fail(family: string, param: string, expected: string, value: unknown, index: readonly number[] = []): never {
  throw new DistributionParameterError(family, param, expected, value, index);
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  return String(value);
}

/** Returns value if it is a finite number, else throws. */
export function finite(family: string, param: string, value: number): number {
  if (!Number.isFinite(value)) fail(family, param, 'a finite number', value);
  return value;
}

/** Returns value if it is a finite number >= 0, else throws (`index`: the entry of a list parameter). */
export function atLeastZero(family: string, param: string, value: number, index: readonly number[] = []): number {
  if (!(Number.isFinite(value) && value >= 0)) fail(family, param, 'a finite number >= 0', value, index);
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
  return values.map((v, i) => atLeastZero(family, param, v, [i]));
}
