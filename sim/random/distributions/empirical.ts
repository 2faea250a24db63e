import { nonNegativeList } from '../check.js';
import { supportOf, type Distribution } from '../distribution.js';

/** One of values (non-empty, each >= 0) chosen uniformly: a bootstrap resample of observed data. */
export function empirical(values: readonly number[]): Distribution {
  const xs = nonNegativeList('empirical', 'values', values);
  const n = xs.length;
  let mean = 0;
  for (const x of xs) mean += x / n;
  let variance = 0; // divisor n: the variance of the resampling distribution, not an estimate
  for (const x of xs) variance += (x - mean) ** 2 / n;
  return {
    name: 'empirical',
    mean,
    variance,
    support: supportOf(xs),
    // u < 1, so the index is < n; min() guards the rounding of u·n for huge n.
    sample: (rng) => xs[Math.min(n - 1, Math.floor(rng() * n))],
  };
}
