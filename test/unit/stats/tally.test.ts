import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { max, mean, min, sampleStandardDeviation, sampleVariance, sum } from 'simple-statistics';
import { Tally } from '../../../sim/stats/index.js';

function tallyOf(xs: number[]): Tally {
  const t = new Tally();
  for (const x of xs) t.add(x);
  return t;
}

describe('Tally', () => {
  it('Tally matches simple-statistics mean and sampleVariance', () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const t = tallyOf(xs);
    expect(t.count).toBe(xs.length);
    expect(t.mean).toBeCloseTo(mean(xs), 12);
    expect(t.variance).toBeCloseTo(sampleVariance(xs), 12);
    expect(t.sd).toBeCloseTo(sampleStandardDeviation(xs), 12);
    expect(t.min).toBe(1);
    expect(t.max).toBe(9);
    expect(t.sum).toBe(44);
  });

  it('Tally agrees with simple-statistics on random arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }), (xs) => {
        const t = tallyOf(xs);
        const scale = 1 + Math.max(...xs.map(Math.abs));
        expect(Math.abs(t.mean - mean(xs))).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(t.variance - sampleVariance(xs))).toBeLessThanOrEqual(1e-9 * scale * scale);
        expect(Math.abs(t.sum - sum(xs))).toBeLessThanOrEqual(1e-9 * scale * xs.length);
        expect(t.min).toBe(min(xs));
        expect(t.max).toBe(max(xs));
      }),
    );
  });

  it('Tally stays accurate for large values with a small spread', () => {
    const t = tallyOf([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(t.mean).toBe(1e9 + 10);
    expect(t.variance).toBe(30);
  });

  it('Tally of one observation has variance 0 and that observation as mean, min and max', () => {
    const t = tallyOf([42]);
    expect([t.count, t.mean, t.variance, t.sd, t.min, t.max, t.sum]).toEqual([1, 42, 0, 0, 42, 42, 42]);
  });

  it('an empty Tally has count, mean, variance and sum 0 and NaN min and max', () => {
    const t = new Tally();
    expect([t.count, t.mean, t.variance, t.sd, t.sum]).toEqual([0, 0, 0, 0, 0]);
    expect(t.min).toBeNaN();
    expect(t.max).toBeNaN();
  });

  it('Tally.reset forgets every observation', () => {
    const t = tallyOf([100, 200, -5]);
    t.reset();
    t.add(2);
    t.add(4);
    expect([t.count, t.mean, t.variance, t.min, t.max, t.sum]).toEqual([2, 3, 2, 2, 4, 6]);
  });
});
