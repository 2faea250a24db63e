/** Whole-number data up to this value are counts: fitted and tested on the whole numbers (above it, as measurements). */
export const MAX_COUNT = 10_000;

/** What the estimators and tests read from the data. */
export interface Sample {
  /** The values, ascending. */
  readonly sorted: readonly number[];
  readonly n: number;
  readonly mean: number;
  /** The maximum-likelihood variance (divisor n). */
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  /** Mean and maximum-likelihood variance of ln x; null when a value is 0. */
  readonly logs: { readonly mean: number; readonly variance: number } | null;
  /** How many values are 0. */
  readonly zeros: number;
  /** For whole numbers up to MAX_COUNT, counts[k] = how many values are k; null for measurements. */
  readonly counts: readonly number[] | null;
}

/** Summarizes values (finite, >= 0, at least one); throws a RangeError naming the first bad value. */
export function describeSample(values: readonly number[]): Sample {
  if (values.length === 0) throw new RangeError('describeSample: expected at least one value, got none');
  const bad = values.findIndex((x) => !(Number.isFinite(x) && x >= 0));
  if (bad >= 0) throw new RangeError(`describeSample: expected finite values >= 0, got ${values[bad]} at index ${bad}`);
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const max = sorted[n - 1];
  const zeros = sorted.filter((x) => x === 0).length;
  return {
    sorted,
    n,
    ...moments(sorted),
    min: sorted[0],
    max,
    logs: zeros > 0 ? null : moments(sorted.map(Math.log)),
    zeros,
    counts: max <= MAX_COUNT && sorted.every(Number.isInteger) ? tally(sorted, max) : null,
  };
}

// Two passes: the mean first, so the variance does not cancel for values far from 0.
function moments(xs: readonly number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let squares = 0;
  for (const x of xs) squares += (x - mean) ** 2;
  return { mean, variance: squares / xs.length };
}

function tally(wholes: readonly number[], max: number): number[] {
  const counts = new Array<number>(max + 1).fill(0);
  for (const k of wholes) counts[k]++;
  return counts;
}
