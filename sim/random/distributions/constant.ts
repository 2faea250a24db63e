import { atLeastZero } from '../check.js';
import type { Distribution } from '../distribution.js';

/** Always value (finite, >= 0); draws nothing from the rng. */
export function constant(value: number): Distribution {
  atLeastZero('constant', 'value', value);
  return {
    name: 'constant',
    mean: value,
    variance: 0,
    support: { min: value, max: value, integer: Number.isInteger(value) },
    sample: () => value,
  };
}
