import type { Rng } from './stream.js';

/** A standard normal draw (Box–Muller) from exactly two uniforms of rng. */
export function standardNormal(rng: Rng): number {
  // No cached spare: state would live outside the rng, so two distributions sharing a stream
  // could not be replayed independently. A fixed two draws per sample also keeps a stream in
  // step when a sweep changes mean or sd, so every setting sees the same z's.
  // log1p(-u) is finite because u < 1, and is +0 (not -0) when u = 0.
  const radius = Math.sqrt(-2 * Math.log1p(-rng()));
  return radius * Math.cos(2 * Math.PI * rng());
}
