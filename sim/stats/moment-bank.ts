import { halfWidth95 } from './confidence.js';

/**
 * Running sums, means and co-moments of many small vectors observed together, one observation
 * (one replication) at a time: `groups` vectors of `dim` values each, all with the same count n.
 * Welford's update keeps the spread accurate without storing the observations, so statistics
 * over replications take memory in the number of KPIs, not of replications. A KPI is a group of
 * dimension 1; a ratio estimate is a group of (numerator, denominator); a paired comparison of
 * two ratios is a group of four.
 */
export class MomentBank {
  /** Observations added so far. */
  n = 0;
  private readonly sums: Float64Array;
  private readonly means: Float64Array;
  /** Per group, the dim × dim matrix of sums of products of deviations from the mean. */
  private readonly comoments: Float64Array;
  private readonly deltas: Float64Array;

  constructor(
    readonly groups: number,
    readonly dim: number,
  ) {
    this.sums = new Float64Array(groups * dim);
    this.means = new Float64Array(groups * dim);
    this.comoments = new Float64Array(groups * dim * dim);
    this.deltas = new Float64Array(dim);
  }

  /** Adds one observation: `values[g · dim + k]` is value k of group g; every value must be finite. */
  add(values: ArrayLike<number>): void {
    const { dim, groups, sums, means, comoments, deltas } = this;
    if (values.length !== groups * dim) throw new RangeError(`MomentBank.add: ${values.length} values for ${groups} groups of ${dim}`);
    const n = ++this.n;
    for (let g = 0; g < groups; g++) {
      const at = g * dim;
      for (let k = 0; k < dim; k++) {
        const x = values[at + k];
        if (!Number.isFinite(x)) throw new RangeError(`MomentBank.add: value ${at + k} is ${x}; expected a finite number`);
        sums[at + k] += x;
        deltas[k] = x - means[at + k];
        means[at + k] += deltas[k] / n;
      }
      // C += δ_old ⊗ (x − mean_new): the co-moment update of Welford's method.
      const c = g * dim * dim;
      for (let j = 0; j < dim; j++) {
        for (let k = 0; k < dim; k++) comoments[c + j * dim + k] += deltas[j] * (values[at + k] - means[at + k]);
      }
    }
  }

  sum(group: number, k = 0): number {
    return this.sums[group * this.dim + k];
  }

  mean(group: number, k = 0): number {
    return this.means[group * this.dim + k];
  }

  /**
   * Sample variance (n − 1) of the linear combination Σ c_k · x_k of a group's values (of the
   * value itself for dim 1); 0 with fewer than two observations.
   */
  variance(group: number, c: ArrayLike<number> = [1]): number {
    if (this.n < 2) return 0;
    const { dim, comoments } = this;
    const at = group * dim * dim;
    let q = 0;
    for (let j = 0; j < dim; j++) for (let k = 0; k < dim; k++) q += c[j] * c[k] * comoments[at + j * dim + k];
    return Math.max(0, q / (this.n - 1));
  }
}

/** Mean, sd and 95% Student-t interval from a running mean and variance over n observations (ci95 null below two). */
export function intervalOf(mean: number, variance: number, n: number): { mean: number; sd: number; ci95: [number, number] | null; n: number } {
  const sd = Math.sqrt(variance);
  if (n < 2) return { mean, sd: 0, ci95: null, n };
  const h = halfWidth95(sd, n);
  return { mean, sd, ci95: [mean - h, mean + h], n };
}
