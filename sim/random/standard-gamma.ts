import { standardNormal } from './standard-normal.js';
import type { Rng } from './stream.js';

/** A sampler of Gamma(shape, 1) for shape > 0 (Marsaglia & Tsang 2000). */
export function standardGamma(shape: number): (rng: Rng) => number {
  if (shape < 1) {
    // The method needs shape >= 1: Gamma(k) = Gamma(k + 1) · U^(1/k) for k < 1.
    const boosted = standardGamma(shape + 1);
    return (rng) => boosted(rng) * Math.pow(rng(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return (rng) => {
    for (;;) {
      const z = standardNormal(rng);
      const t = 1 + c * z;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = rng();
      const z2 = z * z;
      // The cheap squeeze settles most draws; the log test makes the method exact.
      if (u < 1 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1 - v + Math.log(v))) return d * v;
    }
  };
}
