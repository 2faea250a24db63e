import type { Fitted } from './family.js';
import type { Sample } from './sample.js';

// Where the ends may lie beyond the data, as shares of its range: a log-spaced grid, then a finer one around the best cell.
const COARSE = logSpaced(1e-4, 0.5, 16);
const FINE_STEPS = 8;

/**
 * Triangular by profile likelihood on a grid. Its maximum-likelihood estimate has no closed form:
 * for given ends the best mode is the smallest value, one of the values, or the largest
 * (Oliver 1972), found exactly in one pass; the ends are searched on a log-spaced grid of
 * distances beyond the smallest and the largest value (1e-4 to 0.5 of the range), then on a finer
 * grid around the best pair. The lower end stays >= 0, as a scenario requires.
 */
export function fitTriangular(sample: Sample): Fitted | null {
  const { sorted, min, max } = sample;
  const range = max - min;
  if (!(range > 0)) return null;
  let best = { logLikelihood: -Infinity, min, mode: min, max: max + range };
  const tryEnds = (below: number, above: number): void => {
    const candidate = bestMode(sorted, Math.max(0, min - below * range), max + above * range);
    if (candidate.logLikelihood > best.logLikelihood) best = candidate;
  };
  for (const below of COARSE) for (const above of COARSE) tryEnds(below, above);
  const fine = (end: number) => logSpaced(neighbour(end, -1), neighbour(end, 1), FINE_STEPS);
  const [below, above] = [(min - best.min) / range, (best.max - max) / range];
  for (const b of fine(below)) for (const a of fine(above)) tryEnds(b, a);
  return triangular(best.min, best.mode, best.max);
}

/** The fitted distribution of a triangular with these ends and mode. */
function triangular(a: number, c: number, b: number): Fitted {
  const width = b - a;
  return {
    family: 'triangular',
    parameters: { min: a, mode: c, max: b },
    estimated: 3,
    logDensity: (x) => {
      if (x < a || x > b) return -Infinity;
      if (x === c) return Math.log(2 / width);
      return x < c ? Math.log((2 * (x - a)) / (width * (c - a))) : Math.log((2 * (b - x)) / (width * (b - c)));
    },
    cdf: (x) => {
      if (x <= a) return 0;
      if (x >= b) return 1;
      return x <= c ? (x - a) ** 2 / (width * (c - a)) : 1 - (b - x) ** 2 / (width * (b - c));
    },
  };
}

/**
 * The mode that maximizes the likelihood of sorted values for ends a < min and b > max, and that
 * likelihood. With j values left of the mode c, ln L = n ln(2/(b − a)) + Σ_{i<j} ln(x_i − a) −
 * j ln(c − a) + Σ_{i>=j} ln(b − x_i) − (n − j) ln(b − c), over c = a, each x_j, and b.
 */
function bestMode(sorted: readonly number[], a: number, b: number): { logLikelihood: number; min: number; mode: number; max: number } {
  const n = sorted.length;
  const right = new Float64Array(n + 1); // right[j] = Σ_{i>=j} ln(b − x_i)
  for (let i = n - 1; i >= 0; i--) right[i] = right[i + 1] + Math.log(b - sorted[i]);
  const base = n * Math.log(2 / (b - a));
  // 0 · ln 0 is 0 here: no values on a side leaves no term for it.
  const term = (count: number, distance: number): number => (count === 0 ? 0 : count * Math.log(distance));
  let best = { logLikelihood: base + right[0] - term(n, b - a), min: a, mode: a, max: b };
  let left = 0; // Σ_{i<j} ln(x_i − a)
  for (let j = 0; j <= n; j++) {
    const c = j < n ? sorted[j] : b;
    const logLikelihood = base + left - term(j, c - a) + right[j] - term(n - j, b - c);
    if (logLikelihood > best.logLikelihood) best = { logLikelihood, min: a, mode: c, max: b };
    if (j < n) left += Math.log(sorted[j] - a);
  }
  return best;
}

function logSpaced(from: number, to: number, steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => from * (to / from) ** (i / (steps - 1)));
}

// The coarse grid's neighbour of a share on the log scale (the grid's ends stay in reach).
function neighbour(share: number, side: -1 | 1): number {
  const ratio = (COARSE[1] / COARSE[0]) ** side;
  return Math.max(1e-6, share) * ratio;
}
