// What a picture of a fit needs, computed once beside the fit: the data as a histogram (a density,
// so every family's density can be drawn over it), each family's density or probabilities, and
// each family's Q–Q points. Plain records, ready for any chart library.
import type { Family, Fitted } from './family.js';
import { fitModels, type FitReport } from './fit.js';
import { logMassAt } from './likelihood.js';
import type { Sample } from './sample.js';

/** One bar of the histogram: [x0, x1), how many values fall in it and count / (n · width). */
export interface FitBin {
  x0: number;
  x1: number;
  count: number;
  density: number;
}

/** A point of a family's curve: its density at x, or for whole numbers its probability of x. */
export interface FitCurvePoint {
  family: Family;
  x: number;
  y: number;
}

/** A point of a family's Q–Q plot: the fitted quantile against the data's at the same probability. */
export interface FitQqPoint {
  family: Family;
  p: number;
  fitted: number;
  observed: number;
}

export interface FitCharts {
  bins: FitBin[];
  /** Whole numbers (counts): `curves` are each family's chance of every whole number, as the fit compared them. */
  counts: boolean;
  /** Every candidate's curve over the histogram's range, in the report's order. */
  curves: FitCurvePoint[];
  /** Every candidate's Q–Q points, in the report's order. */
  qq: FitQqPoint[];
}

/** Bars of a histogram at most; curves and Q–Q plots at most this many points per family. */
const MAX_BINS = 50;
const CURVE_POINTS = 160;
const QQ_POINTS = 200;

/** fitDistributions(values) and the data its pictures need: histogram, curves and Q–Q points of every candidate. */
export function fitWithCharts(values: readonly number[]): { report: FitReport; charts: FitCharts } {
  const { report, sample, models } = fitModels(values);
  const bins = histogram(sample);
  const ordered = report.candidates.map((c) => models.get(c.family)!);
  const [from, to] = [bins[0].x0, bins[bins.length - 1].x1];
  return {
    report,
    charts: {
      bins,
      counts: report.counts,
      curves: ordered.flatMap((model) => (report.counts ? massCurve(model, from, to) : densityCurve(model, from, to))),
      qq: ordered.flatMap((model) => qqPoints(model, sample)),
    },
  };
}

/**
 * Bins as wide as Freedman–Diaconis suggests (2·IQR·n^(−1/3); Sturges' count when the IQR is 0),
 * from 5 to MAX_BINS of them; whole numbers get bins centred on them, one number wide when that
 * makes MAX_BINS or fewer.
 */
export function histogram(sample: Sample): FitBin[] {
  const { sorted, n, min, max } = sample;
  let start: number;
  let width: number;
  let count: number;
  if (sample.counts !== null) {
    width = Math.max(1, Math.ceil((max - min + 1) / MAX_BINS));
    start = min - 0.5;
    count = Math.max(1, Math.ceil((max - min + 1) / width));
  } else {
    const range = max - min || Math.abs(max) || 1;
    const iqr = quantileOf(sorted, 0.75) - quantileOf(sorted, 0.25);
    const suggested = iqr > 0 ? Math.ceil(range / (2 * iqr * n ** (-1 / 3))) : Math.ceil(Math.log2(n)) + 1;
    count = Math.min(MAX_BINS, Math.max(5, suggested));
    width = range / count;
    start = min;
  }
  const bins: FitBin[] = Array.from({ length: count }, (_, i) => ({ x0: start + i * width, x1: start + (i + 1) * width, count: 0, density: 0 }));
  for (const x of sorted) bins[Math.min(count - 1, Math.max(0, Math.floor((x - start) / width)))].count++;
  for (const bin of bins) bin.density = bin.count / (n * width);
  return bins;
}

function densityCurve(model: Fitted, from: number, to: number): FitCurvePoint[] {
  const points: FitCurvePoint[] = [];
  for (let i = 0; i < CURVE_POINTS; i++) {
    const x = from + ((to - from) * i) / (CURVE_POINTS - 1);
    const y = Math.exp(model.logDensity(x));
    // An infinite density (a gamma with shape below 1 at 0) is left out, not drawn to the sky.
    if (Number.isFinite(y)) points.push({ family: model.family, x, y });
  }
  return points;
}

// The chance of each whole number in range, as the fit scored counts (a continuous family: of rounding to it).
function massCurve(model: Fitted, from: number, to: number): FitCurvePoint[] {
  const first = Math.max(0, Math.ceil(from));
  const step = Math.max(1, Math.ceil((to - first) / CURVE_POINTS));
  const points: FitCurvePoint[] = [];
  for (let k = first; k <= to; k += step) {
    const y = Math.exp(model.family === 'poisson' ? model.logDensity(k) : logMassAt(model, k));
    if (Number.isFinite(y)) points.push({ family: model.family, x: k, y });
  }
  return points;
}

/** At most QQ_POINTS points at plotting positions (i − ½)/m: the data's quantile and the family's. */
function qqPoints(model: Fitted, sample: Sample): FitQqPoint[] {
  const { sorted, n } = sample;
  const m = Math.min(n, QQ_POINTS);
  const points: FitQqPoint[] = [];
  for (let i = 0; i < m; i++) {
    const p = (i + 0.5) / m;
    const observed = m === n ? sorted[i] : sorted[Math.min(n - 1, Math.floor(p * n))];
    points.push({ family: model.family, p, fitted: quantile(model, p, sample), observed });
  }
  return points;
}

/** The family's p-quantile, by bisection on its CDF: the smallest whole number with F(k) ≥ p for poisson. */
export function quantile(model: Fitted, p: number, sample: Pick<Sample, 'min' | 'max'>): number {
  const span = sample.max - sample.min || 1;
  let lo = sample.min - span;
  let hi = sample.max + span;
  for (let i = 0; i < 60 && model.cdf(lo) > p; i++) lo -= (hi - lo) * 2;
  for (let i = 0; i < 60 && model.cdf(hi) < p; i++) hi += (hi - lo) * 2;
  if (model.family === 'poisson') {
    let [a, b] = [Math.max(0, Math.floor(lo)), Math.ceil(hi)];
    while (a < b) {
      const k = Math.floor((a + b) / 2);
      if (model.cdf(k) >= p) b = k;
      else a = k + 1;
    }
    return a;
  }
  for (let i = 0; i < 100 && hi - lo > 1e-10 * Math.max(1, Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    if (model.cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// The p-quantile of sorted values, interpolated between neighbours.
function quantileOf(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const below = Math.floor(at);
  return sorted[below] + (sorted[Math.min(sorted.length - 1, below + 1)] - sorted[below]) * (at - below);
}
