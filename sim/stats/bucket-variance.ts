/**
 * The variance across fixed-width time buckets of amounts that come at instants — units ordered
 * or demanded per week — kept in O(1) memory: only the bucket being filled is open, and a run of
 * empty buckets is folded in at once (Chan et al.'s pairwise combination of (n, mean, M2) with m
 * buckets of 0). Buckets are [start + k·width, start + (k + 1)·width); amounts before `start` are
 * ignored, and `finish(end)` counts only the buckets that closed by `end`.
 */
export class BucketVariance {
  private n = 0;
  private mean = 0;
  private m2 = 0;
  /** The bucket being filled (index from `start`) and its sum. */
  private current = 0;
  private sum = 0;

  constructor(
    private readonly start: number,
    private readonly width: number,
  ) {
    if (!(width > 0) || !Number.isFinite(width)) throw new RangeError(`BucketVariance: width must be a finite number > 0, got ${width}`);
  }

  /** Adds `amount` at `time` (times never decrease). */
  add(time: number, amount: number): void {
    if (time < this.start) return;
    this.advanceTo(this.bucketOf(time));
    this.sum += amount;
  }

  /** Closes every bucket that ends by `end` and returns the sample variance of their sums (0 with fewer than 2) and their count. */
  finish(end: number): { variance: number; buckets: number; mean: number } {
    // Bucket k is complete when start + (k + 1)·width ≤ end; a float sum a hair short still counts.
    const complete = Math.floor((end - this.start) / this.width + 1e-9);
    if (complete > this.current) this.advanceTo(complete);
    return { variance: this.n > 1 ? this.m2 / (this.n - 1) : 0, buckets: this.n, mean: this.mean };
  }

  private bucketOf(time: number): number {
    return Math.floor((time - this.start) / this.width + 1e-9);
  }

  /** Folds the open bucket, then the empty ones before `bucket`, which becomes the open one. */
  private advanceTo(bucket: number): void {
    if (bucket <= this.current) return;
    this.fold(1, this.sum);
    const empty = bucket - this.current - 1;
    if (empty > 0) this.fold(empty, 0);
    this.current = bucket;
    this.sum = 0;
  }

  /** Combines `count` buckets that all hold `value` into the running moments. */
  private fold(count: number, value: number): void {
    const n = this.n + count;
    const delta = value - this.mean;
    this.mean += (delta * count) / n;
    this.m2 += (delta * delta * this.n * count) / n;
    this.n = n;
  }
}
