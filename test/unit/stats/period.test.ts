import { describe, expect, it } from 'vitest';
import { dominantPeriod } from '../../../sim/stats/index.js';

/** A deterministic pseudo-random sequence in [-0.5, 0.5), so the tests need no RNG. */
const noise = (i: number): number => ((((Math.sin(i * 12.9898) * 43758.5453) % 1) + 1) % 1) - 0.5;

describe('dominantPeriod', () => {
  it('finds the period of a sawtooth, in observations', () => {
    const sawtooth = Array.from({ length: 500 }, (_, i) => 40 - (i % 25));
    expect(dominantPeriod(sawtooth)).toBe(25);
  });

  it('finds it through noise, and for a period that is not a whole number of observations', () => {
    const wave = Array.from({ length: 500 }, (_, i) => 10 * Math.sin((2 * Math.PI * i) / 37.5) + 3 * noise(i));
    expect(Math.abs(dominantPeriod(wave) - 37.5)).toBeLessThanOrEqual(1);
  });

  it('gives 0 for noise, a constant, a trend and a slowly decaying (persistent) series', () => {
    expect(dominantPeriod(Array.from({ length: 500 }, (_, i) => noise(i)))).toBe(0);
    expect(dominantPeriod(new Array(500).fill(3))).toBe(0);
    expect(dominantPeriod(Array.from({ length: 500 }, (_, i) => i))).toBe(0);
    // An AR(1) with coefficient 0.98: its autocorrelation decays slowly and wiggles, but never cycles.
    const persistent = [0];
    for (let i = 1; i < 500; i++) persistent.push(0.98 * persistent[i - 1] + noise(i));
    expect(dominantPeriod(persistent)).toBe(0);
  });

  it('ignores periods longer than half the series: too few cycles to tell', () => {
    expect(dominantPeriod(Array.from({ length: 100 }, (_, i) => i % 60))).toBe(0);
  });
});
