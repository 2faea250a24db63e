import { describe, expect, it } from 'vitest';
import { mser5 } from '../../../sim/stats/index.js';

describe('mser5', () => {
  it('drops nothing from a stationary series', () => {
    const values = Array.from({ length: 500 }, (_, i) => 10 + Math.sin(i * 1.7));
    expect(mser5(values)).toBeLessThanOrEqual(25);
  });

  it('drops an initial transient', () => {
    // 100 observations climbing from 0 to 50, then noise around 50.
    const values = Array.from({ length: 1000 }, (_, i) => (i < 100 ? i / 2 : 50 + Math.sin(i * 1.3)));
    const drop = mser5(values);
    expect(drop).toBeGreaterThanOrEqual(90);
    expect(drop).toBeLessThanOrEqual(150);
    expect(drop % 5).toBe(0);
  });

  it('never drops more than half the batches, and nothing from a too-short series', () => {
    const falling = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(mser5(falling)).toBeLessThanOrEqual(50);
    expect(mser5([1, 2, 3, 4, 5, 6, 7])).toBe(0);
  });
});
