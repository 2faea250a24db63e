import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimeWeighted } from '../../../sim/stats/index.js';

describe('TimeWeighted', () => {
  it('TimeWeighted.mean integrates a level over the window', () => {
    const w = new TimeWeighted(0, 10); // 10 on [0, 2), 4 on [2, 5), 0 on [5, 10]
    w.set(2, 4);
    w.set(5, 0);
    expect(w.area(10)).toBe(10 * 2 + 4 * 3);
    expect(w.mean(10)).toBe(32 / 10);
    expect(w.level).toBe(0);
    expect(w.min).toBe(0);
    expect(w.max).toBe(10);
  });

  it('TimeWeighted.area defaults to the time of the last change', () => {
    const w = new TimeWeighted(1, 3);
    w.set(4, 7);
    expect(w.area()).toBe(9);
    expect(w.mean()).toBe(3);
  });

  it('TimeWeighted.add changes the level by a delta', () => {
    const w = new TimeWeighted();
    w.add(1, 5);
    w.add(3, -2);
    expect(w.level).toBe(3);
    expect(w.area(4)).toBe(5 * 2 + 3 * 1);
  });

  it('TimeWeighted.mean of an empty window is 0', () => {
    expect(new TimeWeighted(5, 8).mean(5)).toBe(0);
    expect(new TimeWeighted(5, 8).mean()).toBe(0);
  });

  it('TimeWeighted.set throws a RangeError naming both times when time goes backwards', () => {
    const w = new TimeWeighted(0, 1);
    w.set(7, 2);
    expect(() => w.set(6.5, 3)).toThrow(RangeError);
    expect(() => w.set(6.5, 3)).toThrow(/6\.5.*7/);
    expect(() => w.set(NaN, 3)).toThrow(RangeError);
    expect(() => w.area(3)).toThrow(/3.*7/);
    expect(() => w.reset(1)).toThrow(RangeError);
  });

  it('TimeWeighted counts a level held for zero time in min and max', () => {
    const w = new TimeWeighted(0, 5);
    w.set(2, -1); // a momentary stockout, refilled at the same instant
    w.set(2, 5);
    expect(w.min).toBe(-1);
    expect(w.area(4)).toBe(20);
  });

  it('TimeWeighted.reset starts a new window at warm-up keeping the current level', () => {
    const w = new TimeWeighted(0, 100);
    w.set(10, 2);
    w.reset(30);
    expect(w.startTime).toBe(30);
    expect(w.level).toBe(2);
    expect([w.min, w.max]).toEqual([2, 2]);
    w.set(40, 6);
    expect(w.area(50)).toBe(2 * 10 + 6 * 10);
    expect(w.mean(50)).toBe(4);
  });

  it('TimeWeighted area equals the hand sum of level × duration', () => {
    const step = fc.record({ dt: fc.integer({ min: 0, max: 1000 }), level: fc.integer({ min: -500, max: 500 }) });
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -500, max: 500 }),
        fc.array(step, { maxLength: 100 }),
        fc.integer({ min: 0, max: 1000 }),
        (start, initial, steps, tail) => {
          const w = new TimeWeighted(start, initial);
          let time = start;
          let level = initial;
          let area = 0;
          let lo = initial;
          let hi = initial;
          for (const s of steps) {
            area += level * s.dt;
            time += s.dt;
            level = s.level;
            lo = Math.min(lo, level);
            hi = Math.max(hi, level);
            w.set(time, level);
          }
          area += level * tail;
          // Integers well below 2^53: the hand sum is exact, so equality is exact.
          expect(w.area(time + tail)).toBe(area);
          expect(w.mean(time + tail)).toBe(time + tail > start ? area / (time + tail - start) : 0);
          expect([w.min, w.max]).toEqual([lo, hi]);
        },
      ),
    );
  });
});
