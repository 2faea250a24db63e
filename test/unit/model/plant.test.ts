import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../sim/model/index.js';
import { constant, exponential } from '../../../sim/random/index.js';
import { boughtItem, demandFor, madeItem, plant } from './fixtures.js';

describe('simulatePlant on deterministic plants', () => {
  it('runs a sawtooth: sQ with s = 0, Q = 10 and no lead time', () => {
    const result = simulatePlant(
      plant({
        items: { part: boughtItem({ type: 'sQ', reorderPoint: 0, quantity: 10 }, { initial: 10, holdingCost: 2 }, constant(0)) },
        demand: [demandFor('part', constant(1))],
      }),
      { seed: 1 },
    );
    const part = result.items.part;
    // Levels 10, 9, …, 1 each held one time unit; the order at 0 arrives at the same instant.
    expect(part.avgOnHand).toBeCloseTo(5.5, 12);
    expect(part.holdingCost).toBeCloseTo(2 * 5.5 * 100, 9);
    expect(part.replenishmentOrders).toBe(10);
    expect(part.fillRate).toBe(1);
    expect(part.stockoutEvents).toBe(0);
    expect(result.kpis.throughput).toBe(1);
  });

  it('charges order, purchase, backorder and lost-sale costs as totals over the window', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 10, warmup: 0 },
        items: {
          a: boughtItem({ type: 'batch', lotSize: 4, every: 5, offset: 0 }, { backorderCost: 3 }, constant(1)),
          b: boughtItem({ type: 'none' }, { initial: 2, unmet: 'lost', lostSaleCost: 7 }),
        },
        demand: [demandFor('a', constant(1)), demandFor('b', constant(1))],
      }),
      { seed: 1 },
    );
    // Lots are released at 0, 5 and 10; the window is (0, 10], so the one at 0 is set-up.
    expect(result.items.a.replenishmentOrders).toBe(2);
    expect(result.items.b.lostUnits).toBe(8);
    expect(result.items.b.lostSaleCost).toBe(56);
    expect(result.items.b.fillRate).toBeCloseTo(0.2, 12);
    // a: 4 arrive at 1; demands at 1..4 take them; 5 waits until 6, and so on.
    expect(result.items.a.stockoutEvents).toBeGreaterThan(0);
    expect(result.items.a.backorderCost).toBeCloseTo(3 * result.items.a.avgBackorders * 10, 9);
  });

  it('serves backorders first come, first served and reports the customer wait', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 20, warmup: 0 },
        items: { a: boughtItem({ type: 'batch', lotSize: 3, every: 10, offset: 3.5 }) },
        demand: [demandFor('a', constant(1))],
      }),
      { seed: 1 },
    );
    // Orders at 1, 2, 3 wait for the lot at 3.5: waits 2.5, 1.5, 0.5; 4, 5, 6 for the lot at 13.5:
    // 9.5, 8.5, 7.5. The 14 orders from 7 to 20 still wait at the horizon: their waits so far
    // (13, 12, …, 0) count too, or a run shorter than the supply gap would report short waits.
    const a = result.items.a;
    expect(a.fillRate).toBe(0);
    expect(result.counts.items.a.waitingAtEnd).toBe(14);
    expect(result.counts.items.a.customers).toBe(20);
    expect(a.avgCustomerWait).toBeCloseTo((2.5 + 1.5 + 0.5 + 9.5 + 8.5 + 7.5 + (13 * 14) / 2) / 20, 12);
  });

  it('measures only the window after warm-up', () => {
    const spec = plant({
      time: { horizon: 100, warmup: 50 },
      items: {
        part: boughtItem(
          { type: 'sQ', reorderPoint: 0, quantity: 10 },
          { initial: 10, holdingCost: 1, buy: { leadTime: constant(0), orderCost: 5, unitCost: 1 } },
        ),
      },
      demand: [demandFor('part', constant(1))],
    });
    const part = simulatePlant(spec, { seed: 1 }).items.part;
    // The window is (50, 100]: orders at 60, 70, 80, 90 and 100; the one at 50 belongs to warm-up.
    expect(part.replenishmentOrders).toBe(5);
    expect(part.orderingCost).toBe(25);
    expect(part.purchaseCost).toBe(50);
    expect(part.avgOnHand).toBeCloseTo(5.5, 12);
  });
});

