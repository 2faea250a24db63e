import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** The stream `name` of replication seed `masterSeed`: the same pair always gives the same sequence. */
export function createStream(masterSeed: number | string, name: string): Rng {
  const validSeed = typeof masterSeed === 'number' ? Number.isFinite(masterSeed) : typeof masterSeed === 'string' && !masterSeed.includes('\u0000');
  if (!validSeed) {
    throw new RangeError(`createStream: masterSeed must be a finite number or a string without NUL, got ${String(masterSeed)}`);
  }
  if (typeof name !== 'string') throw new RangeError(`createStream: name must be a string, got ${String(name)}`);
  // Each stream is seeded from (seed, name) alone, never from a shared generator, so adding or
  // reordering streams cannot shift another stream's numbers (common random numbers). The NUL
  // separator keeps pairs apart; a number seed and its decimal string (7, '7') name the same streams.
  // seedrandom seeds Alea (its Mash of the key); the draws are Alea's step on that state, the same
  // arithmetic in doubles, so the same numbers. Kept in a Float64Array, not in seedrandom's object,
  // whose fields V8 stored boxed: an allocation per draw. Alea returns t − ⌊t⌋ for t ≥ 0, so it is
  // < 1 by construction (32-bit resolution); no .double()/.int32(), which would consume draws in a
  // different rhythm.
  const { c, s0, s1, s2 } = seedrandom.alea(`${masterSeed}\u0000${name}`, { state: true }).state();
  const state = new Float64Array([s0, s1, s2, c]);
  return () => {
    const t = 2091639 * state[0] + state[3] * 2.3283064365386963e-10; // 2^-32
    state[0] = state[1];
    state[1] = state[2];
    state[3] = t | 0;
    return (state[2] = t - state[3]);
  };
}
