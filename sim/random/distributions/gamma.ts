import { aboveZero, atLeastZero } from '../check.js';
import { nonNegativeReals, type Distribution } from '../distribution.js';
import { standardGamma } from '../standard-gamma.js';

/** Gamma given by its mean (> 0) and sd (>= 0; sd = 0 always returns mean and draws nothing). */
export function gamma(mean: number, sd: number): Distribution {
  aboveZero('gamma', 'mean', mean);
  atLeastZero('gamma', 'sd', sd);
  const common = { name: 'gamma', mean, variance: sd * sd, support: nonNegativeReals };
  if (sd === 0) return { ...common, sample: () => mean };
  // shape k = (mean/sd)², scale θ = sd²/mean, written to avoid overflowing mean² or sd².
  const ratio = mean / sd;
  const draw = standardGamma(ratio * ratio);
  const scale = sd / ratio;
  return { ...common, sample: (rng) => scale * draw(rng) };
}
