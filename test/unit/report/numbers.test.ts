import { describe, expect, it } from 'vitest';
import { formatEstimate, formatPercent } from '../../../sim/report/index.js';

describe('formatPercent', () => {
  it('never reads 100.0% for a share below 1, nor 0.0% for one above 0', () => {
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.9996)).toBe('99.96%');
    expect(formatPercent(0.99999)).toBe('>99.99%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(0.0004)).toBe('0.04%');
    expect(formatPercent(0.00001)).toBe('<0.01%');
    expect(formatPercent(0.123)).toBe('12.3%');
  });
});

describe('formatEstimate', () => {
  it('gives the mean ± the half-width of a symmetric interval', () => {
    expect(formatEstimate({ mean: 12, sd: 1, ci95: [11, 13], n: 10 }, 'totalCost')).toBe('12 ± 1');
  });

  it('says that one replication gives no interval', () => {
    expect(formatEstimate({ mean: 0.5, sd: 0, ci95: null, n: 1 }, 'fillRate')).toBe('50.0% (1 replication, no interval)');
  });

  it('says that nothing was measured rather than showing a conventional value', () => {
    expect(formatEstimate({ mean: 1, sd: 0, ci95: null, n: 0 }, 'fillRate')).toBe('no data');
  });

  it('says values equal in every replication are equal, not ± 0', () => {
    expect(formatEstimate({ mean: 6, sd: 0, ci95: [6, 6], n: 10 }, 'throughput')).toBe('6 (equal in every replication)');
    // Float sums that differ in their last bits are equal too; a real spread of 1e-9 is not.
    expect(formatEstimate({ mean: 5.993, sd: 2.6e-14, ci95: [5.993 - 2e-14, 5.993 + 2e-14], n: 10 }, 'wip')).toBe('5.993 (equal in every replication)');
    expect(formatEstimate({ mean: 5.993, sd: 1.4e-9, ci95: [5.993 - 1e-9, 5.993 + 1e-9], n: 10 }, 'wip')).not.toContain('equal');
  });

  it('shows the bounds of an interval cut at 0, where "±" would reach below it', () => {
    expect(formatEstimate({ mean: 0.5, sd: 1, ci95: [0, 1.2], n: 10 }, 'lostUnits')).toBe('0.5 (0 to 1.2)');
  });
});
