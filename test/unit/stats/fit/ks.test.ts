import { describe, expect, it } from 'vitest';
import * as random from '../../../../sim/random/index.js';
import { EXACT_KS_MAX, kolmogorovTail, ksStatistic, ksTest } from '../../../../sim/stats/fit/ks.js';

const exponentialCdf = (mean: number) => (x: number) => (x <= 0 ? 0 : -Math.expm1(-x / mean));

function sortedDraws(n: number): number[] {
  const rng = random.createStream(5, 'ks');
  const d = random.exponential(2);
  return Array.from({ length: n }, () => d.sample(rng)).sort((a, b) => a - b);
}

describe('ksTest(sorted, cdf)', () => {
  it('computes D = sup |F_n − F| by hand on three values', () => {
    // F(x) = x on [0, 1]: the gaps are 1/3 − 0.1, 2/3 − 0.5 and 1 − 0.6 above, 0.1, 0.5 − 1/3 and 0.6 − 2/3 below; the largest is 0.4.
    expect(ksStatistic([0.1, 0.5, 0.6], (x) => x)).toBeCloseTo(0.4, 12);
    expect(ksTest([0.1, 0.5, 0.6], (x) => x).statistic).toBeCloseTo(0.4, 12);
  });

  it('gives the same D from stdlib (exact p-value) and from its own loop (asymptotic) on one sample', () => {
    const xs = sortedDraws(EXACT_KS_MAX);
    const exact = ksTest(xs, exponentialCdf(2.1));
    expect(exact.statistic).toBeCloseTo(ksStatistic(xs, exponentialCdf(2.1)), 12);
    // Just above the exact range the limiting distribution takes over; at this size the two agree to about 0.01.
    const asymptotic = kolmogorovTail((Math.sqrt(xs.length) + 0.12 + 0.11 / Math.sqrt(xs.length)) * exact.statistic);
    expect(Math.abs(asymptotic - exact.pValue)).toBeLessThan(0.01);
  });

  it('uses the limiting distribution above the exact range', () => {
    const xs = sortedDraws(EXACT_KS_MAX + 1);
    const result = ksTest(xs, exponentialCdf(2));
    expect(result.pValue).toBeGreaterThan(0.05);
    expect(ksTest(xs, exponentialCdf(3)).pValue).toBeLessThan(1e-6);
  });
});

describe('kolmogorovTail(λ)', () => {
  it('has the textbook critical values: 5% at 1.358, 1% at 1.628', () => {
    expect(kolmogorovTail(1.358)).toBeCloseTo(0.05, 3);
    expect(kolmogorovTail(1.628)).toBeCloseTo(0.01, 3);
  });

  it('is 1 near 0 and falls to 0', () => {
    expect(kolmogorovTail(0.01)).toBe(1); // the series has not settled in 100 terms
    expect(kolmogorovTail(0.05)).toBeCloseTo(1, 9);
    expect(kolmogorovTail(0.5)).toBeCloseTo(0.9639, 4);
    expect(kolmogorovTail(3)).toBeLessThan(1e-7);
  });
});
