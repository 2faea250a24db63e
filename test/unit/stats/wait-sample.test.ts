import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaitSample } from '../../../sim/stats/index.js';

function sampleOf(values: number[]): WaitSample {
  const sample = new WaitSample();
  for (const v of values) sample.add(v);
  return sample;
}

describe('WaitSample', () => {
  it('gives the smallest value with at least a share p of the observations at or below it', () => {
    const sample = sampleOf([5, 1, 3, 2, 4, 10, 9, 8, 7, 6]);
    expect(sample.quantiles([0.1, 0.5, 0.9, 0.95, 1])).toEqual([1, 5, 9, 10, 10]);
  });

  it('counts zeros without keeping them: 90% of orders filled at once put the 90th percentile at 0', () => {
    const sample = sampleOf([...Array<number>(90).fill(0), ...Array.from({ length: 10 }, (_, i) => i + 1)]);
    expect(sample.count).toBe(100);
    expect(sample.quantiles([0.9, 0.91, 0.95])).toEqual([0, 1, 5]);
  });

  it('includes extra observations (waits still running at the end of a window)', () => {
    const sample = sampleOf([0, 0, 0, 1]);
    expect(sample.quantiles([0.95])).toEqual([1]);
    expect(sample.quantiles([0.95], [20, 0])).toEqual([20]);
    expect(sample.quantiles([0.5], [20, 0])).toEqual([0]);
  });

  it('is 0 with nothing to measure, and forgets everything on reset', () => {
    expect(new WaitSample().quantiles([0.9])).toEqual([0]);
    const sample = sampleOf([3, 4, 5]);
    sample.reset();
    sample.add(1);
    expect(sample.count).toBe(1);
    expect(sample.quantiles([0.9])).toEqual([1]);
  });

  it('keeps growing past its initial capacity', () => {
    const sample = sampleOf(Array.from({ length: 1000 }, (_, i) => 1000 - i));
    expect(sample.quantiles([0.001, 0.9, 1])).toEqual([1, 900, 1000]);
  });

  it('finds the same quantiles as sorting every observation, with ties, zeros and sorted runs', () => {
    const value = fc.oneof(fc.constantFrom(0, 1, 2.5), fc.double({ min: 0, max: 100, noNaN: true }));
    const values = fc.oneof(
      fc.array(value, { maxLength: 300 }),
      fc.array(value, { maxLength: 300 }).map((xs) => xs.sort((a, b) => a - b)),
      fc.array(value, { maxLength: 300 }).map((xs) => xs.sort((a, b) => b - a)),
    );
    const ps = fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(values, fc.array(value, { maxLength: 40 }), ps, (observed, extra, wanted) => {
        const all = [...observed, ...extra].sort((a, b) => a - b);
        const expected = wanted.map((p) => (all.length === 0 ? 0 : all[Math.max(1, Math.ceil(p * all.length - 1e-9)) - 1]));
        const sample = sampleOf(observed);
        expect(sample.quantiles(wanted, extra)).toEqual(expected);
        // It reorders what it keeps, which must not change a second answer.
        expect(sample.quantiles(wanted, extra)).toEqual(expected);
      }),
    );
  });

  it('finds the same quantiles as sorting in samples of many waits, however they were ordered', () => {
    const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
    const quantile = (values: number[], p: number): number => sorted(values)[Math.max(1, Math.ceil(p * values.length - 1e-9)) - 1];
    let seed = 1;
    const uniform = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const random = Array.from({ length: 60_000 }, () => -5 * Math.log(1 - uniform()));
    const ties = Array.from({ length: 60_000 }, () => Math.floor(uniform() * 7) + 1);
    // Every fourth value — the ones an evenly strided sample would read — tiny: the bracket misses, and the whole sample is searched.
    const misleading = Array.from({ length: 20_000 }, (_, i) => (i % 4 === 0 ? 1e-3 : 10 + i));
    for (const values of [random, sorted(random), sorted(random).reverse(), ties, misleading]) {
      const extra = [0, 3, 1e6];
      const sample = sampleOf(values);
      const ps = [0.001, 0.5, 0.9, 0.95, 1];
      expect(sample.quantiles(ps, extra)).toEqual(ps.map((p) => quantile([...values, ...extra], p)));
    }
  });

  it('gives its memory to the next sample on release, which then knows only its own observations', () => {
    const first = sampleOf(Array.from({ length: 100_000 }, (_, i) => 1e6 + i));
    first.release();
    expect(first.count).toBe(0);
    expect(first.quantiles([0.5])).toEqual([0]);
    const values = Array.from({ length: 70_000 }, (_, i) => ((i * 7919) % 70_000) + 1);
    expect(sampleOf(values).quantiles([0.5, 0.9, 1])).toEqual([35_000, 63_000, 70_000]);
  });
});
