import { atLeastZero, finite } from '../check.js';
import { nonNegativeReals, type Distribution } from '../distribution.js';
import { normalCdf, normalPdf } from '../normal-cdf.js';
import { standardNormal } from '../standard-normal.js';

/** max(0, X) for X ~ Normal(mean, sd); mean and variance are those of the censored value. */
export function normal(mean: number, sd: number): Distribution {
  finite('normal', 'mean', mean);
  atLeastZero('normal', 'sd', sd);
  // Every use is a time or a quantity, so we CENSOR at 0 (negative draws become 0, no redraw):
  // one draw pair per sample, and a clear meaning for mean close to 0.
  return {
    name: 'normal',
    ...censoredMoments(mean, sd),
    support: nonNegativeReals,
    sample: (rng) => Math.max(0, mean + sd * standardNormal(rng)),
  };
}

// E[max(0,X)] = μΦ(a) + σφ(a) with a = μ/σ. The variance, E[max(0,X)²] − mean², is rearranged to
// σ²[Φ + a²ΦQ + aφ(Q − Φ) − φ²] with Q = 1 − Φ from erfc, which does not cancel when μ ≫ σ.
function censoredMoments(mu: number, sigma: number): { mean: number; variance: number } {
  if (sigma === 0) return { mean: Math.max(0, mu), variance: 0 };
  const a = mu / sigma;
  const cdf = normalCdf(a);
  const tail = normalCdf(-a);
  const pdf = normalPdf(a);
  const mean = Math.max(0, mu * cdf + sigma * pdf);
  const scaled = cdf + a * a * cdf * tail + a * pdf * (tail - cdf) - pdf * pdf;
  return { mean, variance: sigma * sigma * Math.max(0, scaled) };
}
