import digamma from '@stdlib/math-base-special-digamma';
import { describe, expect, it } from 'vitest';
import { gammaShape } from '../../../../sim/stats/fit/gamma.js';

describe('gammaShape(s)', () => {
  it('solves ln k − ψ(k) = s from s = 1e-4 (k about 5000) to s = 10 (k about 0.05)', () => {
    for (const s of [1e-4, 1e-3, 0.01, 0.1, 0.5, 1, 2, 5, 10]) {
      const k = gammaShape(s);
      expect(k).toBeGreaterThan(0);
      expect(Math.abs(Math.log(k) - digamma(k) - s) / s, `s = ${s}`).toBeLessThan(1e-9);
    }
  });
});
