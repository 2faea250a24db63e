import type { Fitted } from './family.js';
import { logPhiDensity, phi } from './phi.js';
import type { Sample } from './sample.js';

/**
 * Lognormal by maximum likelihood: μ and σ are the mean and sd (divisor n) of ln x. A scenario
 * gives the mean and sd of the values themselves, so those are the parameters. Needs every value > 0.
 */
export function fitLognormal(sample: Sample): Fitted | null {
  if (sample.logs === null) return null;
  const mu = sample.logs.mean;
  const sigma = Math.sqrt(sample.logs.variance);
  const mean = Math.exp(mu + sample.logs.variance / 2);
  return {
    family: 'lognormal',
    parameters: { mean, sd: mean * Math.sqrt(Math.expm1(sample.logs.variance)) },
    estimated: 2,
    logDensity: (x) => (x <= 0 ? -Infinity : logPhiDensity((Math.log(x) - mu) / sigma) - Math.log(sigma) - Math.log(x)),
    cdf: (x) => (x <= 0 ? 0 : phi((Math.log(x) - mu) / sigma)),
  };
}
