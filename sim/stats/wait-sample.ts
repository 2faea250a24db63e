/** Positive observations per chunk at most; the first chunks are smaller, so a short run keeps little. */
const CHUNK = 1 << 15;
const FIRST_CHUNK = 64;
/** Full chunks of samples that are done (release), kept for the next ones in this thread, at most. */
const MAX_SPARE_CHUNKS = 64;
const spareChunks: Float64Array[] = [];
/** Observations a quantile's bracket is drawn from. */
const SAMPLE = 4096;
/** Half-width of the bracket around the rank in the sample, in its standard deviations. */
const BRACKET_SDS = 4;

/**
 * Every observation of a non-negative quantity kept for its quantiles, cheaply when most are 0:
 * zeros are only counted (a customer order filled at once waits 0, and most do), the rest kept in
 * chunks that never move: a million waits touch their memory once (an array grown by doubling
 * was copied again and again, and fresh memory is what a long run paid most for). Quantiles are of
 * the empirical distribution (the inverse of the step CDF, Hyndman–Fan type 1): the p-quantile is
 * the smallest value with at least a share p of the observations at or below it, so "90% of
 * orders waited at most Q(0.9)" is literally true.
 */
export class WaitSample {
  private zeros = 0;
  private size = 0;
  private readonly chunks: Float64Array[] = [];
  /** The chunk being filled, and how much of it is. */
  private last: Float64Array = new Float64Array(0);
  private fill = 0;

  add(x: number): void {
    if (x <= 0) {
      this.zeros++;
      return;
    }
    if (this.fill === this.last.length) this.addChunk();
    this.last[this.fill++] = x;
    this.size++;
  }

  get count(): number {
    return this.zeros + this.size;
  }

  /**
   * Forgets every observation and gives the memory that kept them to the next sample in this
   * thread: fresh memory cost a long run more than filling it, and each replication keeps its own.
   */
  release(): void {
    for (const chunk of this.chunks) if (chunk.length === CHUNK && spareChunks.length < MAX_SPARE_CHUNKS) spareChunks.push(chunk);
    this.reset();
  }

  reset(): void {
    this.zeros = 0;
    this.size = 0;
    this.chunks.length = 0;
    this.last = new Float64Array(0);
    this.fill = 0;
  }

  /**
   * The p-quantiles (each p in (0, 1]) of the observations together with `extra` ones (waits still
   * running at the end of a window, say); 0 for each when there is nothing at all.
   */
  quantiles(ps: readonly number[], extra: readonly number[] = []): number[] {
    const extras = extra.filter((x) => x > 0);
    const zeros = this.zeros + extra.length - extras.length;
    const n = zeros + this.size + extras.length;
    if (n === 0) return ps.map(() => 0);
    // Rank (1-based) of the p-quantile among all n sorted observations, zeros first; the small tolerance keeps 0.9 × 10 at rank 9.
    const ranks = ps.map((p) => Math.max(1, Math.ceil(p * n - 1e-9)));
    const positive = ranks.filter((rank) => rank > zeros).map((rank) => rank - zeros);
    const found = positive.length === 0 ? new Map<number, number>() : this.kths(positive, extras);
    return ranks.map((rank) => (rank <= zeros ? 0 : found.get(rank - zeros)!));
  }

  /**
   * The k-th smallest (1-based) of the positives kept and `extras`, for each k. As Floyd and
   * Rivest's SELECT: a bracket [lo, hi] drawn from a sample holds every k-th with high probability;
   * one pass counts what lies below it and copies what lies within, where each k-th is selected.
   * When the bracket misses, the bracket is everything. O(n), and the copy is a few percent of n.
   */
  private kths(ks: readonly number[], extras: readonly number[]): Map<number, number> {
    const n = this.size + extras.length;
    const lowest = Math.min(...ks);
    const highest = Math.max(...ks);
    const [lo, hi] = this.bracket(lowest / n, highest / n);
    let { below, within } = this.split(lo, hi, extras);
    if (!(lowest > below && highest <= below + within.length)) ({ below, within } = this.split(-Infinity, Infinity, extras));
    const found = new Map<number, number>();
    // In ascending order, each selection only looks right of the last one.
    let from = 0;
    for (const k of [...new Set(ks)].sort((a, b) => a - b)) {
      select(within, k - below - 1, from, within.length - 1);
      found.set(k, within[k - below - 1]);
      from = k - below;
    }
    return found;
  }

