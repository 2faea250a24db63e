import { constant, discrete, empirical, exponential, gamma, lognormal, normal, poisson, triangular, uniform } from '../random/index.js';
import type { Distribution } from '../random/index.js';
import type { DistributionSpec } from './schema-distribution.js';

/** The Distribution a valid spec names (a plain number is a constant); throws the factory's RangeError. */
export function toDistribution(spec: DistributionSpec): Distribution {
  if (typeof spec === 'number') return constant(spec);
  if ('constant' in spec) return constant(spec.constant);
  if ('exponential' in spec) return exponential(spec.exponential.mean);
  if ('normal' in spec) return normal(spec.normal.mean, spec.normal.sd);
  if ('lognormal' in spec) return lognormal(spec.lognormal.mean, spec.lognormal.sd);
  if ('gamma' in spec) return gamma(spec.gamma.mean, spec.gamma.sd);
  if ('uniform' in spec) return uniform(spec.uniform.min, spec.uniform.max);
  if ('triangular' in spec) return triangular(spec.triangular.min, spec.triangular.mode, spec.triangular.max);
  if ('poisson' in spec) return poisson(spec.poisson.mean);
  if ('discrete' in spec) return discrete(spec.discrete.values, spec.discrete.weights);
  return empirical(spec.empirical);
}

/** The family key of a spec: 'constant' for a plain number. */
export function familyOf(spec: DistributionSpec): string {
  return typeof spec === 'number' ? 'constant' : Object.keys(spec)[0];
}

/** The mean of a valid spec, or NaN when its factory rejects it. */
export function meanOf(spec: DistributionSpec): number {
  try {
    return toDistribution(spec).mean;
  } catch {
    return Number.NaN;
  }
}
