import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { halfWidth95, pairedDifference, summarize, tQuantile } from '../../../sim/stats/index.js';

describe('confidence intervals', () => {
  it('tQuantile gives the textbook t values', () => {
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706205, 6);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.04523, 6);
    expect(tQuantile(0.5, 4)).toBe(0);
  });

  it('tQuantile rejects p outside [0, 1] and df <= 0', () => {
    expect(() => tQuantile(1.5, 3)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 0)).toThrow(/degrees of freedom.*0/);
    expect(() => tQuantile(0.975, NaN)).toThrow(RangeError);
  });

  it('summarize gives the textbook t interval for n=10', () => {
    const xs = [12.1, 9.8, 11.4, 10.2, 13.0, 8.7, 10.9, 11.8, 9.5, 12.6];
    const s = summarize(xs);
    const m = mean(xs);
    const sd = sampleStandardDeviation(xs);
    const half = (2.262157 * sd) / Math.sqrt(10);
    expect(s.n).toBe(10);
    expect(s.mean).toBeCloseTo(m, 12);
    expect(s.sd).toBeCloseTo(sd, 12);
    expect(s.ci95[0]).toBeCloseTo(m - half, 5);
    expect(s.ci95[1]).toBeCloseTo(m + half, 5);
  });

  it('summarize of one replication has sd 0 and no interval around the mean', () => {
    expect(summarize([7.5])).toEqual({ mean: 7.5, sd: 0, ci95: [7.5, 7.5], n: 1 });
  });

  it('summarize throws a RangeError for no values and for non-finite values', () => {
    expect(() => summarize([])).toThrow(RangeError);
    expect(() => summarize([1, NaN, 3])).toThrow(/values\[1\] is NaN/);
    expect(() => summarize([1, Infinity])).toThrow(RangeError);
  });

  it('summarize of equal values has exactly that mean and sd 0', () => {
    fc.assert(
      // `+ 0` turns −0 into 0: summing gives 0 there, which is the same number for a report.
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }).map((x) => x + 0),
        fc.integer({ min: 1, max: 50 }),
        (x, n) => {
          const s = summarize(new Array<number>(n).fill(x));
          expect(s.mean).toBe(x);
          expect(s.sd).toBe(0);
          expect(s.ci95).toEqual([x, x]);
        },
      ),
    );
  });

  it('summarize result survives a JSON round trip unchanged', () => {
    const s = summarize(Float64Array.of(1, 2, 4, 8));
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('halfWidth95 is t(0.975, n−1)·sd/√n and 0 for one value', () => {
    expect(halfWidth95(3, 10)).toBeCloseTo((2.262157 * 3) / Math.sqrt(10), 6);
    expect(halfWidth95(3, 1)).toBe(0);
    expect(() => halfWidth95(3, 0)).toThrow(RangeError);
    expect(() => halfWidth95(3, 2.5)).toThrow(RangeError);
  });

  it('pairedDifference summarizes the element-wise differences a[i] − b[i]', () => {
    const d = pairedDifference([5, 7, 9], [1, 2, 3]);
    const s = summarize([4, 5, 6]);
    expect(d).toEqual({ meanDiff: s.mean, sd: s.sd, ci95: s.ci95, n: 3 });
  });

  it('pairedDifference interval is tighter than separate intervals when the samples are correlated', () => {
    // Common random numbers: replication k of both strategies sees the same demand (base[k]).
    const base = [120, 80, 150, 95, 130, 70, 110, 160, 90, 140];
    const a = base.map((x, k) => x + 2 + 0.3 * Math.sin(k));
    const b = base.map((x, k) => x + 0.3 * Math.cos(k));
    const sa = summarize(a);
    const sb = summarize(b);
    const d = pairedDifference(a, b);
    expect(sa.ci95[0]).toBeLessThan(sb.ci95[1]); // separately, the intervals overlap
    expect(d.ci95[0]).toBeGreaterThan(0); // paired, a is clearly larger
    expect(d.ci95[1] - d.ci95[0]).toBeLessThan((sa.ci95[1] - sa.ci95[0]) / 10);
    expect(d.meanDiff).toBeCloseTo(sa.mean - sb.mean, 10);
  });

  it('pairedDifference throws a RangeError for arrays of different lengths', () => {
    expect(() => pairedDifference([1, 2, 3], [1, 2])).toThrow(/3 values.*2/);
    expect(() => pairedDifference([], [])).toThrow(RangeError);
  });
});
