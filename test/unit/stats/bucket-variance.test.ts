import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketVariance } from '../../../sim/stats/index.js';
import { summarize } from '../../../sim/stats/index.js';

/** The two-pass answer: every bucket's sum kept, then their sample variance. */
function twoPass(events: [number, number][], start: number, width: number, end: number): { variance: number; buckets: number } {
  const complete = Math.floor((end - start) / width + 1e-9);
  const sums = new Array<number>(Math.max(0, complete)).fill(0);
  for (const [time, amount] of events) {
    const k = Math.floor((time - start) / width + 1e-9);
    if (time >= start && k < complete) sums[k] += amount;
  }
  return { variance: sums.length > 1 ? summarize(sums).sd ** 2 : 0, buckets: sums.length };
}

describe('BucketVariance', () => {
  it('gives the variance of bucket sums, empty buckets counted as 0', () => {
    const v = new BucketVariance(0, 1);
    v.add(0.5, 4);
    v.add(0.7, 2); // bucket 0: 6
    v.add(3.2, 3); // buckets 1, 2: 0; bucket 3: 3
    expect(v.finish(5)).toEqual({ variance: summarize([6, 0, 0, 3, 0]).sd ** 2, buckets: 5, mean: 9 / 5 });
  });

  it('ignores amounts before the start and counts only buckets closed by the end', () => {
    const v = new BucketVariance(10, 7);
    v.add(3, 100);
    v.add(12, 5);
    v.add(40, 1); // bucket 4 [38, 45) is still open at 44
    expect(v.finish(44)).toMatchObject({ buckets: 4, mean: 5 / 4 });
  });

  it('matches the two-pass variance on any amounts at any times (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 0, max: 50 })), { maxLength: 200 }),
        fc.constantFrom(0, 3.5),
        fc.constantFrom(0.5, 1, 7),
        (raw, start, width) => {
          const events = raw.sort((a, b) => a[0] - b[0]);
          const v = new BucketVariance(start, width);
          for (const [time, amount] of events) v.add(time, amount);
          const got = v.finish(100);
          const want = twoPass(events, start, width, 100);
          expect(got.buckets).toBe(want.buckets);
          expect(got.variance).toBeCloseTo(want.variance, 6);
        },
      ),
      { seed: 5 },
    );
  });
});
