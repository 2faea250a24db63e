import digamma from '@stdlib/math-base-special-digamma';
import gammainc from '@stdlib/math-base-special-gammainc';
import trigamma from '@stdlib/math-base-special-trigamma';
import { gammaln } from 'simple-statistics';
import type { Fitted } from './family.js';
import type { Sample } from './sample.js';

/**
 * Gamma by maximum likelihood: the shape k solves ln k − ψ(k) = ln(mean) − mean(ln x), by Newton's
 * method from Minka's (2002) closed-form start; the scale is mean / k. A scenario gives the mean and
 * sd (k = (mean/sd)²), so those are the parameters. Needs every value > 0.
 */
export function fitGamma(sample: Sample): Fitted | null {
  if (sample.logs === null) return null;
  const s = Math.log(sample.mean) - sample.logs.mean;
  if (!(s > 0)) return null; // all values equal (or rounding says so)
  const shape = gammaShape(s);
  const scale = sample.mean / shape;
  const logNorm = shape * Math.log(scale) + gammaln(shape);
  return {
    family: 'gamma',
    parameters: { mean: sample.mean, sd: Math.sqrt(shape) * scale },
    estimated: 2,
    logDensity: (x) => (x <= 0 ? -Infinity : (shape - 1) * Math.log(x) - x / scale - logNorm),
    cdf: (x) => (x <= 0 ? 0 : gammainc(x / scale, shape)),
  };
}

/** The k > 0 with ln k − ψ(k) = s (s > 0): the gamma shape's likelihood equation. */
export function gammaShape(s: number): number {
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let i = 0; i < 100; i++) {
    const step = (Math.log(k) - digamma(k) - s) / (1 / k - trigamma(k));
    // ln k − ψ(k) is convex and decreasing, so Newton from Minka's start stays positive; halve if rounding says otherwise.
    const next = k - step > 0 ? k - step : k / 2;
    if (Math.abs(next - k) <= 1e-12 * k) return next;
    k = next;
  }
  return k;
}
