import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { downsampleStep } from '../../../sim/stats/index.js';
import { oracleDownsample, stepAt } from './step-series-oracle.js';

// Step series with ties (gap 0) and repeated values, as an event simulation produces them.
const stepSeries = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 5 }), value: fc.integer({ min: -20, max: 100 }) }), {
    maxLength: 400,
    size: 'max', // the default size stops at ~10 points, below maxPoints
  })
  .map((recs) => {
    const t: number[] = [];
    const v: number[] = [];
    let time = 0;
    for (const r of recs) {
      time += r.gap;
      t.push(time);
      v.push(r.value);
    }
    return { t, v };
  });

function sawtooth(q: number, cycles: number): { t: number[]; v: number[] } {
  // Stock drops by one unit per time unit from q to 1, then a delivery lifts it back to q.
  const t: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < q * cycles; i++) {
    t.push(i);
    v.push(q - (i % q));
  }
  return { t, v };
}

describe('downsampleStep', () => {
  it('downsampleStep returns a series that already fits unchanged', () => {
    expect(downsampleStep([0, 1, 1, 3], [5, 2, 4, 4], 5)).toEqual({ t: [0, 1, 1, 3], v: [5, 2, 4, 4] });
    expect(downsampleStep([], [], 5)).toEqual({ t: [], v: [] });
  });

  it("downsampleStep keeps every bucket's min and max", () => {
    const t = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const v = [5, 9, 1, 6, 7, 0, 8, 3, 2, 9, 4, 5];
    // maxPoints 8 → 2 buckets of width 5.5: [0, 5.5) holds t 0..5, [5.5, 11] holds t 6..11.
    const out = downsampleStep(t, v, 8);
    expect(out).toEqual({ t: [0, 1, 5, 8, 9, 11], v: [5, 9, 0, 2, 9, 5] });
  });

  it('downsampleStep keeps the last point of each bucket so a held level is drawn where it was', () => {
    // 5 is set at t=2 and holds until t=100; dropping it would draw 0 over most of the chart.
    const t = [0, 1, 2, 100, 101, 102, 103, 104, 105, 106, 107, 108];
    const v = [10, 0, 5, 20, 30, 25, 26, 27, 28, 22, 24, 26];
    const out = downsampleStep(t, v, 11); // 3 buckets 36 wide; the middle one is empty
    expect(out).toEqual({ t: [0, 1, 2, 100, 101, 108], v: [10, 0, 5, 20, 30, 26] });
    expect(stepAt(out.t, out.v, 50)).toBe(5);
  });

  it('downsampleStep keeps the min and max of every sawtooth cycle longer than a bucket', () => {
    const { t, v } = sawtooth(50, 200); // 10 000 points, cycles 50 time units long
    const out = downsampleStep(t, v, 2000); // 666 buckets ≈ 15 time units wide
    expect(out.t.length).toBeLessThanOrEqual(2000);
    const points = new Set(out.t.map((x, i) => `${x}:${out.v[i]}`));
    for (let c = 0; c < 200; c++) {
      expect(points.has(`${c * 50}:50`)).toBe(true); // the delivery
      expect(points.has(`${c * 50 + 49}:1`)).toBe(true); // the bottom just before it
    }
  });

  it('downsampleStep output is at most maxPoints long, ordered in time, with the global min and max, first and last points', () => {
    fc.assert(
      fc.property(stepSeries, fc.integer({ min: 5, max: 60 }), ({ t, v }, maxPoints) => {
        const out = downsampleStep(t, v, maxPoints);
        expect(out.t.length).toBe(out.v.length);
        expect(out.t.length).toBeLessThanOrEqual(maxPoints);
        for (let i = 1; i < out.t.length; i++) expect(out.t[i]).toBeGreaterThanOrEqual(out.t[i - 1]);
        if (t.length === 0) return;
        expect(Math.min(...out.v)).toBe(Math.min(...v));
        expect(Math.max(...out.v)).toBe(Math.max(...v));
        expect([out.t[0], out.v[0]]).toEqual([t[0], v[0]]);
        expect([out.t.at(-1), out.v.at(-1)]).toEqual([t.at(-1), v.at(-1)]);
      }),
    );
  });

  it('downsampleStep keeps a subsequence of the input points', () => {
    fc.assert(
      fc.property(stepSeries, fc.integer({ min: 5, max: 60 }), ({ t, v }, maxPoints) => {
        const out = downsampleStep(t, v, maxPoints);
        let j = 0;
        for (let i = 0; i < t.length && j < out.t.length; i++) if (t[i] === out.t[j] && v[i] === out.v[j]) j++;
        expect(j).toBe(out.t.length);
      }),
    );
  });

  it('downsampleStep matches the reference rule: first point, then per bucket min, max and last', () => {
    fc.assert(
      fc.property(stepSeries, fc.integer({ min: 5, max: 60 }), ({ t, v }, maxPoints) => {
        fc.pre(t.length > maxPoints);
        expect(downsampleStep(t, v, maxPoints)).toEqual(oracleDownsample(t, v, t[0], t.at(-1)!, maxPoints));
      }),
    );
  });

  it('downsampleStep handles a series whose points all share one time', () => {
    const out = downsampleStep([3, 3, 3, 3, 3, 3, 3], [4, 1, 9, 2, 7, 5, 6], 5);
    expect(out).toEqual({ t: [3, 3, 3, 3], v: [4, 1, 9, 6] });
  });

  it('downsampleStep throws a RangeError for bad input', () => {
    expect(() => downsampleStep([0, 1], [1], 10)).toThrow(/2 times but 1 values/);
    expect(() => downsampleStep([0, 2, 1], [1, 2, 3], 10)).toThrow(/times\[2\] = 1 is before times\[1\] = 2/);
    expect(() => downsampleStep([0, NaN], [1, 2], 10)).toThrow(RangeError);
    expect(() => downsampleStep([0, 1], [1, NaN], 10)).toThrow(/values\[1\] is NaN/);
    expect(() => downsampleStep([0, 1], [1, 2], 4)).toThrow(/maxPoints must be an integer >= 5, got 4/);
  });
});
