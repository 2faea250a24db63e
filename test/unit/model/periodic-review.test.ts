import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../sim/model/index.js';
import { constant } from '../../../sim/random/index.js';
import { boughtItem, demandFor, plant } from './fixtures.js';

describe('a periodic review at the instant of a customer order', () => {
  it('runs before the order, so an RS level S with lead time L covers L + 1 periods of demand', () => {
    // Demand of 1 at t = 1, 2, ...; review every 1 up to S = 10; lead time 4. Review first: the
    // order placed at t replaces the demand up to t - 1 and arrives at t + 4 before that instant's
    // demand, so the stock held on (t, t + 1) is S - 5 = 5 (demand first would leave S - 4 = 6).
    const result = simulatePlant(
      plant({
        time: { horizon: 110, warmup: 10 },
        items: { a: boughtItem({ type: 'RS', every: 1, orderUpTo: 10, offset: 0 }, { initial: 10 }, constant(4)) },
        demand: [demandFor('a', constant(1))],
      }),
      { seed: 1 },
    );
    expect(result.items.a.avgOnHand).toBe(5);
    expect(result.items.a.replenishmentOrders).toBe(100);
  });

  it('runs first also when the demand gap is longer than the review period', () => {
    // Demand of 3 every 3 (scheduled 3 ahead) against reviews every 1 (scheduled 1 ahead): without
    // the hook the demand at t = 3k fires first. Lead time 1: an order placed at 3k arrives at 3k + 1.
    const result = simulatePlant(
      plant({
        time: { horizon: 30, warmup: 3 },
        items: { a: boughtItem({ type: 'RS', every: 1, orderUpTo: 3, offset: 0 }, { initial: 3 }, constant(1)) },
        demand: [demandFor('a', constant(3), constant(3))],
      }),
      { seed: 1 },
    );
    // Review first: the review at 3k sees 3 on hand and orders nothing, the demand takes the 3, the
    // review at 3k + 1 orders 3, arriving at 3k + 2: stock is 0 on (3k, 3k + 2) and 3 on
    // (3k + 2, 3k + 3), average 1. Demand first, the review at 3k would order at once: average 2.
    expect(result.items.a.fillRate).toBe(1);
    expect(result.items.a.avgOnHand).toBeCloseTo(1, 12);
  });
});
