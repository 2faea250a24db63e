import type { Fitted } from './family.js';
import { logPhiDensity, phi } from './phi.js';
import type { Sample } from './sample.js';

/**
 * Normal by maximum likelihood (the sample mean and the sd with divisor n), fitted as a plain
 * normal: a scenario's normal is censored at 0, so `censoredShare` says how much of it becomes 0.
 */
export function fitNormal(sample: Sample): Fitted & { censoredShare: number } {
  const mean = sample.mean;
  const sd = Math.sqrt(sample.variance);
  return {
    family: 'normal',
    parameters: { mean, sd },
    estimated: 2,
    censoredShare: phi(-mean / sd),
    logDensity: (x) => logPhiDensity((x - mean) / sd) - Math.log(sd),
    cdf: (x) => phi((x - mean) / sd),
  };
}
