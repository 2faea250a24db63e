import { logFactorial } from './log-factorial.js';
import type { Rng } from './stream.js';

/** An exact Poisson sampler for mean >= 10: PTRS, transformed rejection with squeeze (Hörmann 1993). */
export function poissonPtrs(mean: number): (rng: Rng) => number {
  // Constants of the hat function, from the paper.
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const logAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  return (rng) => {
    for (;;) {
      const u = rng() - 0.5;
      const v = rng();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k; // squeeze: accepted without evaluating the pmf
      if (k < 0 || (us < 0.013 && v > us)) continue;
      // The exact test against the Poisson pmf, in logs: this is what makes PTRS exact.
      if (Math.log(v) + logAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
    }
  };
}
