// Units are conserved across a chain of stock points: at every instant what is on hand and in
// transit equals what started there, plus what suppliers delivered, minus what customers took —
// nothing is created or lost by transfers, partial shipments or rationing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulatePlant, type ItemSpec, type PlantSpec, type PolicySpec } from '../../sim/model/index.js';
import { exponential, poisson, uniform } from '../../sim/random/index.js';
import { boughtItem, demandFor, plant } from '../unit/model/fixtures.js';

const policy: fc.Arbitrary<PolicySpec> = fc.oneof(
  fc.record({ type: fc.constant('sQ' as const), reorderPoint: fc.integer({ min: 0, max: 10 }), quantity: fc.integer({ min: 1, max: 15 }) }),
  fc.record({ type: fc.constant('baseStock' as const), level: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ type: fc.constant('kanban' as const), cards: fc.integer({ min: 1, max: 4 }), containerSize: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ type: fc.constant('RS' as const), every: fc.integer({ min: 1, max: 4 }), orderUpTo: fc.integer({ min: 0, max: 20 }), offset: fc.constant(0) }),
);
const allocation: fc.Arbitrary<ItemSpec['allocation']> = fc.oneof(
  fc.constant({ kind: 'fifo' as const }),
  fc.constant({ kind: 'proportional' as const }),
  fc.constant({ kind: 'priority' as const, priority: ['shop1'] }),
);

/** A factory buying from a supplier, one to three warehouses below it, one or two shops under each; customers at the shops. */
const chain: fc.Arbitrary<{ spec: PlantSpec; shops: string[]; upstream: string[] }> = fc
  .record({
    warehouses: fc.integer({ min: 1, max: 3 }),
    shopsEach: fc.integer({ min: 1, max: 2 }),
    policies: fc.array(policy, { minLength: 10, maxLength: 10 }),
    allocations: fc.array(allocation, { minLength: 4, maxLength: 4 }),
    initial: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 10, maxLength: 10 }),
    delays: fc.array(fc.constantFrom(0, 0.5, 1), { minLength: 10, maxLength: 10 }),
  })
  .map((p) => {
    const items: PlantSpec['items'] = { factory: { ...boughtItem(p.policies[0], { initial: p.initial[0] }, uniform(0.5, 2)), allocation: p.allocations[0] } };
    const shops: string[] = [];
    let k = 1;
    const transfer = (from: string, i: number): ItemSpec => ({
      ...boughtItem(p.policies[i], { initial: p.initial[i] }),
      buy: null,
      transfer: { from, leadTime: exponential(0.7), orderDelay: p.delays[i], orderCost: 0 },
    });
    for (let w = 1; w <= p.warehouses; w++) {
      items[`warehouse${w}`] = { ...transfer('factory', k++), allocation: p.allocations[w] };
      for (let s = 0; s < p.shopsEach; s++) {
        const name = `shop${shops.length + 1}`;
        items[name] = transfer(`warehouse${w}`, k++);
        shops.push(name);
      }
    }
    const spec = plant({
      time: { horizon: 80, warmup: 5 },
      items,
      demand: shops.map((shop) => demandFor(shop, exponential(0.6), poisson(1.5))),
    });
    return { spec, shops, upstream: ['factory', ...Array.from({ length: p.warehouses }, (_, w) => `warehouse${w + 1}`)] };
  });

describe('a chain of stock points', () => {
  it('conserves units at every instant: on hand + in transit = initial + delivered by suppliers − taken by customers', () => {
    fc.assert(
      fc.property(chain, fc.integer({ min: 1, max: 1000 }), ({ spec, shops, upstream }, seed) => {
        const initial = Object.values(spec.items).reduce((sum, item) => sum + item.initial, 0);
        let purchased = 0;
        let transferred = 0;
        let ordered = 0;
        let worst = 0;
        let leastInTransit = 0;
        // Transfer orders that reached their source, from its demand counter (which the warm-up resets to 0).
        let reached = 0;
        const seen = new Map<string, number>();
        simulatePlant(spec, {
          seed,
          observer: {
            orderPlaced: (record) => {
              if (record.kind === 'purchase') purchased += record.quantity;
              if (record.kind === 'transfer') transferred += record.quantity;
            },
            customerOrder: (_item, quantity) => void (ordered += quantity),
            afterEvent: (_now, stocks) => {
              let held = 0;
              let transferOnOrder = 0;
              for (const [name, stock] of stocks) {
                held += stock.onHand;
                if (name !== 'factory') transferOnOrder += stock.onOrder;
              }
              // Upstream stock points see only transfer orders: those that reached them are their demand, and what
              // they have not shipped is their backlog; the rest of an order is on its way to them (the order delay).
              const unshipped = upstream.reduce((sum, name) => sum + stocks.get(name)!.backordered, 0);
              for (const name of upstream) {
                const now = stocks.get(name)!.demandedUnits;
                const before = seen.get(name) ?? 0;
                reached += now >= before ? now - before : now;
                seen.set(name, now);
              }
              const inTransit = transferOnOrder - unshipped - (transferred - reached);
              const delivered = ordered - shops.reduce((sum, name) => sum + stocks.get(name)!.backordered, 0);
              const supplied = purchased - stocks.get('factory')!.onOrder;
              leastInTransit = Math.min(leastInTransit, inTransit);
              worst = Math.max(worst, Math.abs(held + inTransit - (initial + supplied - delivered)));
            },
          },
        });
        expect(worst).toBeLessThan(1e-6);
        expect(leastInTransit).toBeGreaterThanOrEqual(-1e-9);
      }),
      { numRuns: 60, seed: 21 },
    );
  });
});
