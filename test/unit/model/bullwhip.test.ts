// The bullwhip KPIs: the variance of what an item orders and of what is demanded of it, per
// bucket of time.bucket, and their ratio.
import { describe, expect, it } from 'vitest';
import { simulatePlant, type PolicySpec } from '../../../sim/model/index.js';
import { constant, exponential, poisson } from '../../../sim/random/index.js';
import { summarize } from '../../../sim/stats/index.js';
import { boughtItem, demandFor, plant } from './fixtures.js';

const run = (policy: PolicySpec, bucket = 1) =>
  simulatePlant(
    plant({
      time: { horizon: 2000, warmup: 100, bucket },
      items: { part: boughtItem(policy, { initial: 20 }, constant(2)) },
      demand: [demandFor('part', exponential(0.5), poisson(2))],
    }),
    { seed: 3 },
  ).items.part;

describe('bullwhip', () => {
  it('is 1 for one-for-one replenishment: every demand is ordered again at once', () => {
    const part = run({ type: 'baseStock', level: 12 });
    expect(part.orderVariance).toBeGreaterThan(0);
    expect(part.orderVariance).toBe(part.demandVariance);
    expect(part.bullwhip).toBe(1);
  });

  it('rises with batching: orders of 40 swing far more than the demand they answer', () => {
    const part = run({ type: 'sQ', reorderPoint: 10, quantity: 40 });
    expect(part.bullwhip).toBeGreaterThan(3);
    // The demand's variance per bucket does not depend on the policy.
    expect(part.demandVariance).toBe(run({ type: 'baseStock', level: 12 }).demandVariance);
  });

  it('sums over buckets of time.bucket: demand of 4 every 0.5 has no variance per bucket of 1, and orders of 40 every 5 have the variance of 40, 0, 0, 0, 0', () => {
    const spec = plant({
      time: { horizon: 1000.25, warmup: 0.25, bucket: 1 },
      items: { part: boughtItem({ type: 'sQ', reorderPoint: 10, quantity: 40 }, { initial: 50 }, constant(0.1)) },
      demand: [demandFor('part', constant(0.5), constant(4))],
    });
    const part = simulatePlant(spec, { seed: 1 }).items.part;
    expect(part.demandVariance).toBeCloseTo(0, 9);
    const orders = Array.from({ length: 1000 }, (_, k) => ((k + 1) % 5 === 0 ? 40 : 0));
    expect(part.orderVariance).toBeCloseTo(summarize(orders).sd ** 2, 6);
  });
});

describe('the flow series', () => {
  it('keeps the units ordered and demanded per bucket of the first replication: they add up to the orders placed and the demand', () => {
    let placed = 0;
    let asked = 0;
    const spec = plant({
      time: { horizon: 50, warmup: 5, bucket: 2 },
      items: { part: boughtItem({ type: 'sQ', reorderPoint: 10, quantity: 25 }, { initial: 30 }, constant(2)) },
      demand: [demandFor('part', exponential(0.5), poisson(2))],
    });
    const run = simulatePlant(spec, {
      seed: 3,
      series: { maxPoints: 100 },
      observer: { orderPlaced: (o) => void (placed += o.quantity), customerOrder: (_item, units) => void (asked += units) },
    });
    const flows = run.series!.flows!;
    expect(flows.t).toEqual(Array.from({ length: 25 }, (_, k) => 2 * k));
    expect(flows.items.part.ordered.reduce((a, b) => a + b, 0)).toBe(placed);
    expect(flows.items.part.demanded.reduce((a, b) => a + b, 0)).toBe(asked);
  });
});
