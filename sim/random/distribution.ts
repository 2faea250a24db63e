import type { Rng } from './stream.js';

/** The closed range sample() stays within; integer when every sample is a whole number. */
export interface Support {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** A random variable: its analytic moments and a sampler that draws only from the rng it is given. */
export interface Distribution {
  /** The family: 'exponential', 'normal', … */
  readonly name: string;
  /** Analytic mean of what sample() returns. */
  readonly mean: number;
  /** Analytic variance of what sample() returns. */
  readonly variance: number;
  readonly support: Support;
  sample(rng: Rng): number;
}

/** [0, ∞), real-valued: the support of every unbounded family here (all model times or quantities). */
export const nonNegativeReals: Support = Object.freeze({ min: 0, max: Infinity, integer: false });

/** The support of a finite, non-empty list of values. */
export function supportOf(values: readonly number[]): Support {
  // A loop, not Math.min(...values): spreading a long list overflows the call stack.
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, integer: values.every(Number.isInteger) };
}
