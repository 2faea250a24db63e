// The data behind pictures of a fit: a histogram that is a density, curves that are each family's
// density (or chance of each whole number), and Q–Q points whose fitted quantiles invert the CDF.
import { describe, expect, it } from 'vitest';
import * as random from '../../../../sim/random/index.js';
import { fitDistributions, fitWithCharts } from '../../../../sim/stats/fit/index.js';

function draw(distribution: random.Distribution, name: string, n = 1000): number[] {
  const rng = random.createStream(7, `charts-${name}`);
  return Array.from({ length: n }, () => distribution.sample(rng));
}

describe('fitWithCharts(values)', () => {
  const values = draw(random.lognormal(3, 1.2), 'lognormal');
  const { report, charts } = fitWithCharts(values);

  it('reports exactly what fitDistributions does', () => {
    expect(report).toEqual(fitDistributions(values));
  });

  it('gives a histogram of the values whose bars have area 1 and hold every value', () => {
    expect(charts.counts).toBe(false);
    expect(charts.bins.length).toBeGreaterThanOrEqual(5);
    expect(charts.bins.length).toBeLessThanOrEqual(50);
    expect(charts.bins.reduce((sum, b) => sum + b.count, 0)).toBe(values.length);
    expect(charts.bins.reduce((sum, b) => sum + b.density * (b.x1 - b.x0), 0)).toBeCloseTo(1, 10);
    expect(charts.bins[0].x0).toBe(Math.min(...values));
  });

  it("draws each family's density over the histogram's range, whose area there is about 1 for the true family", () => {
    const curve = charts.curves.filter((c) => c.family === 'lognormal');
    const area = curve.slice(1).reduce((sum, c, i) => sum + ((c.y + curve[i].y) / 2) * (c.x - curve[i].x), 0);
    expect(area).toBeGreaterThan(0.97);
    expect(area).toBeLessThan(1.01);
  });

  it('puts the true family’s Q–Q points near the diagonal, and its quantiles invert its CDF', () => {
    const qq = charts.qq.filter((q) => q.family === 'lognormal');
    expect(qq).toHaveLength(200);
    // The middle 90%: tails of 1,000 values wander.
    const middle = qq.filter((q) => q.p > 0.05 && q.p < 0.95);
    for (const q of middle) expect(Math.abs(q.fitted - q.observed) / q.observed).toBeLessThan(0.15);
    const best = report.candidates.find((c) => c.family === 'exponential')!;
    const median = charts.qq.filter((q) => q.family === 'exponential').find((q) => Math.abs(q.p - 0.5025) < 1e-9)!;
    expect(median.fitted).toBeCloseTo(-best.parameters.mean * Math.log(1 - 0.5025), 6);
  });

  it('for whole numbers: bins one number wide centred on them, and each family’s chance of every number', () => {
    const counts = draw(random.poisson(4), 'poisson', 500);
    const { report: r, charts: c } = fitWithCharts(counts);
    expect(c.counts).toBe(true);
    expect(c.bins.every((b) => b.x1 - b.x0 === 1 && Number.isInteger(b.x0 + 0.5))).toBe(true);
    const poisson = c.curves.filter((p) => p.family === 'poisson');
    expect(poisson.every((p) => Number.isInteger(p.x))).toBe(true);
    expect(poisson.reduce((sum, p) => sum + p.y, 0)).toBeGreaterThan(0.98);
    const mean = r.candidates.find((x) => x.family === 'poisson')!.parameters.mean;
    expect(poisson.find((p) => p.x === 4)!.y).toBeCloseTo((Math.exp(-mean) * mean ** 4) / 24, 10);
    // Poisson quantiles are whole numbers.
    expect(c.qq.filter((q) => q.family === 'poisson').every((q) => Number.isInteger(q.fitted))).toBe(true);
  });

  it('gives a constant one bar and no curves', () => {
    const { report: r, charts: c } = fitWithCharts([5, 5, 5, 5, 5, 5]);
    expect(r.constant).toBe(5);
    expect(c.curves).toEqual([]);
    expect(c.qq).toEqual([]);
    expect(c.bins.reduce((sum, b) => sum + b.count, 0)).toBe(6);
  });
});
