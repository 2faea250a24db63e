import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gamma } from '../../../../sim/random/index.js';
import { expectCloseAll, expectMeanWithin4SE, expectRejects, expectSamplesInSupport, expectVarianceWithin4SE, golden, positive } from '../sampling.js';

// Shapes (mean/sd)² of 0.25 (the u^(1/shape) boost), 1 (exponential) and 25.
const cases = [
  [1, 2],
  [2, 2],
  [10, 2],
];

describe('gamma', () => {
  it('gamma(1, 2) and gamma(10, 2) draw the pinned golden values from stream (7, "golden")', () => {
    expectCloseAll(golden(gamma(1, 2)), [0.021106923617832753, 0.04301586944403526, 0.010267428549524218]);
    expectCloseAll(golden(gamma(10, 2)), [10.63957635464367, 11.288395001847055, 9.336270170638166]);
  });

  it('gamma(mean, sd) is parameterised by its mean and sd', () => {
    expect(gamma(6, 2)).toMatchObject({ name: 'gamma', mean: 6, variance: 4 });
  });

  it('gamma(mean, 0) always returns mean', () => {
    expect(golden(gamma(3, 0))).toEqual([3, 3, 3]);
  });

  it.each(cases)('gamma(%s, %s) has sample mean within 4 standard errors of mean', (mean, sd) => {
    expectMeanWithin4SE(gamma(mean, sd));
  });

  it.each(cases)('gamma(%s, %s) has sample variance within 4 standard errors of sd²', (mean, sd) => {
    expectVarianceWithin4SE(gamma(mean, sd));
  });

  it('gamma(mean, sd) samples are finite and >= 0 for any mean > 0 and sd >= 0', () => {
    expectSamplesInSupport(
      fc.tuple(positive(), positive()),
      ([mean, sd]) => gamma(mean, sd),
      (x) => x >= 0 && Number.isFinite(x),
    );
  });

  it('gamma rejects a mean that is not > 0 or a negative sd with a RangeError naming the parameter', () => {
    expect(() => gamma(-1, 1)).toThrow('gamma: mean must be a finite number > 0, got -1');
    expectRejects(() => gamma(1, Number.NaN), 'sd', 'NaN');
  });
});
