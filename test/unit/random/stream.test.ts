import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../../sim/random/index.js';

const take = (rng: () => number, n: number): number[] => Array.from({ length: n }, () => rng());

describe('createStream', () => {
  it('createStream(7, "demand") yields the pinned golden values', () => {
    // Pinned: if these change, every stored scenario result changes with them.
    expect(take(createStream(7, 'demand'), 5)).toEqual([0.7074828578624874, 0.19538197433575988, 0.08581235492601991, 0.737418562406674, 0.5577622167766094]);
  });

  it("createStream draws what seedrandom's alea draws for the same key, long after the seeding", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.string(), (seed, name) => {
        fc.pre(!String(seed).includes('\u0000'));
        const alea = seedrandom.alea(`${seed}\u0000${name}`);
        expect(take(createStream(seed, name), 2000)).toEqual(take(alea, 2000));
      }),
      { numRuns: 50 },
    );
  });

  it('createStream(seed, name) repeats the same sequence for the same seed and name', () => {
    expect(take(createStream(7, 'demand'), 1000)).toEqual(take(createStream(7, 'demand'), 1000));
  });

  it('createStream gives different sequences to different names and to different seeds', () => {
    const base = take(createStream(7, 'demand'), 5);
    expect(take(createStream(7, 'demand:widget'), 5)).not.toEqual(base);
    expect(take(createStream(7, 'leadTime'), 5)).not.toEqual(base);
    expect(take(createStream(8, 'demand'), 5)).not.toEqual(base);
  });

  it('createStream keeps a stream unchanged when other streams are created and drawn from', () => {
    const alone = take(createStream(7, 'demand'), 20);
    const demand = createStream(7, 'demand');
    const machine = createStream(7, 'press');
    const mixed: number[] = [];
    for (let i = 0; i < 20; i++) {
      machine();
      mixed.push(demand());
      machine();
    }
    expect(mixed).toEqual(alone);
  });

  it('createStream treats a number seed and its decimal string as the same seed', () => {
    expect(take(createStream('7', 'demand'), 5)).toEqual(take(createStream(7, 'demand'), 5));
  });

  it('createStream returns numbers in [0, 1) for any seed and name', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), fc.string(), (seed, name) =>
        take(createStream(seed, name), 100).every((u) => u >= 0 && u < 1),
      ),
    );
  });

  it('createStream never returns exactly 1 in a million draws, and draws have uniform mean and variance', () => {
    const rng = createStream(7, 'uniformity');
    const n = 1_000_000;
    let sum = 0;
    let sumSq = 0;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng();
      sum += u;
      sumSq += u * u;
      if (u > max) max = u;
    }
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSq / n - (sum / n) ** 2 - 1 / 12)).toBeLessThan(0.001);
  });

  it('createStream rejects a non-finite number seed with a RangeError naming masterSeed', () => {
    expect(() => createStream(Number.NaN, 'demand')).toThrow(RangeError);
    expect(() => createStream(Infinity, 'demand')).toThrow(/masterSeed must be .*got Infinity/);
    expect(() => createStream('a\u0000b', 'demand')).toThrow(/masterSeed/);
  });
});
