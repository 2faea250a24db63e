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
  const next = seedrandom.alea(`${masterSeed}\u0000${name}`);
  // Alea returns t − ⌊t⌋ for t ≥ 0, so it is < 1 by construction (32-bit resolution). The wrapper
  // hides .double()/.int32(), which would consume draws in a different rhythm.
  return () => next();
}
