import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import type { Fitted } from './family.js';
import type { GoodnessOfFit } from './ks.js';

/** Cells are merged until each expects at least this many values (the usual rule for Pearson's test). */
const MIN_EXPECTED = 5;

/**
 * Pearson's chi-square test of counts (counts[k] values equal to k) against a fitted family: the
 * cells are whole numbers from 0, neighbours merged until each expects MIN_EXPECTED values, the
 * last one open upwards; a continuous family's cell holds what rounds into it (below ½: 0). The
 * degrees of freedom are cells − 1 − estimated parameters; the p-value is stdlib's chi-square CDF.
 */
export function chiSquareTest(counts: readonly number[], fitted: Fitted): GoodnessOfFit {
  const n = counts.reduce((sum, c) => sum + c, 0);
  const cells: { observed: number; expected: number }[] = [];
  let start = 0; // P(X below the open cell), the CDF at its lower edge
  let observed = 0;
  for (let k = 0; k < counts.length - 1; k++) {
    observed += counts[k];
    const end = fitted.cdf(k + 0.5);
    if (n * (end - start) >= MIN_EXPECTED) {
      cells.push({ observed, expected: n * (end - start) });
      start = end;
      observed = 0;
    }
  }
  const last = { observed: observed + counts[counts.length - 1], expected: n * (1 - start) };
  if (last.expected >= MIN_EXPECTED || cells.length === 0) cells.push(last);
  else {
    const previous = cells[cells.length - 1];
    previous.observed += last.observed;
    previous.expected += last.expected;
  }
  const statistic = cells.reduce((sum, { observed: o, expected: e }) => sum + (o - e) ** 2 / e, 0);
  const df = cells.length - 1 - fitted.estimated;
  const pValue = df >= 1 ? Math.min(1, Math.max(0, 1 - chisquareCdf(statistic, df))) : Number.NaN;
  return { test: 'chi-square', statistic, pValue, df: Math.max(0, df) };
}
