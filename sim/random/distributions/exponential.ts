import { aboveZero } from '../check.js';
import { nonNegativeReals, type Distribution } from '../distribution.js';

/** Exponential with the given mean (> 0: a zero-mean interarrival time would never advance the clock). */
export function exponential(mean: number): Distribution {
  aboveZero('exponential', 'mean', mean);
  return {
    name: 'exponential',
    mean,
    variance: mean * mean,
    support: nonNegativeReals,
    // Inverse CDF; log1p(-u) is finite for u in [0, 1) and gives +0, not -0, at u = 0.
    sample: (rng) => mean * -Math.log1p(-rng()),
  };
}
