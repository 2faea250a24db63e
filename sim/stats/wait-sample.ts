/**
 * Every observation of a non-negative quantity kept for its quantiles, cheaply when most are 0:
 * zeros are only counted (a customer order filled at once waits 0, and most do), the rest kept in
 * a growing Float64Array. Quantiles are of the empirical distribution (the inverse of the step
 * CDF, Hyndman–Fan type 1): the p-quantile is the smallest value with at least a share p of the
 * observations at or below it, so "90% of orders waited at most Q(0.9)" is literally true.
 */
export class WaitSample {
  private zeros = 0;
  private positives = new Float64Array(64);
  private size = 0;

  add(x: number): void {
    if (x <= 0) {
      this.zeros++;
      return;
    }
    if (this.size === this.positives.length) {
      const grown = new Float64Array(this.positives.length * 2);
      grown.set(this.positives);
      this.positives = grown;
    }
    this.positives[this.size++] = x;
  }

  get count(): number {
    return this.zeros + this.size;
  }

  reset(): void {
    this.zeros = 0;
    this.size = 0;
  }

  /**
   * The p-quantiles (each p in (0, 1]) of the observations together with `extra` ones (waits still
   * running at the end of a window, say); 0 for each when there is nothing at all.
   */
  quantiles(ps: readonly number[], extra: readonly number[] = []): number[] {
    const extraPositive = extra.filter((x) => x > 0);
    const zeros = this.zeros + extra.length - extraPositive.length;
    const n = zeros + this.size + extraPositive.length;
    if (n === 0) return ps.map(() => 0);
    const sorted = new Float64Array(this.size + extraPositive.length);
    sorted.set(this.positives.subarray(0, this.size));
    sorted.set(extraPositive, this.size);
    sorted.sort();
    return ps.map((p) => {
      // Rank (1-based) of the p-quantile among all n sorted observations, zeros first; the small tolerance keeps 0.9 × 10 at rank 9.
      const rank = Math.max(1, Math.ceil(p * n - 1e-9));
      return rank <= zeros ? 0 : sorted[rank - zeros - 1];
    });
  }
}
