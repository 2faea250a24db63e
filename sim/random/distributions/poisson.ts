import { aboveZero } from '../check.js';
import type { Distribution } from '../distribution.js';
import { poissonPtrs } from '../poisson-ptrs.js';
import type { Rng } from '../stream.js';

// Knuth's method costs mean + 1 uniforms a sample; PTRS costs a few and is valid from mean 10 up.
const PTRS_FROM = 10;

/** Poisson counts with the given mean (> 0), sampled exactly at every mean. */
export function poisson(mean: number): Distribution {
  aboveZero('poisson', 'mean', mean);
  return {
    name: 'poisson',
    mean,
    variance: mean,
    support: { min: 0, max: Infinity, integer: true },
    sample: mean < PTRS_FROM ? knuth(mean) : poissonPtrs(mean),
  };
}

// Multiply uniforms until the product drops to e^(−mean); the number of factors minus one is Poisson.
function knuth(mean: number): (rng: Rng) => number {
  const limit = Math.exp(-mean);
  return (rng) => {
    let k = 0;
    let product = rng();
    while (product > limit) {
      k++;
      product *= rng();
    }
    return k;
  };
}
