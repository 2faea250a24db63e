// Stock points that feed each other (DESIGN "Supply chains"): a transfer order reaches its source
// after the order delay, takes what it holds (a partial shipment), waits there for the rest, and
// each shipment arrives a lead time later; arriving stock is shared first come, first served, by
// priority or in proportion.
import { describe, expect, it } from 'vitest';
import { simulatePlant, type ItemSpec, type PlantSpec, type ReplenishmentRecord } from '../../../sim/model/index.js';
import { constant, exponential, uniform } from '../../../sim/random/index.js';
import { boughtItem, demandFor, plant } from './fixtures.js';

const transferred = (from: string, policy: ItemSpec['policy'], overrides: Partial<ItemSpec> = {}, leadTime = constant(1), orderDelay = 0): ItemSpec => ({
  ...boughtItem(policy, overrides),
  buy: null,
  transfer: { from, leadTime, orderDelay, orderCost: 0 },
});

describe('transfers between stock points', () => {
  it('with ample stock upstream, each shop behaves exactly like a shop buying from an outside supplier', () => {
    const shop = (source: 'transfer' | 'buy'): ItemSpec => {
      const policy: ItemSpec['policy'] = { type: 'sQ', reorderPoint: 4, quantity: 6 };
      const leadTime = uniform(0.5, 2);
      return source === 'buy'
        ? boughtItem(policy, { initial: 8, holdingCost: 1, backorderCost: 3 }, leadTime)
        : transferred('warehouse', policy, { initial: 8, holdingCost: 1, backorderCost: 3 }, leadTime);
    };
    const spec = (source: 'transfer' | 'buy'): PlantSpec =>
      plant({
        time: { horizon: 2000, warmup: 50 },
        items: {
          ...(source === 'transfer' ? { warehouse: boughtItem({ type: 'none' }, { initial: 1e9 }) } : {}),
          north: shop(source),
          south: shop(source),
        },
        demand: [demandFor('north', exponential(0.5)), demandFor('south', exponential(0.8))],
      });
    const chain = simulatePlant(spec('transfer'), { seed: 4 });
    const alone = simulatePlant(spec('buy'), { seed: 4 });
    // The same random streams (lead times are keyed by the shop), so the same numbers to the last bit.
    expect(chain.items.north).toEqual(alone.items.north);
    expect(chain.items.south).toEqual(alone.items.south);
    expect(chain.items.warehouse.fillRate).toBe(1);
  });

  it('ships what the source holds at once and the rest as it arrives, each shipment after the order delay and lead time', () => {
    const orders: ReplenishmentRecord[] = [];
    const arrivals: [number, number][] = [];
    let before = 0;
    const spec = plant({
      time: { horizon: 30, warmup: 0 },
      items: {
        // The warehouse holds 4; its one purchase of 10 arrives at 5.
        warehouse: boughtItem({ type: 'none' }, { initial: 4 }, constant(5)),
        shop: transferred('warehouse', { type: 'none' }, { initial: 0 }, constant(2), 1),
      },
    });
    // Two orders by hand: the shop's 7 at 0 (4 shipped at 1, 3 at 5), the warehouse's 10 at 0.
    spec.items.shop.policy = { type: 'batch', lotSize: 7, every: 100, offset: 0 };
    spec.items.warehouse.policy = { type: 'batch', lotSize: 10, every: 100, offset: 0 };
    simulatePlant(spec, {
      seed: 1,
      observer: {
        orderPlaced: (record) => orders.push(record),
        afterEvent: (now, stocks) => {
          const onHand = stocks.get('shop')!.onHand;
          if (onHand !== before) arrivals.push([now, onHand - before]);
          before = onHand;
        },
      },
    });
    expect(arrivals).toEqual([
      [3, 4],
      [7, 3],
    ]);
    const shop = orders.find((o) => o.item === 'shop')!;
    expect(shop).toMatchObject({ kind: 'transfer', quantity: 7, time: 0, due: null, done: 7 });
  });

  const rationing = (allocation: ItemSpec['allocation']) => {
    // Two shops each order 6 at time 0 from a warehouse that holds nothing; 6 arrive at 1 and 6 at 2.
    const spec = plant({
      time: { horizon: 10, warmup: 0 },
      items: {
        warehouse: { ...boughtItem({ type: 'none' }, { initial: 0 }, constant(1)), allocation },
        east: transferred('warehouse', { type: 'batch', lotSize: 6, every: 100, offset: 0 }, {}, constant(0.5)),
        west: transferred('warehouse', { type: 'batch', lotSize: 6, every: 100, offset: 0 }, {}, constant(0.5)),
      },
    });
    spec.items.warehouse.policy = { type: 'batch', lotSize: 6, every: 1, offset: 0 };
    const received: Record<string, [number, number][]> = { east: [], west: [] };
    const last: Record<string, number> = { east: 0, west: 0 };
    simulatePlant(spec, {
      seed: 1,
      observer: {
        afterEvent: (now, stocks) => {
          for (const shop of ['east', 'west']) {
            const onHand = stocks.get(shop)!.onHand;
            if (onHand !== last[shop]) received[shop].push([now, onHand - last[shop]]);
            last[shop] = onHand;
          }
        },
      },
    });
    return received;
  };

  it('first come, first served: the shop that ordered first gets the first arrival', () => {
    const received = rationing({ kind: 'fifo' });
    expect(received.east[0]).toEqual([1.5, 6]);
    expect(received.west[0]).toEqual([2.5, 6]);
  });

  it('by priority: the shop named first is served first whatever the order of arrival', () => {
    const received = rationing({ kind: 'priority', priority: ['west'] });
    expect(received.west[0]).toEqual([1.5, 6]);
    expect(received.east[0]).toEqual([2.5, 6]);
  });

  it('in proportion: a short arrival is split by what each still waits for', () => {
    const received = rationing({ kind: 'proportional' });
    expect(received.east.slice(0, 2)).toEqual([
      [1.5, 3],
      [2.5, 3],
    ]);
    expect(received.west.slice(0, 2)).toEqual([
      [1.5, 3],
      [2.5, 3],
    ]);
  });
});
