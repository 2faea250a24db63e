import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream, discrete } from '../../../../sim/random/index.js';
import { expectChiSquareFit, expectMeanWithin4SE, expectRejects, expectSamplesInSupport, expectVarianceWithin4SE, golden } from '../sampling.js';

const values = [1, 5, 10];
const weights = [0.2, 0.5, 0.3];

describe('discrete', () => {
  it('discrete([1, 5, 10], [0.2, 0.5, 0.3]) draws the pinned golden values from stream (7, "golden")', () => {
    expect(golden(discrete(values, weights))).toEqual([5, 1, 5]);
  });

  it('discrete(values, weights) has the weighted mean and variance of values', () => {
    const d = discrete(values, weights);
    expect(d.mean).toBeCloseTo(5.7, 12);
    expect(d.variance).toBeCloseTo(0.2 * 4.7 ** 2 + 0.5 * 0.7 ** 2 + 0.3 * 4.3 ** 2, 12);
  });

  it('discrete(values, weights) normalises weights that do not sum to 1', () => {
    expect(discrete([0, 1], [3, 1]).mean).toBe(0.25);
  });

  it('discrete(values, weights) never returns a value whose weight is 0', () => {
    const d = discrete([7, 8, 9, 10], [0, 1, 0, 1]);
    const rng = createStream(1, 'zero-weight');
    const seen = new Set(Array.from({ length: 10_000 }, () => d.sample(rng)));
    expect([...seen].sort()).toEqual([10, 8]);
    expect(d.support).toEqual({ min: 8, max: 10, integer: true });
  });

  it('discrete(values, weights) has sample mean within 4 standard errors of mean', () => {
    expectMeanWithin4SE(discrete(values, weights));
    expectMeanWithin4SE(discrete([0, 2.5, 3, 100], [10, 1, 0, 0.5]));
  });

  it('discrete(values, weights) has sample variance within 4 standard errors of variance', () => {
    expectVarianceWithin4SE(discrete(values, weights));
    expectVarianceWithin4SE(discrete([0, 2.5, 3, 100], [10, 1, 0, 0.5]));
  });

  it('discrete(values, weights) picks each value in proportion to its weight (chi-square)', () => {
    const w = [1, 2, 3, 4, 0, 10];
    expectChiSquareFit(discrete([0, 1, 2, 3, 4, 5], w), (k) => (w[k] ?? 0) / 20);
  });

  it('discrete(values, weights) returns one of values', () => {
    const entry = fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    const params = fc.array(entry, { minLength: 1, maxLength: 20 }).filter((es) => es.some(([, w]) => w > 0));
    expectSamplesInSupport(
      params,
      (es) =>
        discrete(
          es.map(([v]) => v),
          es.map(([, w]) => w),
        ),
      (x, es) => es.some(([v, w]) => v === x && w > 0),
    );
  });

  it('discrete rejects bad values or weights with a RangeError naming the parameter', () => {
    expect(() => discrete([1, 2], [0, 0])).toThrow('discrete: weights must be non-negative with at least one > 0, got [0, 0]');
    expect(() => discrete([1, 2], [1])).toThrow('discrete: weights must be an array as long as values (2), got [1]');
    expectRejects(() => discrete([1, 2], [1, -1]), 'weights[1]', '-1');
    expectRejects(() => discrete([1, Number.NaN], [1, 1]), 'values[1]', 'NaN');
    expectRejects(() => discrete([], []), 'values', '[]');
  });
});
