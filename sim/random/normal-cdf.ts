// Φ and φ for the censored-normal moments. simple-statistics' cumulativeStdNormalProbability is a
// 4-digit table and its errorFunction returns erf (so 1 − erf loses the tails); we need erfc itself.

/** Complementary error function with relative error < 1.2e-7 for every x (Numerical Recipes' erfcc). */
export function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const tail = t * Math.exp(-x * x + poly);
  return x >= 0 ? tail : 2 - tail;
}

/** Standard normal CDF Φ(z), accurate to a relative 1.2e-7 in both tails. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}
