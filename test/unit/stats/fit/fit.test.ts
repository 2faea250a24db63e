// Input analysis: seeded samples from each family of the scenario are fitted back. Tolerances are
// about three standard errors of each estimate at n = 2000; every sample is drawn from a named
// stream of sim/random, so each run sees the same numbers.
import { describe, expect, it } from 'vitest';
import * as random from '../../../../sim/random/index.js';
import { MIN_VALUES, fitDistributions, type Candidate, type Family, type FitReport } from '../../../../sim/stats/fit/index.js';

const N = 2000;

function draw(distribution: random.Distribution, name: string, n = N): number[] {
  const rng = random.createStream(13, `fit-${name}`);
  return Array.from({ length: n }, () => distribution.sample(rng));
}

function candidate(report: FitReport, family: Family): Candidate {
  const found = report.candidates.find((c) => c.family === family);
  if (found === undefined) throw new Error(`${family} was not fitted`);
  return found;
}

// [value, tolerance] per parameter, as the scenario writes the family; and a family the data clearly are not.
const cases: { family: Family; distribution: random.Distribution; expected: Record<string, [number, number]>; wrong: Family }[] = [
  { family: 'exponential', distribution: random.exponential(2), expected: { mean: [2, 0.14] }, wrong: 'normal' },
  { family: 'gamma', distribution: random.gamma(3, 1.5), expected: { mean: [3, 0.11], sd: [1.5, 0.08] }, wrong: 'uniform' },
  { family: 'lognormal', distribution: random.lognormal(2, 1), expected: { mean: [2, 0.07], sd: [1, 0.1] }, wrong: 'normal' },
  { family: 'normal', distribution: random.normal(10, 2), expected: { mean: [10, 0.14], sd: [2, 0.1] }, wrong: 'exponential' },
  { family: 'uniform', distribution: random.uniform(2, 8), expected: { min: [2, 0.02], max: [8, 0.02] }, wrong: 'exponential' },
  { family: 'triangular', distribution: random.triangular(1, 3, 9), expected: { min: [1, 0.2], mode: [3, 0.4], max: [9, 0.3] }, wrong: 'exponential' },
  { family: 'poisson', distribution: random.poisson(4), expected: { mean: [4, 0.14] }, wrong: 'uniform' },
];

