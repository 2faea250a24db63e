// MRP inside the plant, checked against MRP-01 (validation/planning-cases.md): demand exactly the
// forecast, real lead times equal to the planned ones, process times that fit in a bucket. The
// plant must release exactly the record's orders, fill every customer order on time and hold the
// projected on hand at every bucket end.
import { describe, expect, it } from 'vitest';
import { simulatePlant, type PlantSpec, type PolicySpec, type ReplenishmentRecord } from '../../../sim/model/index.js';
import { constant } from '../../../sim/random/index.js';
import { boughtItem, madeItem, plant } from './fixtures.js';

const WEEK = 7;
const GROSS_A = [20, 30, 20, 40, 30, 20, 30, 25];
const mrp = (leadTime: number, extra: Partial<Extract<PolicySpec, { type: 'mrp' }>> = {}): PolicySpec => ({
  type: 'mrp',
  leadTime,
  safetyStock: 0,
  lotSizing: 'lotForLot',
  minimum: 0,
  multiple: 0,
  ...extra,
});

/** One customer order in the middle of each week, of that week's gross requirement; a perfect forecast. */
function mrp01(items: PlantSpec['items'], machines: PlantSpec['machines'] = {}): PlantSpec {
  return plant({
    time: { horizon: 8 * WEEK, warmup: 0 },
    planning: { bucket: WEEK, horizon: 8, frozen: 1 },
    machines,
    items,
    demand: [
      {
        kind: 'trace',
        item: 'A',
        name: 'A',
        times: GROSS_A.map((_, w) => w * WEEK + 3.5),
        quantities: GROSS_A,
        dueIn: 0,
        resample: null,
        scale: 1,
        changes: [],
      },
    ],
    forecasts: { A: { method: 'perfect', startRate: 0 } },
  });
}

/** Runs the plant and reads the orders placed and each item's on hand at the end of every week. */
function run(spec: PlantSpec) {
  const orders: ReplenishmentRecord[] = [];
  const weekEnds: Record<string, number[]> = {};
  let week = 0;
  const result = simulatePlant(spec, {
    seed: 1,
    observer: {
      orderPlaced: (record) => orders.push(record),
      afterEvent: (now, stocks) => {
        // The state after the last event before time (week + 1) · WEEK is the end of the week.
        while (now >= (week + 1) * WEEK - 1e-9 && week < 8) week++;
        for (const [name, stock] of stocks) (weekEnds[name] ??= [])[week] = stock.onHand;
      },
    },
  });
  return { result, orders, weekEnds };
}

const releases = (orders: ReplenishmentRecord[], item: string) => orders.filter((o) => o.item === item).map((o) => [o.time / WEEK + 1, o.quantity]);

