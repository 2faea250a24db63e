import { describe, expect, it } from 'vitest';
import * as random from '../../../sim/random/index.js';

describe('sim/random index', () => {
  it('exports exactly createStream, the stream keys, the ten distribution factories and their parameter error', () => {
    expect(Object.keys(random).sort()).toEqual([
      'DistributionParameterError',
      'constant',
      'createStream',
      'demandStreamId',
      'demandStreamKey',
      'discrete',
      'empirical',
      'exponential',
      'gamma',
      'lognormal',
      'normal',
      'poisson',
      'streamKey',
      'triangular',
      'uniform',
    ]);
  });

  it('names each distribution after its factory', () => {
    const made = [
      random.constant(1),
      random.exponential(1),
      random.normal(1, 1),
      random.lognormal(1, 1),
      random.gamma(1, 1),
      random.uniform(0, 1),
      random.triangular(0, 0.5, 1),
      random.poisson(1),
      random.discrete([1], [1]),
      random.empirical([1]),
    ];
    expect(made.map((d) => d.name)).toEqual([
      'constant',
      'exponential',
      'normal',
      'lognormal',
      'gamma',
      'uniform',
      'triangular',
      'poisson',
      'discrete',
      'empirical',
    ]);
  });
});
