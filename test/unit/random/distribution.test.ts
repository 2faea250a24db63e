import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supportOf } from '../../../sim/random/distribution.js';
import * as random from '../../../sim/random/index.js';

const { createStream } = random;
const family = (): random.Distribution[] => [
  random.constant(1),
  random.exponential(2),
  random.normal(1, 2),
  random.lognormal(1, 0.5),
  random.gamma(1, 2),
  random.gamma(10, 2),
  random.uniform(3, 7),
  random.triangular(1, 2, 5),
  random.poisson(3),
  random.poisson(200),
  random.discrete([1, 5], [1, 3]),
  random.empirical([4, 8, 15]),
];

// Draw `rounds` samples from every distribution in turn, all from one stream.
function interleaved(ds: random.Distribution[], seed: number, rounds: number): number[] {
  const rng = createStream(seed, 'shared');
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) for (const d of ds) out.push(d.sample(rng));
  return out;
}

describe('Distribution', () => {
  it('distributions sharing one stream give the same interleaved samples when replayed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(interleaved(family(), seed, 20)).toEqual(interleaved(family(), seed, 20));
      }),
      { numRuns: 20 },
    );
  });

  it('a distribution keeps no state between samples, so reusing it with a fresh stream replays its samples', () => {
    const ds = family();
    const first = interleaved(ds, 11, 50);
    expect(interleaved(ds, 11, 50)).toEqual(first);
  });

  it('every distribution reports mean and variance that are finite and variance >= 0', () => {
    for (const d of family()) {
      expect(Number.isFinite(d.mean) && Number.isFinite(d.variance) && d.variance >= 0, d.name).toBe(true);
    }
  });

  it('supportOf(values) spans the least and greatest value and says whether all are integers', () => {
    expect(supportOf([3, 1, 2])).toEqual({ min: 1, max: 3, integer: true });
    expect(supportOf([0.5, 2])).toEqual({ min: 0.5, max: 2, integer: false });
  });
});
