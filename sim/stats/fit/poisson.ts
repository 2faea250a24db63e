import gammainc from '@stdlib/math-base-special-gammainc';
import { gammaln } from 'simple-statistics';
import type { Fitted } from './family.js';
import type { Sample } from './sample.js';

/** Poisson by maximum likelihood (the mean is the sample mean); for counts only (whole numbers). */
export function fitPoisson(sample: Sample): Fitted | null {
  if (sample.counts === null) return null;
  const mean = sample.mean;
  return {
    family: 'poisson',
    parameters: { mean },
    estimated: 1,
    logDensity: (k) => (Number.isInteger(k) && k >= 0 ? k * Math.log(mean) - mean - gammaln(k + 1) : -Infinity),
    // P(X <= k) = Q(k + 1, mean), the upper regularized incomplete gamma function.
    cdf: (x) => (x < 0 ? 0 : gammainc(mean, Math.floor(x) + 1, true, true)),
  };
}
