import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uniform } from '../../../../sim/random/index.js';
import { expectCloseAll, expectMeanWithin4SE, expectRejects, expectSamplesInSupport, expectVarianceWithin4SE, golden } from '../sampling.js';

describe('uniform', () => {
  it('uniform(3, 7) draws the pinned golden values from stream (7, "golden")', () => {
    expectCloseAll(golden(uniform(3, 7)), [3.9169732462614775, 3.6476565562188625, 4.779933536425233]);
  });

  it('uniform(min, max) has mean (min + max) / 2 and variance (max − min)² / 12', () => {
    expect(uniform(3, 7)).toMatchObject({ name: 'uniform', mean: 5, variance: 16 / 12, support: { min: 3, max: 7 } });
  });

  it('uniform(min, min) always returns min', () => {
    expect(golden(uniform(2, 2))).toEqual([2, 2, 2]);
  });

  it.each([
    [3, 7],
    [0, 1],
  ])('uniform(%s, %s) has sample mean within 4 standard errors of mean', (min, max) => {
    expectMeanWithin4SE(uniform(min, max));
  });

  it.each([
    [3, 7],
    [0, 1],
  ])('uniform(%s, %s) has sample variance within 4 standard errors of (max − min)² / 12', (min, max) => {
    expectVarianceWithin4SE(uniform(min, max));
  });

  it('uniform(min, max) samples lie within [min, max]', () => {
    const params = fc
      .tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
    expectSamplesInSupport(
      params,
      ([min, max]) => uniform(min, max),
      (x, [min, max]) => x >= min && x <= max,
    );
  });

  it('uniform rejects max < min or a negative min with a RangeError naming the parameter', () => {
    expect(() => uniform(5, 3)).toThrow('uniform: max must be a finite number >= min (5), got 3');
    expectRejects(() => uniform(-1, 3), 'min', '-1');
    expectRejects(() => uniform(1, Infinity), 'max', 'Infinity');
  });
});
