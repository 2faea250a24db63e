/** Running count, mean, sample variance, min, max and sum of observations (Welford), O(1) memory. */
export class Tally {
  private _n = 0;
  private _mean = 0;
  // Sum of squared deviations from the running mean: Welford's update keeps it accurate
  // where sum(x²) − n·mean² would cancel catastrophically for large, close values.
  private _m2 = 0;
  private _sum = 0;
  private _min = Infinity;
  private _max = -Infinity;

  /** Adds one observation; NaN is not checked (hot path) and poisons every statistic. */
  add(x: number): void {
    const n = ++this._n;
    const d = x - this._mean;
    this._mean += d / n;
    this._m2 += d * (x - this._mean);
    this._sum += x;
    if (x < this._min) this._min = x;
    if (x > this._max) this._max = x;
  }

  /** Number of observations. */
  get count(): number {
    return this._n;
  }

  /** Sum of observations (0 when empty). */
  get sum(): number {
    return this._sum;
  }

  /** Mean of observations; 0 when empty, so a KPI averaged over nothing stays JSON-safe. */
  get mean(): number {
    return this._mean;
  }

  /** Sample variance (n − 1 denominator); 0 when fewer than two observations. */
  get variance(): number {
    return this._n < 2 ? 0 : this._m2 / (this._n - 1);
  }

  /** Sample standard deviation; 0 when fewer than two observations. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation; NaN when empty (there is none). */
  get min(): number {
    return this._n === 0 ? NaN : this._min;
  }

  /** Largest observation; NaN when empty (there is none). */
  get max(): number {
    return this._n === 0 ? NaN : this._max;
  }

  /** Forgets every observation (e.g. at the end of warm-up). */
  reset(): void {
    this._n = 0;
    this._mean = 0;
    this._m2 = 0;
    this._sum = 0;
    this._min = Infinity;
    this._max = -Infinity;
  }
}