describe('fitDistributions(values)', () => {
  for (const { family, distribution, expected, wrong } of cases) {
    describe(`on ${N} draws of a ${family}`, () => {
      const report = fitDistributions(draw(distribution, family));

      it(`recovers the ${family}'s parameters`, () => {
        const fit = candidate(report, family);
        for (const [name, [value, tolerance]] of Object.entries(expected)) expect(Math.abs(fit.parameters[name] - value), name).toBeLessThan(tolerance);
      });

      it(`ranks the ${family} first by AIC`, () => {
        expect(report.candidates[0].family).toBe(family);
        expect(report.candidates[0].deltaAic).toBe(0);
        for (const c of report.candidates.slice(1)) expect(c.deltaAic).toBeGreaterThan(0);
      });

      it(`gives the ${family} a large p-value and the ${wrong} a tiny one`, () => {
        expect(candidate(report, family).gof.pValue).toBeGreaterThan(0.05);
        expect(candidate(report, family).rejected).toBe(false);
        expect(candidate(report, wrong).gof.pValue).toBeLessThan(1e-6);
        expect(candidate(report, wrong).rejected).toBe(true);
        expect(report.allRejected).toBe(false);
        expect(report.fallback).toBeNull();
      });
    });
  }

  it('tests measurements by Kolmogorov–Smirnov and whole numbers by chi-square, as counts', () => {
    const measured = fitDistributions(draw(random.gamma(3, 1.5), 'gamma'));
    expect(measured.counts).toBe(false);
    expect(measured.candidates.every((c) => c.gof.test === 'ks')).toBe(true);
    const counted = fitDistributions(draw(random.poisson(4), 'poisson'));
    expect(counted.counts).toBe(true);
    expect(counted.candidates.every((c) => c.gof.test === 'chi-square' && c.gof.df! >= 1)).toBe(true);
    // Poisson(4) puts more than 5 expected values in each of 0 … 9: at least 10 cells, less 1 and the mean.
    expect(candidate(counted, 'poisson').gof.df).toBeGreaterThanOrEqual(8);
  });

  it('recovers parameters from a small sample with the exact Kolmogorov–Smirnov p-values', () => {
    const report = fitDistributions(draw(random.gamma(3, 1.5), 'small-gamma', 400));
    const gamma = candidate(report, 'gamma');
    expect(gamma.parameters.mean).toBeCloseTo(3, 0);
    expect(gamma.gof.pValue).toBeGreaterThan(0.05);
    expect(candidate(report, 'uniform').gof.pValue).toBeLessThan(1e-6);
    expect(report.smallSample).toBe(false);
  });

  it('says when a sample is small (fewer than 30 values)', () => {
    const report = fitDistributions(draw(random.exponential(2), 'tiny', 12));
    expect(report.smallSample).toBe(true);
    expect(report.candidates.length).toBe(6);
  });

  it('keeps zeros, counts them, and leaves out the families that draw only values > 0', () => {
    const values = [0, 0, ...draw(random.exponential(2), 'zeros', 200)];
    const report = fitDistributions(values);
    expect(report.zeros).toBe(2);
    expect(report.n).toBe(202);
    expect(report.skipped).toEqual([
      { family: 'gamma', reason: 'zeros' },
      { family: 'lognormal', reason: 'zeros' },
    ]);
    expect(report.candidates.map((c) => c.family)).not.toContain('gamma');
    expect(candidate(report, 'exponential').parameters.mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 12);
  });

  it('gives a constant for values that are all equal, and fits nothing', () => {
    const report = fitDistributions([4, 4, 4, 4, 4, 4]);
    expect(report.constant).toBe(4);
    expect(report.candidates).toEqual([]);
  });

  it('offers the data themselves as a discrete distribution when every family is rejected', () => {
    // Half 1s, half 10s: no family of the scenario looks like that.
    const report = fitDistributions([...Array<number>(100).fill(1), ...Array<number>(100).fill(10)]);
    expect(report.allRejected).toBe(true);
    expect(report.fallback).toEqual({ discrete: { values: [1, 10], weights: [100, 100] } });
  });

  it('offers the values as an empirical distribution when few measurements fit no family', () => {
    const values = [...Array.from({ length: 40 }, (_, i) => 1 + i / 1000), ...Array.from({ length: 40 }, (_, i) => 50 + i / 1000)];
    const report = fitDistributions(values);
    expect(report.allRejected).toBe(true);
    expect(report.fallback).toEqual({ empirical: values });
  });

  it('gives the normal the share of draws a scenario censors at 0', () => {
    const report = fitDistributions(draw(random.normal(10, 2), 'normal'));
    expect(candidate(report, 'normal').censoredShare).toBeLessThan(1e-5);
    const near0 = fitDistributions([0.5, 1, 1.5, 2, 2.5, 3, 0.2, 1.1]);
    expect(candidate(near0, 'normal').censoredShare).toBeGreaterThan(0.05);
  });

  it(`refuses fewer than ${MIN_VALUES} values and values that are negative or not finite`, () => {
    expect(() => fitDistributions([1, 2, 3, 4])).toThrow(`expected at least ${MIN_VALUES} values, got 4`);
    expect(() => fitDistributions([1, 2, -3, 4, 5])).toThrow('got -3 at index 2');
    expect(() => fitDistributions([1, 2, Number.NaN, 4, 5])).toThrow('got NaN at index 2');
  });

  it('ranks by AIC = 2k − 2 ln L, each ΔAIC from the best', () => {
    const report = fitDistributions(draw(random.lognormal(2, 1), 'lognormal'));
    const k: Record<Family, number> = { exponential: 1, poisson: 1, gamma: 2, lognormal: 2, normal: 2, uniform: 2, triangular: 3 };
    for (const c of report.candidates) {
      expect(c.aic).toBeCloseTo(2 * k[c.family] - 2 * c.logLikelihood, 9);
      expect(c.deltaAic).toBeCloseTo(c.aic - report.candidates[0].aic, 9);
    }
    expect(report.candidates.map((c) => c.aic)).toEqual([...report.candidates.map((c) => c.aic)].sort((a, b) => a - b));
  });
});
