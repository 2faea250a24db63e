import { chiSquareTest } from './chi-square.js';
import { fitExponential } from './exponential.js';
import { FAMILIES, type Family, type Fitted } from './family.js';
import { fitGamma } from './gamma.js';
import { ksTest, type GoodnessOfFit } from './ks.js';
import { logLikelihood } from './likelihood.js';
import { fitLognormal } from './lognormal.js';
import { fitNormal } from './normal.js';
import { fitPoisson } from './poisson.js';
import { describeSample, type Sample } from './sample.js';
import { fitTriangular } from './triangular.js';
import { fitUniform } from './uniform.js';

/** The fewest values fitted: with fewer, a three-parameter family would all but interpolate them. */
export const MIN_VALUES = 5;
/** Below this many values a ranking is shaky: the report says so. */
export const SMALL_SAMPLE = 30;
/** A candidate whose goodness-of-fit p-value is below this is rejected. */
export const ALPHA = 0.05;
/** A discrete fallback lists at most this many distinct values; an empirical one at most this many values. */
const MAX_FALLBACK_VALUES = 30;
const MAX_EMPIRICAL_VALUES = 100;

/** One family fitted, judged and ranked. */
export interface Candidate {
  family: Family;
  /** As a scenario writes the family, so `{ [family]: parameters }` is a scenario distribution. */
  parameters: Record<string, number>;
  logLikelihood: number;
  /** Akaike's information criterion, 2·(estimated parameters) − 2·logLikelihood: lower is better. */
  aic: number;
  /** aic minus the best candidate's. */
  deltaAic: number;
  /** Kolmogorov–Smirnov for measurements, chi-square for counts. */
  gof: GoodnessOfFit;
  /** The goodness-of-fit p-value is below ALPHA. */
  rejected: boolean;
  /** normal only: the share of its draws below 0, which a scenario's normal turns into 0. */
  censoredShare?: number;
}

/** A distribution to use when none of the families fits: the data's own values. */
export type Fallback = { discrete: { values: number[]; weights: number[] } } | { empirical: number[] };

/** Every family fitted to one sample, best (lowest AIC) first. */
export interface FitReport {
  n: number;
  /** How many values are 0 (kept: they are data). */
  zeros: number;
  /** Whole numbers fitted and tested as counts (chi-square); otherwise measurements (KS). */
  counts: boolean;
  /** The value every draw has, when all values are equal (nothing is fitted then). */
  constant: number | null;
  candidates: Candidate[];
  /** Families not fitted, and why: lognormal and gamma need every value > 0. */
  skipped: { family: Family; reason: 'zeros' }[];
  /** Fewer than SMALL_SAMPLE values. */
  smallSample: boolean;
  /** Every candidate that could be tested is rejected at ALPHA. */
  allRejected: boolean;
  /** When all are rejected: the values themselves, as discrete (few whole numbers) or empirical (few values); else null. */
  fallback: Fallback | null;
}

const FITTERS: Record<Family, (sample: Sample) => (Fitted & { censoredShare?: number }) | null> = {
  exponential: fitExponential,
  gamma: fitGamma,
  lognormal: fitLognormal,
  normal: fitNormal,
  triangular: fitTriangular,
  uniform: fitUniform,
  poisson: fitPoisson,
};

/**
 * Fits every family of the scenario that suits the values (finite, >= 0, at least MIN_VALUES) by maximum
 * likelihood, tests each fit (Kolmogorov–Smirnov, or chi-square for whole numbers) and ranks them by AIC.
 */
export function fitDistributions(values: readonly number[]): FitReport {
  return fitModels(values).report;
}

/**
 * fitDistributions's work, with what the report leaves out: the sample and each candidate's fitted
 * distribution (its density and CDF), by family, for pictures of the fit (charts.ts).
 */
export function fitModels(values: readonly number[]): { report: FitReport; sample: Sample; models: Map<Family, Fitted> } {
  if (values.length < MIN_VALUES) throw new RangeError(`fitDistributions: expected at least ${MIN_VALUES} values, got ${values.length}`);
  const sample = describeSample(values);
  const report = { n: sample.n, zeros: sample.zeros, counts: sample.counts !== null, smallSample: sample.n < SMALL_SAMPLE };
  const models = new Map<Family, Fitted>();
  if (sample.min === sample.max) {
    return { report: { ...report, constant: sample.min, candidates: [], skipped: [], allRejected: false, fallback: null }, sample, models };
  }
  const fitted: Candidate[] = [];
  const skipped: FitReport['skipped'] = [];
  for (const family of FAMILIES) {
    const fit = FITTERS[family](sample);
    if (fit !== null) {
      fitted.push(judge(fit, sample));
      models.set(family, fit);
    } else if (sample.logs === null && (family === 'lognormal' || family === 'gamma')) skipped.push({ family, reason: 'zeros' });
  }
  // A stable sort: ties keep the order of FAMILIES.
  const candidates = fitted.sort((a, b) => a.aic - b.aic);
  for (const c of candidates) c.deltaAic = c.aic - candidates[0].aic;
  const tested = candidates.filter((c) => !Number.isNaN(c.gof.pValue));
  const allRejected = tested.length > 0 && tested.every((c) => c.rejected);
  return { report: { ...report, constant: null, candidates, skipped, allRejected, fallback: allRejected ? fallbackOf(sample) : null }, sample, models };
}

function judge(fit: Fitted & { censoredShare?: number }, sample: Sample): Candidate {
  const ll = logLikelihood(fit, sample);
  const gof = sample.counts === null ? ksTest(sample.sorted, fit.cdf) : chiSquareTest(sample.counts, fit);
  const candidate: Candidate = {
    family: fit.family,
    parameters: { ...fit.parameters },
    logLikelihood: ll,
    aic: 2 * fit.estimated - 2 * ll,
    deltaAic: 0,
    gof,
    rejected: gof.pValue < ALPHA,
  };
  if (fit.censoredShare !== undefined) candidate.censoredShare = fit.censoredShare;
  return candidate;
}

function fallbackOf(sample: Sample): Fallback | null {
  if (sample.counts !== null) {
    const values: number[] = [];
    const weights: number[] = [];
    sample.counts.forEach((count, k) => {
      if (count === 0) return;
      values.push(k);
      weights.push(count);
    });
    if (values.length <= MAX_FALLBACK_VALUES) return { discrete: { values, weights } };
  }
  return sample.n <= MAX_EMPIRICAL_VALUES ? { empirical: [...sample.sorted] } : null;
}
