import { aboveZero, atLeastZero } from '../check.js';
import { nonNegativeReals, type Distribution } from '../distribution.js';
import { standardNormal } from '../standard-normal.js';

/** Lognormal given by its own mean (> 0) and sd (>= 0; sd = 0 always returns mean). */
export function lognormal(mean: number, sd: number): Distribution {
  aboveZero('lognormal', 'mean', mean);
  atLeastZero('lognormal', 'sd', sd);
  // exp(N(μ, σ²)) has mean e^(μ+σ²/2) and cv² = e^(σ²) − 1; solve for μ and σ.
  const sigma2 = Math.log1p((sd / mean) ** 2);
  const sigma = Math.sqrt(sigma2);
  const mu = Math.log(mean) - sigma2 / 2;
  return {
    name: 'lognormal',
    mean,
    variance: sd * sd,
    support: nonNegativeReals,
    sample: (rng) => {
      // Draw even when degenerate, so a sweep over sd keeps the stream in step.
      const z = standardNormal(rng);
      return sigma === 0 ? mean : Math.exp(mu + sigma * z);
    },
  };
}
