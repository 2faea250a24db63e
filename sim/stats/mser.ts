/**
 * MSER-5 truncation point (White 1997): average the series in batches of 5, then pick the number of
 * leading batches d (at most half) that minimizes the squared standard error of the remaining mean,
 * Σ(yᵢ − ȳ)² / (n − d)². Returns the number of leading observations to drop (a multiple of 5).
 */
export function mser5(values: ArrayLike<number>): number {
  return mser(values, 5);
}

/** MSER with batches of `batchSize` observations (MSER-m); returns observations to drop. */
export function mser(values: ArrayLike<number>, batchSize: number): number {
  const batches = Math.floor(values.length / batchSize);
  if (batches < 4) return 0;
  const means = new Float64Array(batches);
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = 0; i < batchSize; i++) sum += values[b * batchSize + i];
    means[b] = sum / batchSize;
  }
  // Suffix sums give every candidate's statistic in one backward pass.
  let sum = 0;
  let sumSquares = 0;
  let best = 0;
  let bestScore = Infinity;
  for (let d = batches - 1; d >= 0; d--) {
    sum += means[d];
    sumSquares += means[d] * means[d];
    const n = batches - d;
    if (d > batches / 2) continue;
    const score = (sumSquares - (sum * sum) / n) / (n * n);
    if (score <= bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best * batchSize;
}
