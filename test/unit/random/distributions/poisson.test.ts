import { describe, expect, it } from 'vitest';
import { poisson } from '../../../../sim/random/index.js';
import { expectChiSquareFit, expectMeanWithin4SE, expectRejects, expectSamplesInSupport, expectVarianceWithin4SE, golden, positive } from '../sampling.js';

// Knuth below 10, PTRS from 10 up: both sides of the switch, and a large mean.
const means = [3, 9.9, 10, 200];

// ln k! summed exactly, independent of the sampler's Stirling series.
function pmf(mean: number): (k: number) => number {
  return (k) => {
    let logFactorial = 0;
    for (let i = 2; i <= k; i++) logFactorial += Math.log(i);
    return Math.exp(-mean + k * Math.log(mean) - logFactorial);
  };
}

describe('poisson', () => {
  it('poisson(3) and poisson(200) draw the pinned golden values from stream (7, "golden")', () => {
    expect(golden(poisson(3))).toEqual([1, 4, 3]);
    expect(golden(poisson(200))).toEqual([188, 198, 226]);
  });

  it('poisson(mean) has mean and variance both equal to mean', () => {
    expect(poisson(200)).toMatchObject({ name: 'poisson', mean: 200, variance: 200, support: { integer: true } });
  });

  it.each(means)('poisson(%s) has sample mean within 4 standard errors of mean', (mean) => {
    expectMeanWithin4SE(poisson(mean));
  });

  it.each(means)('poisson(%s) has sample variance within 4 standard errors of mean', (mean) => {
    expectVarianceWithin4SE(poisson(mean));
  });

  it.each(means)('poisson(%s) matches the exact Poisson pmf in a chi-square test', (mean) => {
    expectChiSquareFit(poisson(mean), pmf(mean));
  });

  it('poisson(mean) samples are non-negative integers for any mean > 0', () => {
    expectSamplesInSupport(positive(), poisson, (x) => Number.isInteger(x) && x >= 0);
  });

  it('poisson rejects a mean that is not > 0 with a RangeError naming mean', () => {
    expect(() => poisson(0)).toThrow('poisson: mean must be a finite number > 0, got 0');
    expectRejects(() => poisson(-3), 'mean', '-3');
  });
});
