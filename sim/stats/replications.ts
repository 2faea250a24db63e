import { tQuantile } from './confidence.js';

/**
 * The smallest number of replications n ≥ 2 whose 95% Student-t half-width t(0.975, n − 1)·sd/√n
 * is at most `halfWidth`, for a spread `sd` estimated by a pilot. Infinity when halfWidth is 0
 * and sd is not.
 */
export function replicationsFor(sd: number, halfWidth: number): number {
  if (!(sd >= 0 && halfWidth >= 0)) throw new RangeError(`replicationsFor: sd and halfWidth must be >= 0, got ${sd} and ${halfWidth}`);
  if (sd === 0) return 2;
  if (halfWidth === 0) return Infinity;
  // The normal quantile gives a lower bound; t(n − 1) exceeds it by O(1/n), so a few steps up suffice.
  let n = Math.max(2, Math.ceil(((1.959963984540054 * sd) / halfWidth) ** 2));
  while (tQuantile(0.975, n - 1) * sd > halfWidth * Math.sqrt(n) * (1 + 1e-12)) n++;
  return n;
}
