import { describe, expect, it } from 'vitest';
import { datedSpan } from '../../../sim/report/index.js';

describe('datedSpan', () => {
  it('names time 0, the horizon and the end of the warm-up of a dated run', () => {
    expect(datedSpan({ unit: 'day', horizon: 196, warmup: 28, start: '2025-01-06' })).toBe('from 2025-01-06 to 2025-07-21 (measured from 2025-02-03)');
    expect(datedSpan({ unit: 'day', horizon: 366, warmup: 0, start: '2024-01-01' })).toBe('from 2024-01-01 to 2025-01-01');
    expect(datedSpan({ unit: 'hour', horizon: 36, warmup: 6, start: '2025-12-31' })).toBe(
      'from 2025-12-31 00:00 to 2026-01-01 12:00 (measured from 2025-12-31 06:00)',
    );
  });

  it('is null for a run without time.start', () => {
    expect(datedSpan({ unit: 'day', horizon: 100, warmup: 10 })).toBeNull();
  });
});
