import type { Fitted } from './family.js';
import type { Sample } from './sample.js';

/**
 * The log-likelihood of the sample. Measurements: Σ ln f(x). Counts (whole numbers): Σ ln P(X
 * rounds to x), with X censored at 0 as a scenario draws it, so that continuous families and
 * poisson are compared on one footing (a density is not a probability).
 */
export function logLikelihood(fitted: Fitted, sample: Sample): number {
  if (sample.counts === null) {
    let sum = 0;
    for (const x of sample.sorted) sum += fitted.logDensity(x);
    return sum;
  }
  let sum = 0;
  sample.counts.forEach((count, k) => {
    if (count > 0) sum += count * logMassAt(fitted, k);
  });
  return sum;
}

/** ln P(X rounds to k) for a whole number k >= 0 (everything below ½ counts as 0). */
export function logMassAt(fitted: Fitted, k: number): number {
  const mass = fitted.cdf(k + 0.5) - (k === 0 ? 0 : fitted.cdf(k - 0.5));
  // Far in a tail the difference of two CDFs near 1 cancels to 0: the density is then the better value.
  return mass > 1e-12 ? Math.log(mass) : fitted.logDensity(k);
}
