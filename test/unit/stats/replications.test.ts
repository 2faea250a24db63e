import { describe, expect, it } from 'vitest';
import { halfWidth95, replicationsFor } from '../../../sim/stats/index.js';

describe('replicationsFor', () => {
  it('replicationsFor(sd, h) is the smallest n whose Student-t half-width is within h', () => {
    for (const [sd, h] of [
      [1, 0.5],
      [3, 0.2],
      [10, 4],
      [0.02, 0.001],
    ]) {
      const n = replicationsFor(sd, h);
      expect(halfWidth95(sd, n)).toBeLessThanOrEqual(h * (1 + 1e-9));
      if (n > 2) expect(halfWidth95(sd, n - 1)).toBeGreaterThan(h);
    }
  });

  it('uses the t quantile of the n it proposes, not of the pilot: 1.96²·(sd/h)² and a little more', () => {
    // The normal approximation says 384.1; t(0.975, n − 1) > 1.96 adds about two replications.
    expect(replicationsFor(1, 0.1)).toBe(387);
  });

  it('asks for 2 when there is no spread, and for Infinity when the target is 0', () => {
    expect(replicationsFor(0, 0.1)).toBe(2);
    expect(replicationsFor(1, 0)).toBe(Infinity);
    expect(() => replicationsFor(-1, 0.1)).toThrow(/sd and halfWidth must be >= 0, got -1/);
  });
});
