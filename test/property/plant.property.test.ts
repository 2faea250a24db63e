import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulatePlant, type PlantObserver, type PlantSpec, type PolicySpec } from '../../sim/model/index.js';
import { constant, exponential, poisson, uniform } from '../../sim/random/index.js';
import { boughtItem, demandFor, madeItem, plant } from '../unit/model/fixtures.js';

const EPS = 1e-9;

const policy: fc.Arbitrary<PolicySpec> = fc.oneof(
  fc.record({ type: fc.constant('sQ' as const), reorderPoint: fc.integer({ min: 0, max: 10 }), quantity: fc.integer({ min: 1, max: 15 }) }),
  fc
    .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 10 }))
    .map(([s, gap]): PolicySpec => ({ type: 'sS', reorderPoint: s, orderUpTo: s + gap })),
  fc.record({ type: fc.constant('RS' as const), every: fc.integer({ min: 1, max: 5 }), orderUpTo: fc.integer({ min: 0, max: 20 }), offset: fc.constant(0) }),
  fc.record({ type: fc.constant('baseStock' as const), level: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ type: fc.constant('kanban' as const), cards: fc.integer({ min: 1, max: 5 }), containerSize: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ type: fc.constant('batch' as const), lotSize: fc.integer({ min: 1, max: 20 }), every: fc.integer({ min: 2, max: 10 }), offset: fc.constant(0) }),
  fc.record({ type: fc.constant('makeToOrder' as const) }),
  fc.record({ type: fc.constant('none' as const) }),
);

/** A random two-level plant: a bought raw material feeding a made product, both demanded by customers. */
const plantSpec: fc.Arbitrary<PlantSpec> = fc
  .record({
    rawPolicy: policy,
    productPolicy: fc.oneof(policy, fc.record({ type: fc.constant('continuous' as const), rate: fc.double({ min: 0.2, max: 3, noNaN: true }) })),
    servers: fc.integer({ min: 1, max: 2 }),
    failures: fc.boolean(),
    capacity: fc.oneof(fc.constant(Infinity), fc.integer({ min: 2, max: 15 })),
    lost: fc.boolean(),
    initial: fc.integer({ min: 0, max: 10 }),
    bomUnits: fc.integer({ min: 1, max: 2 }),
    demandMean: fc.double({ min: 0.3, max: 3, noNaN: true }),
  })
  .map((p) =>
    plant({
      time: { horizon: 150, warmup: 10 },
      machines: { m: { servers: p.servers, failures: p.failures ? { upTime: exponential(5), repairTime: exponential(1) } : null } },
      items: {
        raw: boughtItem(p.rawPolicy, { initial: p.initial, holdingCost: 1, backorderCost: 2 }, uniform(0.5, 3)),
        product: madeItem(
          'm',
          exponential(0.4),
          p.productPolicy,
          {
            initial: Math.min(p.initial, p.capacity),
            capacity: p.capacity,
            unmet: p.lost ? 'lost' : 'backorder',
            lostSaleCost: 3,
          },
          { raw: p.bomUnits },
        ),
      },
      demand: [demandFor('product', exponential(p.demandMean), poisson(1.5)), { ...demandFor('raw', exponential(4)), name: 'raw' }],
    }),
  );

/** Runs a plant, checking the invariants after every event; returns the violations found. */
function runChecked(spec: PlantSpec, seed: number): string[] {
  const violations: string[] = [];
  const lastArrival = new Map<string, number>();
  const observer: PlantObserver = {
    afterEvent(now, stocks) {
      for (const [name, s] of stocks) {
        if (s.onHand < -EPS) violations.push(`${name} on hand ${s.onHand} at t=${now}`);
        if (s.backordered < -EPS) violations.push(`${name} backorders ${s.backordered} at t=${now}`);
        if (s.onOrder < -EPS) violations.push(`${name} on order ${s.onOrder} at t=${now}`);
        if (s.onHand > EPS && s.backordered > EPS) violations.push(`${name} holds ${s.onHand} while ${s.backordered} are backordered at t=${now}`);
        if (s.onHand > s.capacity + EPS) violations.push(`${name} on hand ${s.onHand} above capacity ${s.capacity}`);
        if (Math.abs(s.position - (s.onHand + s.onOrder - s.backordered)) > EPS) violations.push(`${name} position mismatch`);
        const policy = spec.items[name].policy;
        const bound = policy.type === 'kanban' ? policy.cards * policy.containerSize : policy.type === 'sS' ? policy.orderUpTo : Infinity;
        if (s.position > Math.max(bound, spec.items[name].initial) + EPS) violations.push(`${name} position ${s.position} above ${bound} (${policy.type})`);
      }
    },
    customerFilled(item, arrival) {
      if (arrival < (lastArrival.get(item) ?? -Infinity) - EPS) violations.push(`${item}: an order that arrived at ${arrival} was filled after a later one`);
      lastArrival.set(item, arrival);
    },
  };
  simulatePlant(spec, { seed, observer });
  return violations;
}

describe('plant invariants on random plants', () => {
  it('never lets stock, backorders or orders go negative, nor hold stock while backordering', () => {
    fc.assert(
      fc.property(plantSpec, fc.integer({ min: 1, max: 1e6 }), (spec, seed) => {
        expect(runChecked(spec, seed)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same result twice for the same seed, and another for another seed', () => {
    fc.assert(
      fc.property(plantSpec, fc.integer({ min: 1, max: 1e6 }), (spec, seed) => {
        const a = simulatePlant(spec, { seed, series: { maxPoints: 100 } });
        expect(simulatePlant(spec, { seed, series: { maxPoints: 100 } })).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps machine time shares summing to 1 and fill rates within [0, 1]', () => {
    fc.assert(
      fc.property(plantSpec, fc.integer({ min: 1, max: 1e6 }), (spec, seed) => {
        const result = simulatePlant(spec, { seed });
        const m = result.machines.m;
        expect(m.utilization + m.setupShare + m.downShare + m.starvedShare + m.blockedShare + m.idleShare).toBeCloseTo(1, 9);
        for (const item of Object.values(result.items)) {
          expect(item.fillRate).toBeGreaterThanOrEqual(0);
          expect(item.fillRate).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('common random numbers', () => {
  it('gives two strategies the same customer demand in a replication', () => {
    const base = plant({
      time: { horizon: 200, warmup: 0 },
      items: { a: boughtItem({ type: 'sQ', reorderPoint: 2, quantity: 5 }, {}, exponential(2)) },
      demand: [demandFor('a', exponential(1), poisson(2))],
    });
    const other = { ...base, items: { a: boughtItem({ type: 'kanban', cards: 3, containerSize: 4 }, {}, constant(1)) } };
    const demanded = (spec: PlantSpec): [number, number][] => {
      const orders: [number, number][] = [];
      simulatePlant(spec, { seed: 9, observer: { customerOrder: (_item, quantity, time) => void orders.push([time, quantity]) } });
      return orders;
    };
    expect(demanded(base).length).toBeGreaterThan(150);
    expect(demanded(other)).toEqual(demanded(base));
    expect(simulatePlant(other, { seed: 9 })).not.toEqual(simulatePlant(base, { seed: 9 }));
  });
});
