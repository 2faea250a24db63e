import { atLeastZero, fail } from '../check.js';
import type { Distribution } from '../distribution.js';

/** Uniform on [min, max] with 0 <= min <= max (min = max always returns min). */
export function uniform(min: number, max: number): Distribution {
  atLeastZero('uniform', 'min', min);
  if (!(Number.isFinite(max) && max >= min)) fail('uniform', 'max', `a finite number >= min (${min})`, max);
  const width = max - min;
  return {
    name: 'uniform',
    mean: min + width / 2,
    variance: (width * width) / 12,
    support: { min, max, integer: false },
    // Rounding in min + width·u could land a hair above max.
    sample: (rng) => Math.min(max, min + width * rng()),
  };
}
