import type { Fitted } from './family.js';
import type { Sample } from './sample.js';

/** Exponential by maximum likelihood: the mean is the sample mean. */
export function fitExponential(sample: Sample): Fitted {
  const mean = sample.mean;
  return {
    family: 'exponential',
    parameters: { mean },
    estimated: 1,
    logDensity: (x) => (x < 0 ? -Infinity : -Math.log(mean) - x / mean),
    cdf: (x) => (x <= 0 ? 0 : -Math.expm1(-x / mean)),
  };
}