describe('MRP in the plant reproduces MRP-01', () => {
  it('A, lot-for-lot, bought with a real lead time of 2 weeks: the record’s releases, on-hand 30, 0, …, every order on time', () => {
    const { result, orders, weekEnds } = run(mrp01({ A: boughtItem(mrp(2), { initial: 50 }, constant(2 * WEEK)) }));
    expect(releases(orders, 'A')).toEqual([
      [1, 20],
      [2, 40],
      [3, 30],
      [4, 20],
      [5, 30],
      [6, 25],
    ]);
    expect(weekEnds.A.slice(0, 8)).toEqual([30, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.items.A.fillRate).toBe(1);
    expect(result.items.A.onTimeShare).toBe(1);
    expect(result.items.A.pastDueReleases).toBe(0);
    expect(result.items.A.planChanges).toBe(0);
  });

  it('B, 2 per A, lot-for-lot with a real lead time of 1 week: releases 1:20, 2:60, 3:40, 4:60, 5:50 and on-hand 60, 0, …', () => {
    const spec = mrp01(
      {
        A: madeItem('press', constant(0.01), mrp(2), { initial: 50 }, { B: 2 }),
        B: boughtItem(mrp(1), { initial: 100 }, constant(WEEK)),
      },
      { press: { servers: 1, failures: null } },
    );
    const { result, orders, weekEnds } = run(spec);
    expect(releases(orders, 'B')).toEqual([
      [1, 20],
      [2, 60],
      [3, 40],
      [4, 60],
      [5, 50],
    ]);
    expect(weekEnds.B.slice(0, 8)).toEqual([60, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.items.B.fillRate).toBe(1);
    expect(result.items.A.fillRate).toBe(1);
  });

  it('B with a fixed lot of 100 and with periods of supply 2 follows the record', () => {
    const spec = (lotSizing: Extract<PolicySpec, { type: 'mrp' }>['lotSizing']) =>
      mrp01(
        {
          A: madeItem('press', constant(0.01), mrp(2), { initial: 50 }, { B: 2 }),
          B: boughtItem(mrp(1, { lotSizing }), { initial: 100 }, constant(WEEK)),
        },
        { press: { servers: 1, failures: null } },
      );
    const fixed = run(spec({ fixed: 100 }));
    expect(releases(fixed.orders, 'B')).toEqual([
      [1, 100],
      [3, 100],
      [5, 100],
    ]);
    expect(fixed.weekEnds.B.slice(0, 8)).toEqual([60, 80, 20, 80, 20, 70, 70, 70]);
    const poq = run(spec({ periods: 2 }));
    expect(releases(poq.orders, 'B')).toEqual([
      [1, 80],
      [3, 100],
      [5, 50],
    ]);
    expect(poq.weekEnds.B.slice(0, 8)).toEqual([60, 60, 0, 60, 0, 0, 0, 0]);
  });

  it('with safety stock 10 the first plan has a past-due lot of 10, released at once with week 1’s release', () => {
    const { orders } = run(mrp01({ A: boughtItem(mrp(2, { safetyStock: 10 }), { initial: 50 }, constant(2 * WEEK)) }));
    expect(releases(orders, 'A').slice(0, 3)).toEqual([
      [1, 20],
      [1, 10],
      [2, 40],
    ]);
  });
});

describe('the capacity the plan ignores', () => {
  it('each run loads the machine with its planned releases × process time + a setup per release, against servers × bucket', () => {
    // A made at 0.2 days a unit plus a 1-day setup on one server: 7 days of capacity a week.
    const spec = mrp01({ A: madeItem('press', constant(0.2), mrp(2), { initial: 50 }, {}, constant(1)) }, { press: { servers: 1, failures: null } });
    spec.time.horizon = 8 * WEEK - 1; // runs at weeks 2..8 count (the first run at time 0 is set-up)
    const { result, orders } = run(spec);
    const released = new Map(releases(orders, 'A').map(([week, quantity]) => [week, quantity]));
    expect([...released]).toEqual([
      [1, 20],
      [2, 40],
      [3, 30],
      [4, 20],
      [5, 30],
      [6, 25],
    ]);
    // Run n (week n + 1) plans weeks n + 1 … n + 8; a week with a release loads q·0.2 + 1 days.
    let loadSum = 0;
    let overloaded = 0;
    const runs = 7;
    for (let n = 1; n <= runs; n++) {
      for (let week = n + 1; week <= n + 8; week++) {
        const q = released.get(week) ?? 0;
        const load = q > 0 ? q * 0.2 + 1 : 0;
        loadSum += load / 7;
        if (load > 7) overloaded++;
      }
    }
    expect(result.counts.machines.press).toEqual({ plannedBuckets: runs * 8, plannedLoadSum: expect.closeTo(loadSum, 12), overloadedBuckets: overloaded });
    expect(overloaded).toBe(1); // week 2's 40 units: 9 days of work in a 7-day week
    expect(result.machines.press.plannedLoad).toBeCloseTo(loadSum / (runs * 8), 12);
    expect(result.machines.press.overloadShare).toBeCloseTo(1 / (runs * 8), 12);
  });

  it('a machine without MRP items has no planned load (no data)', () => {
    const spec = mrp01({ A: madeItem('press', constant(0.01), { type: 'baseStock', level: 60 }, { initial: 50 }) }, { press: { servers: 1, failures: null } });
    const { result } = run(spec);
    expect(result.counts.machines.press).toEqual({ plannedBuckets: 0, plannedLoadSum: 0, overloadedBuckets: 0 });
  });
});

describe('MRP against the state of the plant', () => {
  it('a planned lead time shorter than the real one brings past-due releases and stockouts', () => {
    const steady = (planned: number) =>
      plant({
        time: { horizon: 40 * WEEK, warmup: 8 * WEEK }, // the moving average has settled by then
        planning: { bucket: WEEK, horizon: 8, frozen: 1 },
        items: { A: boughtItem(mrp(planned), { initial: 100 }, constant(3 * WEEK)) },
        demand: [{ kind: 'stream', item: 'A', name: 'A', interarrival: constant(0.5), quantity: constant(5), changes: [], profile: null, dueIn: 0 }],
        forecasts: { A: { method: 'movingAverage', window: 4, startRate: 10 } },
      });
    const honest = simulatePlant(steady(3), { seed: 1 }).items.A;
    const short = simulatePlant(steady(1), { seed: 1 }).items.A;
    expect(honest.pastDueReleases).toBe(0);
    expect(honest.fillRate).toBe(1);
    expect(short.pastDueReleases).toBeGreaterThan(0);
    expect(short.fillRate).toBeLessThan(0.9);
  });

  it('nets customer orders known ahead against the forecast: a forecast of 0 still covers them', () => {
    // Each order is known 3 weeks ahead; the planned and real lead times are 2 weeks: MRP sees every order in time.
    const spec = plant({
      time: { horizon: 30 * WEEK, warmup: 0 },
      planning: { bucket: WEEK, horizon: 6, frozen: 0 },
      items: { A: boughtItem(mrp(2), { initial: 0 }, constant(2 * WEEK)) },
      demand: [{ kind: 'stream', item: 'A', name: 'A', interarrival: constant(WEEK), quantity: constant(10), changes: [], profile: null, dueIn: 3 * WEEK }],
      forecasts: { A: { method: 'trace', values: [0], startRate: 0 } },
    });
    const result = simulatePlant(spec, { seed: 1 });
    // Each receipt arrives at the very instant its orders fall due (the start of their bucket): on time, with no wait,
    // though after the order took stock: not filled at once from stock.
    expect(result.items.A.onTimeShare).toBe(1);
    expect(result.items.A.avgCustomerWait).toBe(0);
    expect(result.items.A.fillRate).toBe(0);
    expect(result.counts.items.A.customerOrders).toBeGreaterThan(20);
  });

  it('plans each bucket from the state alone: the same state gives the same releases', () => {
    const spec = mrp01({ A: boughtItem(mrp(2, { safetyStock: 5, lotSizing: { periods: 2 } }), { initial: 50 }, constant(2 * WEEK)) });
    expect(run(spec).orders).toEqual(run(spec).orders);
  });
});

describe('the planning series of a run', () => {
  it('keeps each run’s MRP record (MRP-01’s first plan) and each bucket’s forecast against its demand', () => {
    const spec = mrp01({ A: boughtItem(mrp(2), { initial: 50 }, constant(2 * WEEK)) });
    const planning = simulatePlant(spec, { seed: 1, series: { maxPoints: 100 } }).series!.planning!;
    expect(planning.bucket).toBe(WEEK);
    const first = planning.runs[0];
    expect(first.time).toBe(0);
    expect(first.items.A.gross).toEqual(GROSS_A);
    expect(first.items.A.plannedReleases).toEqual([20, 40, 30, 20, 30, 25, 0, 0]);
    expect(first.items.A.projected).toEqual([30, 0, 0, 0, 0, 0, 0, 0]);
    // The second run, a week on: what was released is an open order now, received in week 3.
    expect(planning.runs[1].items.A.scheduled).toEqual([0, 20, 0, 0, 0, 0, 0, 0]);
    expect(planning.runs.map((r) => r.time)).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56]);
    // The perfect forecast of every week is its demand.
    expect(planning.forecasts.A.forecast).toEqual(GROSS_A);
    expect(planning.forecasts.A.actual).toEqual(GROSS_A);
    expect(planning.truncated).toBe(false);
  });

  it('has none without forecasts and MRP', () => {
    const spec = mrp01({ A: boughtItem({ type: 'baseStock', level: 60 }, { initial: 50 }, constant(WEEK)) });
    spec.forecasts = {};
    expect(simulatePlant(spec, { seed: 1, series: { maxPoints: 100 } }).series!.planning).toBeNull();
  });
});

describe('MRP through transfers (distribution requirements planning)', () => {
  it("plans a warehouse from its shop's planned transfers: the shop's releases are the warehouse's gross requirements", () => {
    const spec = mrp01({
      A: { ...boughtItem(mrp(2), { initial: 50 }), buy: null, transfer: { from: 'depot', leadTime: constant(2 * WEEK), orderDelay: 0, orderCost: 0 } },
      depot: boughtItem(mrp(1), { initial: 100 }, constant(WEEK)),
    });
    const { result, orders } = run(spec);
    // The shop (A) releases MRP-01's orders as transfers; the depot covers them as B covers 1 × A (lot for lot, lead time 1).
    expect(releases(orders, 'A')).toEqual([
      [1, 20],
      [2, 40],
      [3, 30],
      [4, 20],
      [5, 30],
      [6, 25],
    ]);
    // Depot: gross 20, 40, 30, 20, 30, 25 against 100 on hand: projected 80, 40, 10, then short 10 in week 4, 30 in 5, 25 in 6.
    expect(releases(orders, 'depot')).toEqual([
      [3, 10],
      [4, 30],
      [5, 25],
    ]);
    expect(result.items.A.fillRate).toBe(1);
    expect(result.items.depot.fillRate).toBe(1);
  });
});
