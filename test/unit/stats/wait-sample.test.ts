import { describe, expect, it } from 'vitest';
import { WaitSample } from '../../../sim/stats/index.js';

function sampleOf(values: number[]): WaitSample {
  const sample = new WaitSample();
  for (const v of values) sample.add(v);
  return sample;
}

describe('WaitSample', () => {
  it('gives the smallest value with at least a share p of the observations at or below it', () => {
    const sample = sampleOf([5, 1, 3, 2, 4, 10, 9, 8, 7, 6]);
    expect(sample.quantiles([0.1, 0.5, 0.9, 0.95, 1])).toEqual([1, 5, 9, 10, 10]);
  });

  it('counts zeros without keeping them: 90% of orders filled at once put the 90th percentile at 0', () => {
    const sample = sampleOf([...Array<number>(90).fill(0), ...Array.from({ length: 10 }, (_, i) => i + 1)]);
    expect(sample.count).toBe(100);
    expect(sample.quantiles([0.9, 0.91, 0.95])).toEqual([0, 1, 5]);
  });

  it('includes extra observations (waits still running at the end of a window)', () => {
    const sample = sampleOf([0, 0, 0, 1]);
    expect(sample.quantiles([0.95])).toEqual([1]);
    expect(sample.quantiles([0.95], [20, 0])).toEqual([20]);
    expect(sample.quantiles([0.5], [20, 0])).toEqual([0]);
  });

  it('is 0 with nothing to measure, and forgets everything on reset', () => {
    expect(new WaitSample().quantiles([0.9])).toEqual([0]);
    const sample = sampleOf([3, 4, 5]);
    sample.reset();
    sample.add(1);
    expect(sample.count).toBe(1);
    expect(sample.quantiles([0.9])).toEqual([1]);
  });

  it('keeps growing past its initial capacity', () => {
    const sample = sampleOf(Array.from({ length: 1000 }, (_, i) => 1000 - i));
    expect(sample.quantiles([0.001, 0.9, 1])).toEqual([1, 900, 1000]);
  });
});
