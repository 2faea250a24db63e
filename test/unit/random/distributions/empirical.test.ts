import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { empirical } from '../../../../sim/random/index.js';
import { expectMeanWithin4SE, expectRejects, expectSamplesInSupport, expectVarianceWithin4SE, golden } from '../sampling.js';

const data = [4, 8, 15, 16, 23, 42];

describe('empirical', () => {
  it('empirical([4, 8, 15, 16, 23, 42]) draws the pinned golden values from stream (7, "golden")', () => {
    expect(golden(empirical(data))).toEqual([8, 4, 15]);
  });

  it('empirical(values) has the mean and the population variance (divisor n) of values', () => {
    const d = empirical([1, 2, 3, 4]);
    expect([d.mean, d.variance]).toEqual([2.5, 1.25]);
  });

  it('empirical(values) keeps its own copy of values', () => {
    const xs = [1, 1, 1];
    const d = empirical(xs);
    xs[0] = 99;
    expect(golden(d, 10).every((x) => x === 1)).toBe(true);
  });

  it('empirical(values) has sample mean and variance within 4 standard errors of theirs', () => {
    expectMeanWithin4SE(empirical(data));
    expectVarianceWithin4SE(empirical(data));
  });

  it('empirical(values) accepts a long list (no spread of values into a call)', () => {
    const long = Array.from({ length: 300_000 }, (_, i) => i % 7);
    expect(empirical(long).support).toEqual({ min: 0, max: 6, integer: true });
  });

  it('empirical(values) returns one of values', () => {
    const params = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 });
    expectSamplesInSupport(params, empirical, (x, xs) => xs.includes(x));
  });

  it('empirical rejects an empty list or a negative value with a RangeError naming values', () => {
    expect(() => empirical([])).toThrow('empirical: values must be a non-empty array of numbers, got []');
    expectRejects(() => empirical([1, -2]), 'values[1]', '-2');
  });
});
