import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../sim/index.js';
import { RecentRuns } from '../../../ui/worker/recent-runs.js';

/** A run of `items` items and no machine, with level samples at `samples` instants (the size the store counts). */
function run(items = 1, samples = 0): RunResult {
  const names = Array.from({ length: items }, (_, i) => `item${i}`);
  const series = () => Object.fromEntries(names.map((n) => [n, new Float64Array(samples)]));
  return {
    items: Object.fromEntries(names.map((n) => [n, {}])),
    machines: {},
    levels: samples === 0 ? null : { t: new Float64Array(samples), onHand: series(), backorders: series(), wip: series(), totalWip: new Float64Array(samples) },
    series: null,
  } as unknown as RunResult;
}

const runs = (n: number, items = 1, samples = 0) => Array.from({ length: n }, () => run(items, samples));

describe('RecentRuns', () => {
  it('gives back the runs kept under a key, and nothing under another', () => {
    const store = new RecentRuns();
    const kept = runs(3);
    store.set('a', kept);
    expect(store.get('a')).toBe(kept);
    expect(store.get('b')).toBeUndefined();
  });

  it('drops the least recently used strategy first once it holds more than its entries', () => {
    const store = new RecentRuns(1e9, 2);
    store.set('a', runs(1));
    store.set('b', runs(1));
    store.get('a'); // a is now the most recently used
    store.set('c', runs(1));
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBeDefined();
    expect(store.get('c')).toBeDefined();
    expect(store.count).toBe(2);
  });

  it('keeps its runs within its size budget, counting level samples, and refuses runs larger than the budget alone', () => {
    // One run of one item: 500 + 1,500 bytes; with 100 level samples, 8 × 100 × 5 = 4,000 more.
    const store = new RecentRuns(10_000, 100);
    store.set('small', runs(5)); // 10,000
    expect(store.count).toBe(1);
    store.set('sampled', runs(1, 1, 100)); // 6,000: the first goes
    expect(store.get('small')).toBeUndefined();
    expect(store.get('sampled')).toBeDefined();
    store.set('huge', runs(2, 1, 100)); // 12,000 alone: not kept, nothing dropped for it
    expect(store.get('huge')).toBeUndefined();
    expect(store.get('sampled')).toBeDefined();
  });

  it('replaces the runs under a key, and forgets everything when cleared', () => {
    const store = new RecentRuns();
    const newer = runs(2);
    store.set('a', runs(2));
    store.set('a', newer);
    expect(store.get('a')).toBe(newer);
    expect(store.count).toBe(1);
    store.clear();
    expect(store.get('a')).toBeUndefined();
    expect(store.count).toBe(0);
  });
});
