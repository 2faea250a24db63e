import { describe, expect, it } from 'vitest';
import { thirdMeans } from '../../../sim/stats/index.js';

describe('thirdMeans', () => {
  it('thirdMeans(values) averages the first, middle and last thirds', () => {
    expect(thirdMeans([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([2, 5, 8]);
  });

  it('gives the outer thirds equal lengths and the remainder to the middle', () => {
    // 10 values: 3, 4, 3.
    expect(thirdMeans([0, 0, 3, 1, 1, 1, 1, 6, 6, 6])).toEqual([1, 1, 6]);
  });

  it('needs at least 3 values', () => {
    expect(() => thirdMeans([1, 2])).toThrow(/need at least 3 values, got 2/);
  });
});
