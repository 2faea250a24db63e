import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalPdf } from '../../../sim/random/normal-cdf.js';

// Φ(z) from Python's math.erfc, double precision.
const reference: [number, number][] = [
  [-8, 6.220960574271819e-16],
  [-5, 2.866515718791946e-7],
  [-2, 0.02275013194817922],
  [-1, 0.15865525393145707],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [2, 0.9772498680518208],
  [5, 0.9999997133484281],
];

describe('normal-cdf', () => {
  it.each(reference)('normalCdf(%s) is within a relative 1.2e-7 of the reference, tails included', (z, p) => {
    expect(Math.abs(normalCdf(z) - p) / p).toBeLessThan(1.2e-7);
  });

  it('erfc(x) + erfc(−x) is 2, erfc(0) is 1 within 1.2e-7, and erfc is 0 far in the right tail', () => {
    for (const x of [0.3, 1.7, 4]) expect(erfc(x) + erfc(-x)).toBeCloseTo(2, 14);
    expect(Math.abs(erfc(0) - 1)).toBeLessThan(1.2e-7);
    expect(erfc(40)).toBe(0);
  });

  it('normalPdf(0) is 1/√(2π)', () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });
});
