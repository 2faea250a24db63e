import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { downsampleStep, StepSeriesRecorder } from '../../../sim/stats/index.js';
import { oracleDownsample } from './step-series-oracle.js';

function recordAll(r: StepSeriesRecorder, t: number[], v: number[]): StepSeriesRecorder {
  for (let i = 0; i < t.length; i++) r.record(t[i], v[i]);
  return r;
}

// Records with ties and repeated values, on a time line that may start before the window.
const records = fc
  .record({
    origin: fc.integer({ min: -50, max: 50 }),
    steps: fc.array(fc.record({ gap: fc.double({ min: 0, max: 3, noNaN: true }), value: fc.integer({ min: -9, max: 60 }) }), {
      maxLength: 300,
      size: 'max',
    }),
  })
  .map(({ origin, steps }) => {
    const t: number[] = [];
    const v: number[] = [];
    let time = origin;
    for (const s of steps) {
      time += s.gap < 0.5 ? 0 : s.gap; // plenty of same-instant records
      t.push(time);
      v.push(s.value);
    }
    return { t, v };
  });

describe('StepSeriesRecorder', () => {
  it('StepSeriesRecorder cuts [start, end] into floor((maxPoints − 2) / 3) buckets', () => {
    const r = new StepSeriesRecorder(10, 110, 2000);
    expect(r.bucketCount).toBe(666);
    expect(r.bucketWidth).toBeCloseTo(100 / 666, 12);
  });

  it('StepSeriesRecorder.finish equals downsampleStep on the same data', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 5, max: 40 }), ({ t, v }, maxPoints) => {
        fc.pre(t.length > maxPoints);
        const r = recordAll(new StepSeriesRecorder(t[0], t.at(-1)!, maxPoints), t, v);
        expect(r.finish()).toEqual(downsampleStep(t, v, maxPoints));
      }),
    );
  });

  it('StepSeriesRecorder matches the reference rule with records outside the window and a closing time', () => {
    fc.assert(
      fc.property(
        records,
        fc.integer({ min: -20, max: 200 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 5, max: 40 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        ({ t, v }, start, length, maxPoints, after) => {
          const r = recordAll(new StepSeriesRecorder(start, start + length, maxPoints), t, v);
          const close = Math.max(start, t.at(-1) ?? start) + after;
          expect(r.finish(close)).toEqual(oracleDownsample(t, v, start, start + length, maxPoints, close));
          expect(r.finish()).toEqual(oracleDownsample(t, v, start, start + length, maxPoints));
        },
      ),
    );
  });

  it('StepSeriesRecorder output is at most maxPoints long, ordered in time, with the min and max of the window', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 5, max: 40 }), ({ t, v }, length, maxPoints) => {
        const start = t.length > 0 ? t[Math.floor(t.length / 3)] : 0; // a third of the records come before
        const r = recordAll(new StepSeriesRecorder(start, start + length, maxPoints), t, v);
        const out = r.finish((t.at(-1) ?? start) + 1);
        expect(out.t.length).toBeLessThanOrEqual(maxPoints);
        for (let i = 1; i < out.t.length; i++) expect(out.t[i]).toBeGreaterThanOrEqual(out.t[i - 1]);
        // In the window: every record at or after start, and the level in force at start.
        const first = t.findIndex((x) => x >= start);
        const inWindow = v.slice(Math.max(0, first - 1));
        if (t.length === 0) return;
        expect(out.t[0]).toBeGreaterThanOrEqual(start);
        expect(Math.min(...out.v)).toBe(Math.min(...inWindow));
        expect(Math.max(...out.v)).toBe(Math.max(...inWindow));
      }),
    );
  });

  it('StepSeriesRecorder folds records before start into the level at start', () => {
    const r = new StepSeriesRecorder(30, 100, 20);
    r.record(0, 500); // warm-up extremes must not show
    r.record(10, -40);
    r.record(25, 12);
    expect(r.finish()).toEqual({ t: [30], v: [12] });
    r.record(40, 8);
    expect(r.finish(100)).toEqual({ t: [30, 40, 100], v: [12, 8, 8] });
  });

  it('StepSeriesRecorder.finish appends a closing point only when time runs past the last record', () => {
    const r = new StepSeriesRecorder(0, 10, 5);
    r.record(2, 7);
    r.record(4, 3);
    expect(r.finish(10)).toEqual({ t: [2, 4, 10], v: [7, 3, 3] });
    expect(r.finish(4)).toEqual({ t: [2, 4], v: [7, 3] });
    expect(r.finish()).toEqual({ t: [2, 4], v: [7, 3] });
    expect(new StepSeriesRecorder(0, 10, 5).finish(10)).toEqual({ t: [], v: [] });
  });

  it('StepSeriesRecorder.finish leaves the recorder recording', () => {
    const r = new StepSeriesRecorder(0, 100, 11);
    for (let i = 0; i < 50; i++) r.record(i, i % 7);
    const early = r.finish(50);
    expect(early.t.at(-1)).toBe(50);
    for (let i = 50; i <= 100; i++) r.record(i, i % 7);
    const t = Array.from({ length: 101 }, (_, i) => i);
    expect(r.finish()).toEqual(
      downsampleStep(
        t,
        t.map((i) => i % 7),
        11,
      ),
    );
  });

  it('StepSeriesRecorder keeps the min and max of every sawtooth cycle longer than a bucket', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.double({ min: 1, max: 2, noNaN: true }), { minLength: 1000, maxLength: 1000 }),
        (q, cycles, gaps) => {
          // Stock drops one unit per demand at random times from q to 0, then q arrives at once.
          const t: number[] = [];
          const v: number[] = [];
          let time = 0;
          for (let c = 0; c < cycles; c++) {
            for (let level = q; level >= 0; level--) {
              t.push(time);
              v.push(level);
              time += gaps[t.length % gaps.length];
            }
          }
          // A cycle spans >= q + 1 time units; 2·cycles + 2 buckets are each narrower than that.
          const maxPoints = 3 * (2 * cycles + 2) + 2;
          const out = recordAll(new StepSeriesRecorder(0, t.at(-1)!, maxPoints), t, v).finish();
          expect(out.t.length).toBeLessThanOrEqual(maxPoints);
          const kept = new Set(out.t.map((x, i) => `${x}:${out.v[i]}`));
          for (let i = 0; i < t.length; i++) {
            if (v[i] === q || v[i] === 0) expect(kept.has(`${t[i]}:${v[i]}`)).toBe(true);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('StepSeriesRecorder keeps a million records within maxPoints', () => {
    const r = new StepSeriesRecorder(0, 1e6, 2000);
    for (let i = 0; i < 1e6; i++) r.record(i, 100 - (i % 100));
    const out = r.finish(1e6);
    expect(out.t.length).toBeLessThanOrEqual(2000);
    expect(Math.min(...out.v)).toBe(1);
    expect(Math.max(...out.v)).toBe(100);
  });

  it('StepSeriesRecorder.record throws a RangeError naming both times when time goes backwards', () => {
    const r = new StepSeriesRecorder(0, 10, 5);
    r.record(3, 1);
    expect(() => r.record(2.5, 1)).toThrow(/2\.5 is before the previous record at time 3/);
    expect(() => r.record(NaN, 1)).toThrow(RangeError);
    expect(() => r.record(Infinity, 1)).toThrow(/Infinity/);
    expect(() => r.record(4, NaN)).toThrow(/value at time 4 is NaN/);
    expect(() => r.finish(1)).toThrow(RangeError);
  });

  it('StepSeriesRecorder rejects a bad window or maxPoints', () => {
    expect(() => new StepSeriesRecorder(5, 4, 100)).toThrow(/start 5 and end 4/);
    expect(() => new StepSeriesRecorder(0, NaN, 100)).toThrow(RangeError);
    expect(() => new StepSeriesRecorder(0, 10, 4)).toThrow(/maxPoints must be an integer >= 5/);
    expect(() => new StepSeriesRecorder(0, 10, 10.5)).toThrow(RangeError);
  });
});
