import kstest from '@stdlib/stats-kstest';

/** A goodness-of-fit test's outcome. */
export interface GoodnessOfFit {
  test: 'ks' | 'chi-square';
  /** Kolmogorov–Smirnov's D, or Pearson's X². */
  statistic: number;
  /** NaN when the test cannot be made (too few cells for the chi-square test). */
  pValue: number;
  /** Degrees of freedom of the chi-square test. */
  df?: number;
}

/** Samples up to this size get stdlib's exact p-value (Marsaglia, Tsang and Wang 2003), whose cost grows as n^1.5 log n. */
export const EXACT_KS_MAX = 1000;

/**
 * The two-sided one-sample Kolmogorov–Smirnov test of sorted values against `cdf`. Up to
 * EXACT_KS_MAX values it is stdlib's kstest; above, D is computed here and its p-value is
 * Kolmogorov's limiting distribution with Stephens' (1970) correction, accurate to about 1% there.
 * With parameters estimated from the same data the p-value errs high (Lilliefors).
 */
export function ksTest(sorted: readonly number[], cdf: (x: number) => number): GoodnessOfFit {
  if (sorted.length <= EXACT_KS_MAX) {
    // stdlib reads the distribution's parameters from the function's arity: exactly one argument.
    const result = kstest([...sorted], (x: number) => cdf(x), { sorted: true });
    return { test: 'ks', statistic: result.statistic, pValue: clamp01(result.pValue) };
  }
  const statistic = ksStatistic(sorted, cdf);
  const root = Math.sqrt(sorted.length);
  return { test: 'ks', statistic, pValue: kolmogorovTail((root + 0.12 + 0.11 / root) * statistic) };
}

/** D = sup |F_n(x) − F(x)| over sorted values. */
export function ksStatistic(sorted: readonly number[], cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** P(K > λ) for Kolmogorov's K: 2 Σ_{j>=1} (−1)^(j−1) e^(−2j²λ²); 1 where the series has not settled (λ below about 0.2). */
export function kolmogorovTail(lambda: number): number {
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = 2 * (j % 2 === 1 ? 1 : -1) * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) <= 1e-12 * Math.max(sum, 1e-300)) return clamp01(sum);
  }
  return 1;
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
