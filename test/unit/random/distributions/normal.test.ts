import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream, normal } from '../../../../sim/random/index.js';
import { expectCloseAll, expectMeanWithin4SE, expectRejects, expectSamplesInSupport, expectVarianceWithin4SE, golden } from '../sampling.js';

// Moments of max(0, X), X ~ N(μ, σ²), from Python's math.erfc (double precision).
const censored: [number, number, number, number][] = [
  [1, 2, 1.3955931148026122, 2.2137628178142075],
  [0, 1, 0.3989422804014327, 0.3408450569081046],
  [-1, 1, 0.08331547058768629, 0.06839831570452316],
  [5, 1, 5.000000053461655, 0.9999994460401531],
  [3, 4, 3.524667671488613, 10.524683181998983],
];

describe('normal', () => {
  it('normal(1, 2) draws the pinned golden values from stream (7, "golden")', () => {
    expectCloseAll(golden(normal(1, 2)), [1.7586370993941838, 0.986662866409637, 0]);
  });

  it.each(censored)('normal(%s, %s) reports the mean and variance of max(0, X)', (mu, sd, mean, variance) => {
    const d = normal(mu, sd);
    expect(Math.abs(d.mean - mean) / mean).toBeLessThan(2e-7);
    expect(Math.abs(d.variance - variance) / variance).toBeLessThan(1e-6);
  });

  it('normal(mean, sd) matches the uncensored moments when mean is far above 0', () => {
    expect(normal(1e9, 1)).toMatchObject({ mean: 1e9, variance: 1 });
  });

  it('normal(mean, 0) always returns max(0, mean), with variance 0', () => {
    expect(normal(4, 0)).toMatchObject({ mean: 4, variance: 0 });
    expect(normal(-4, 0)).toMatchObject({ mean: 0, variance: 0 });
    expect(golden(normal(4, 0))).toEqual([4, 4, 4]);
  });

  it('normal(1, 2) censors negative draws to 0, about Φ(-0.5) ≈ 30.85% of samples', () => {
    const d = normal(1, 2);
    const rng = createStream(3, 'censoring');
    let zeros = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) if (d.sample(rng) === 0) zeros++;
    const p = 0.3085375387259869;
    expect(Math.abs(zeros / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it.each([
    [1, 2],
    [0, 1],
    [10, 2],
    [100, 15],
  ])('normal(%s, %s) has sample mean within 4 standard errors of the censored mean', (mean, sd) => {
    expectMeanWithin4SE(normal(mean, sd));
  });

  it.each([
    [1, 2],
    [0, 1],
    [10, 2],
    [100, 15],
  ])('normal(%s, %s) has sample variance within 4 standard errors of the censored variance', (mean, sd) => {
    expectVarianceWithin4SE(normal(mean, sd));
  });

  it('normal(mean, sd) samples are >= 0 for any finite mean and sd >= 0', () => {
    const params = fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }));
    expectSamplesInSupport(
      params,
      ([mean, sd]) => normal(mean, sd),
      (x) => x >= 0 && Number.isFinite(x),
    );
  });

  it('normal rejects a negative sd or a non-finite mean with a RangeError naming the parameter', () => {
    expect(() => normal(1, -1)).toThrow('normal: sd must be a finite number >= 0, got -1');
    expectRejects(() => normal(Number.NaN, 1), 'mean', 'NaN');
    expectRejects(() => normal(1, Infinity), 'sd', 'Infinity');
  });
});