describe('machines', () => {
  it('count units released to production and not yet in stock as work in process', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 20, warmup: 0 },
        machines: { press: { servers: 1, failures: null } },
        items: { widget: madeItem('press', constant(1), { type: 'batch', lotSize: 10, every: 1000, offset: 0 }) },
      }),
      { seed: 1 },
    );
    // 10, 9, …, 1 units in process over the first 10 time units, none after: area 55 over 20.
    expect(result.kpis.wip).toBeCloseTo(55 / 20, 12);
    expect(result.items.widget.avgOnHand).toBeCloseTo((45 + 100) / 20, 12);
  });

  it('split server time into shares that sum to 1, with utilization = demand rate × process time', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 20_000, warmup: 100 },
        machines: { press: { servers: 2, failures: null } },
        items: { widget: madeItem('press', exponential(1), { type: 'makeToOrder' }) },
        demand: [demandFor('widget', exponential(1 / 1.2))],
      }),
      { seed: 3 },
    );
    const press = result.machines.press;
    const sum = press.utilization + press.setupShare + press.downShare + press.starvedShare + press.blockedShare + press.idleShare;
    expect(sum).toBeCloseTo(1, 9);
    expect(press.utilization).toBeGreaterThan(0.57);
    expect(press.utilization).toBeLessThan(0.63);
    expect(press.unitsProduced / 19_900).toBeCloseTo(1.2, 1);
  });

  it('block production while the item storage is full', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 1000, warmup: 0 },
        machines: { line: { servers: 1, failures: null } },
        items: { part: madeItem('line', constant(0.5), { type: 'batch', lotSize: 1e6, every: 1e6, offset: 0 }, { capacity: 10 }) },
        demand: [demandFor('part', constant(1))],
      }),
      { seed: 1 },
    );
    const line = result.machines.line;
    // Demand 1 per unit time against capacity 2 per unit time: busy half the time, blocked the rest
    // after filling the 10 places of storage: busy through 10.5, then 0.5 of every time unit.
    expect(line.utilization).toBeCloseTo(0.505, 9);
    expect(line.blockedShare).toBeCloseTo(0.495, 9);
    expect(result.items.part.fillRate).toBe(1);
  });

  it('starve while a component is short and take components as each unit starts', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 100, warmup: 0 },
        machines: { press: { servers: 1, failures: null } },
        items: {
          steel: boughtItem({ type: 'batch', lotSize: 2, every: 10, offset: 0 }),
          widget: madeItem('press', constant(1), { type: 'batch', lotSize: 1000, every: 1000, offset: 0 }, {}, { steel: 2 }),
        },
      }),
      { seed: 1 },
    );
    // 2 steel every 10 time units makes one widget of 1 time unit: busy 10%, starved 90%.
    expect(result.machines.press.utilization).toBeCloseTo(0.1, 9);
    expect(result.machines.press.starvedShare).toBeCloseTo(0.9, 9);
    expect(result.machines.press.unitsProduced).toBe(10);
    // The press asks for steel as soon as a unit is done, always before the next lot: every withdrawal waits.
    expect(result.items.steel.fillRate).toBe(0);
    expect(result.items.steel.stockoutEvents).toBe(10); // at 1, 11, …, 91 (the one at 0 is set-up)
  });

  it('stop for repairs only while processing, and resume the interrupted unit', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 100, warmup: 0 },
        machines: { press: { servers: 1, failures: { upTime: constant(3), repairTime: constant(1) } } },
        items: { widget: madeItem('press', constant(2), { type: 'batch', lotSize: 1000, every: 1000, offset: 0 }) },
      }),
      { seed: 1 },
    );
    // Cycles of 3 busy + 1 down: 25 cycles in 100, 75 time units busy make 37.5 units.
    expect(result.machines.press.utilization).toBeCloseTo(0.75, 9);
    expect(result.machines.press.downShare).toBeCloseTo(0.25, 9);
    expect(result.machines.press.unitsProduced).toBe(37);
  });
});
