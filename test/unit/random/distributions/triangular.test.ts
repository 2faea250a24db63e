import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { triangular } from '../../../../sim/random/index.js';
import { expectCloseAll, expectMeanWithin4SE, expectRejects, expectSamplesInSupport, expectVarianceWithin4SE, golden } from '../sampling.js';

// Mode inside, at min and at max.
const cases = [
  [1, 2, 5],
  [0, 0, 1],
  [10, 20, 20],
];

describe('triangular', () => {
  it('triangular(1, 2, 5) draws the pinned golden values from stream (7, "golden")', () => {
    expectCloseAll(golden(triangular(1, 2, 5)), [1.9575872003433825, 1.8047711203931605, 2.4192637890082023]);
  });

  it('triangular(min, mode, max) has mean (min + mode + max) / 3 and the textbook variance', () => {
    const d = triangular(1, 2, 5);
    expect(d.mean).toBeCloseTo(8 / 3, 14);
    expect(d.variance).toBeCloseTo((1 + 4 + 25 - 2 - 5 - 10) / 18, 14);
  });

  it.each(cases)('triangular(%s, %s, %s) has sample mean within 4 standard errors of mean', (min, mode, max) => {
    expectMeanWithin4SE(triangular(min, mode, max));
  });

  it.each(cases)('triangular(%s, %s, %s) has sample variance within 4 standard errors of variance', (min, mode, max) => {
    expectVarianceWithin4SE(triangular(min, mode, max));
  });

  it('triangular(min, mode, max) samples lie within [min, max]', () => {
    const point = fc.double({ min: 0, max: 1e6, noNaN: true });
    const params = fc
      .tuple(point, point, point)
      .map((xs) => xs.sort((a, b) => a - b))
      .filter(([min, , max]) => min < max);
    expectSamplesInSupport(
      params,
      ([min, mode, max]) => triangular(min, mode, max),
      (x, [min, , max]) => x >= min && x <= max,
    );
  });

  it('triangular rejects a mode outside [min, max] or min = max with a RangeError naming the parameter', () => {
    expect(() => triangular(1, 6, 5)).toThrow('triangular: mode must be a finite number between min (1) and max (5), got 6');
    expectRejects(() => triangular(2, 2, 2), 'max', '2');
    expectRejects(() => triangular(-1, 0, 1), 'min', '-1');
  });
});