  /** Values that bracket the qLow- to qHigh-quantiles of the positives kept, from an evenly strided sample of them; everything when they are few. */
  private bracket(qLow: number, qHigh: number): [number, number] {
    if (this.size <= 4 * SAMPLE) return [-Infinity, Infinity];
    const step = Math.floor(this.size / SAMPLE);
    const sample = new Float64Array(SAMPLE);
    for (let i = 0; i < SAMPLE; i++) sample[i] = this.at(i * step);
    sample.sort();
    const spread = (q: number): number => BRACKET_SDS * Math.sqrt(SAMPLE * q * (1 - q)) + 2;
    const from = Math.floor(qLow * SAMPLE - spread(qLow));
    const to = Math.ceil(qHigh * SAMPLE + spread(qHigh));
    return [from < 0 ? -Infinity : sample[from], to >= SAMPLE ? Infinity : sample[to]];
  }

  /** How many positives and extras lie below `lo`, and a copy of those in [lo, hi]. */
  private split(lo: number, hi: number, extras: readonly number[]): { below: number; within: Float64Array } {
    const all = [...this.filledChunks(), Float64Array.from(extras)];
    let below = 0;
    let inside = 0;
    // Plain loops, not a callback per value: these passes run over every wait kept.
    for (const chunk of all) {
      for (let i = 0; i < chunk.length; i++) {
        const x = chunk[i];
        if (x < lo) below++;
        else if (x <= hi) inside++;
      }
    }
    const within = new Float64Array(inside);
    let at = 0;
    for (const chunk of all) {
      for (let i = 0; i < chunk.length; i++) {
        const x = chunk[i];
        if (x >= lo && x <= hi) within[at++] = x;
      }
    }
    return { below, within };
  }

  /** The chunks, the last one cut to what is filled. */
  private filledChunks(): Float64Array[] {
    return this.chunks.map((chunk) => (chunk === this.last ? chunk.subarray(0, this.fill) : chunk));
  }

  /** The i-th positive kept, in the order added. */
  private at(i: number): number {
    for (const chunk of this.chunks) {
      if (i < chunk.length) return chunk[i];
      i -= chunk.length;
    }
    throw new RangeError(`WaitSample: no observation ${i}`);
  }

  private addChunk(): void {
    const size = this.chunks.length === 0 ? FIRST_CHUNK : Math.min(CHUNK, 2 * this.last.length);
    // Whatever a spare chunk holds is written over before it is read: only `fill` of the last chunk counts.
    this.last = (size === CHUNK ? spareChunks.pop() : undefined) ?? new Float64Array(size);
    this.chunks.push(this.last);
    this.fill = 0;
  }
}

/**
 * Puts the k-th smallest of a[left..right] at a[k], none larger before it and none smaller after
 * it: Floyd and Rivest's SELECT (1975), as d3-array's quickselect, which first selects within a
 * sample around k so that each partition leaves little on k's side (about n comparisons in all).
 * A run of lopsided partitions gives way to a sort of what is left, so no input makes it quadratic.
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  let budget = 2 * Math.ceil(Math.log2(right - left + 2)) + 8;
  while (right > left) {
    if (--budget < 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(a, k, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    const t = a[k];
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right] > t) swap(a, left, right);
    while (i < j) {
      swap(a, i++, j--);
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else swap(a, ++j, right);
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
