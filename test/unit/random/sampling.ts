// Shared checks for the distribution tests: moments against theory, support, validation messages.
import fc from 'fast-check';
import { expect } from 'vitest';
import { createStream, type Distribution } from '../../../sim/random/index.js';

export const N = 200_000;

export interface SampleMoments {
  mean: number;
  variance: number;
  /** Standard error of the sample variance, sqrt((m4 − s⁴) / n), from the sample's 4th central moment. */
  varianceSE: number;
}

/** Mean, unbiased variance and the variance's standard error of n samples of d from a fixed stream. */
export function sampleMoments(d: Distribution, n = N, seed: number | string = 20240601): SampleMoments {
  const rng = createStream(seed, `moments:${d.name}`);
  const xs = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i] = d.sample(rng);
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const dev2 = (x - mean) ** 2;
    m2 += dev2;
    m4 += dev2 * dev2;
  }
  const variance = m2 / (n - 1);
  return { mean, variance, varianceSE: Math.sqrt(Math.max(0, m4 / n - (m2 / n) ** 2) / n) };
}

// Rounding slack, so a degenerate (zero-variance) case compares equal rather than within 0 SE.
const slack = (scale: number): number => 1e-12 * (1 + Math.abs(scale));

/** The sample mean of d lies within 4 standard errors, sqrt(variance / n), of d.mean. */
export function expectMeanWithin4SE(d: Distribution, n = N): void {
  const { mean } = sampleMoments(d, n);
  expect(Math.abs(mean - d.mean)).toBeLessThanOrEqual(4 * Math.sqrt(d.variance / n) + slack(d.mean));
}

/** The sample variance of d lies within 4 of its standard errors of d.variance. */
export function expectVarianceWithin4SE(d: Distribution, n = N): void {
  const { variance, varianceSE } = sampleMoments(d, n);
  expect(Math.abs(variance - d.variance)).toBeLessThanOrEqual(4 * varianceSE + slack(d.variance));
}

/** For random valid parameters and seeds, every sample lies in d.support and passes `inRange`. */
export function expectSamplesInSupport<P>(params: fc.Arbitrary<P>, make: (p: P) => Distribution, inRange: (x: number, p: P) => boolean): void {
  fc.assert(
    fc.property(params, fc.integer(), (p, seed) => {
      const d = make(p);
      const rng = createStream(seed, 'support');
      const { min, max, integer } = d.support;
      for (let i = 0; i < 50; i++) {
        const x = d.sample(rng);
        if (!(x >= min && x <= max && (!integer || Number.isInteger(x)) && inRange(x, p))) return false;
      }
      return true;
    }),
  );
}

/** Positive doubles on a log scale from 1e-3 to 1e6: the magnitudes a time or quantity takes. */
export const positive = (): fc.Arbitrary<number> => fc.double({ min: -3, max: 6, noNaN: true }).map((e) => 10 ** e);

/** The first k samples of d from stream (7, 'golden'). */
export function golden(d: Distribution, k = 3): number[] {
  const rng = createStream(7, 'golden');
  return Array.from({ length: k }, () => d.sample(rng));
}

/** make() throws a RangeError whose message says `param must …, got value`. */
export function expectRejects(make: () => unknown, param: string, value: string): void {
  expect(make).toThrow(RangeError);
  const message = (() => {
    try {
      make();
    } catch (error) {
      return (error as Error).message;
    }
  })();
  expect(message).toContain(`: ${param} must `);
  expect(message?.endsWith(`, got ${value}`)).toBe(true);
}

/** Every element of actual is within 1e-12 (relative) of expected: golden values made with Math.log/exp/cos. */
export function expectCloseAll(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[i]))));
}

/**
 * Pearson's chi-square of n samples of integer-valued d against pmf, with neighbouring values merged
 * until each bin expects >= 5; passes when the statistic is below the 99.99% quantile.
 */
export function expectChiSquareFit(d: Distribution, pmf: (k: number) => number, n = N): void {
  const rng = createStream(20240601, `chi-square:${d.name}`);
  const observed = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = d.sample(rng);
    observed.set(k, (observed.get(k) ?? 0) + 1);
  }
  const bins: { o: number; e: number }[] = [];
  let bin = { o: 0, e: 0 };
  let seen = 0;
  let expectedSoFar = 0;
  for (let k = 0; expectedSoFar < n * (1 - 1e-9) || k <= d.mean; k++) {
    const e = n * pmf(k);
    bin.o += observed.get(k) ?? 0;
    bin.e += e;
    seen += observed.get(k) ?? 0;
    expectedSoFar += e;
    if (bin.e >= 5) {
      bins.push(bin);
      bin = { o: 0, e: 0 };
    }
  }
  // Whatever is left (the far right tail, observed or not) joins the last bin.
  const last = bins[bins.length - 1];
  last.o += bin.o + (n - seen);
  last.e += bin.e + (n - expectedSoFar);
  const statistic = bins.reduce((s, { o, e }) => s + (o - e) ** 2 / e, 0);
  const df = bins.length - 1;
  // Wilson–Hilferty approximation of the chi-square quantile; z = 3.719 is the normal's 99.99% point.
  const q = 2 / (9 * df);
  expect(statistic).toBeLessThan(df * (1 - q + 3.719 * Math.sqrt(q)) ** 3);
}
