import { fail, nonNegativeList } from '../check.js';
import { supportOf, type Distribution } from '../distribution.js';

/** values[i] with probability weights[i] / Σweights; values >= 0, weights >= 0 and not all zero. */
export function discrete(values: readonly number[], weights: readonly number[]): Distribution {
  const xs = nonNegativeList('discrete', 'values', values);
  const ws = nonNegativeList('discrete', 'weights', weights);
  if (ws.length !== xs.length) fail('discrete', 'weights', `an array as long as values (${xs.length})`, ws);
  const cumulative: number[] = [];
  let total = 0;
  for (const w of ws) cumulative.push((total += w));
  if (!(total > 0)) fail('discrete', 'weights', 'non-negative with at least one > 0', ws);
  if (!Number.isFinite(total)) fail('discrete', 'weights', 'numbers with a finite sum', ws);
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += (ws[i] / total) * xs[i];
  let variance = 0;
  for (let i = 0; i < xs.length; i++) variance += (ws[i] / total) * (xs[i] - mean) ** 2;
  const possible = xs.filter((_, i) => ws[i] > 0);
  return {
    name: 'discrete',
    mean,
    variance,
    support: supportOf(possible),
    sample: (rng) => xs[firstAbove(cumulative, rng() * total)],
  };
}

// Binary search for the first i with cumulative[i] > target. Zero-weight entries repeat the
// previous sum, so they are never chosen; target < total keeps i in range.
function firstAbove(cumulative: readonly number[], target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
