import { atLeastZero, fail } from '../check.js';
import type { Distribution } from '../distribution.js';

/** Triangular on [min, max] peaking at mode, with 0 <= min <= mode <= max and min < max. */
export function triangular(min: number, mode: number, max: number): Distribution {
  atLeastZero('triangular', 'min', min);
  if (!(Number.isFinite(max) && max > min)) fail('triangular', 'max', `a finite number > min (${min})`, max);
  if (!(Number.isFinite(mode) && mode >= min && mode <= max)) {
    fail('triangular', 'mode', `a finite number between min (${min}) and max (${max})`, mode);
  }
  const width = max - min;
  const left = mode - min;
  const right = max - mode;
  const split = left / width; // F(mode)
  return {
    name: 'triangular',
    mean: (min + mode + max) / 3,
    variance: (left * left + right * right + left * right) / 18,
    support: { min, max, integer: false },
    sample: (rng) => {
      // Inverse CDF: one uniform per sample; clamped because rounding can step past either end.
      const u = rng();
      const x = u < split ? min + Math.sqrt(u * width * left) : max - Math.sqrt((1 - u) * width * right);
      return Math.min(max, Math.max(min, x));
    },
  };
}
