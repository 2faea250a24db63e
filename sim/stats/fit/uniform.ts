import type { Fitted } from './family.js';
import type { Sample } from './sample.js';

/** Uniform by maximum likelihood: from the smallest value to the largest. */
export function fitUniform(sample: Sample): Fitted {
  const { min, max } = sample;
  const width = max - min;
  return {
    family: 'uniform',
    parameters: { min, max },
    estimated: 2,
    logDensity: (x) => (x < min || x > max ? -Infinity : -Math.log(width)),
    cdf: (x) => Math.min(1, Math.max(0, (x - min) / width)),
  };
}
