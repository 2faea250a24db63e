import quantile from '@stdlib/stats-base-dists-t-quantile';

/** Mean, sample standard deviation and 95% Student-t confidence interval of n replications. */
export interface Summary {
  mean: number;
  sd: number;
  ci95: [number, number];
  n: number;
}

/** Summary of the element-wise differences a[i] − b[i] of paired replications. */
export interface PairedSummary {
  meanDiff: number;
  sd: number;
  ci95: [number, number];
  n: number;
}

/** Quantile p of Student's t distribution with df (> 0) degrees of freedom. */
export function tQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`tQuantile: p must be in [0, 1], got ${p}`);
  if (!(df > 0 && df < Infinity)) {
    throw new RangeError(`tQuantile: degrees of freedom must be a finite number > 0, got ${df}`);
  }
  return quantile(p, df);
}

/** Half-width of the 95% t interval for a mean of n values with sample sd; 0 when n = 1. */
export function halfWidth95(sd: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`halfWidth95: n must be an integer >= 1, got ${n}`);
  }
  if (n === 1) return 0;
  return (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
}

/**
 * Sample mean, sample sd (n − 1) and 95% Student-t interval of `values` (finite numbers).
 * One value gives sd 0 and ci95 [mean, mean]: one replication cannot estimate an interval.
 * No value, or a non-finite one, throws a RangeError so nothing NaN reaches a JSON report.
 */
export function summarize(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) throw new RangeError('summarize: no values; need at least one replication');
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) throw new RangeError(`summarize: values[${i}] is ${x}; expected a finite number`);
    sum += x;
  }
  let mean = sum / n;
  // Two-pass with a correction term: the rounding error of sum / n is measured and removed,
  // so n equal values give exactly that value and sd exactly 0.
  let dev = 0;
  let dev2 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    dev += d;
    dev2 += d * d;
  }
  mean += dev / n;
  const sd = n < 2 ? 0 : Math.sqrt(Math.max(0, (dev2 - (dev * dev) / n) / (n - 1)));
  const h = halfWidth95(sd, n);
  return { mean, sd, ci95: [mean - h, mean + h], n };
}

/** summarize() of a[i] − b[i] for paired replications (same seeds); a and b must be equally long. */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): PairedSummary {
  if (a.length !== b.length) {
    throw new RangeError(`pairedDifference: a has ${a.length} values and b has ${b.length}; pairs need one value each per replication`);
  }
  const diff = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) diff[i] = a[i] - b[i];
  const s = summarize(diff);
  return { meanDiff: s.mean, sd: s.sd, ci95: s.ci95, n: s.n };
}

/**
 * Linearized values of the ratio estimator R = Σy / Σx over replications (a pooled per-unit or
 * per-customer KPI): z_i = R + (y_i − R·x_i) / x̄. Their mean is R, and their Student-t interval is
 * the delta-method interval of R, so summarize() and pairedDifference() apply to them unchanged.
 * A replication with x_i = 0 (no demand) adds nothing to R. Null when Σx = 0: nothing to estimate.
 */
export function ratioLinearization(y: ArrayLike<number>, x: ArrayLike<number>): Float64Array | null {
  if (y.length !== x.length) throw new RangeError(`ratioLinearization: ${y.length} numerators and ${x.length} denominators`);
  const n = x.length;
  let sumY = 0;
  let sumX = 0;
  for (let i = 0; i < n; i++) {
    sumY += y[i];
    sumX += x[i];
  }
  if (!(sumX > 0)) return null;
  const ratio = sumY / sumX;
  const meanX = sumX / n;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = ratio + (y[i] - ratio * x[i]) / meanX;
  return z;
}
