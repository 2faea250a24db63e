import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ItemPlanInput, type LotSizing, lowLevelCodes, planChanges, planItem, plannedLoad } from '../../../../sim/model/planning/mrp.js';

// MRP-01 (validation/planning-cases.md): weeks 1..8; A's forecast, on hand 50, lead time 2;
// B, 2 per A, on hand 100, lead time 1; no scheduled receipts.
const itemA: ItemPlanInput = { gross: [20, 30, 20, 40, 30, 20, 30, 25], onHand: 50, leadTime: 2, lotSizing: 'lotForLot' };
const planA = planItem(itemA);
const grossB = planA.plannedReleases.map((release) => 2 * release);
const itemB = (lotSizing: LotSizing): ItemPlanInput => ({ gross: grossB, onHand: 100, leadTime: 1, lotSizing });

/** A week → quantity list as MRP-01 writes it, as an 8-bucket array. */
const weeks = (entries: Record<number, number>): number[] => Array.from({ length: 8 }, (_, i) => entries[i + 1] ?? 0);

describe('planItem reproduces MRP-01', () => {
  it('A, lot-for-lot', () => {
    expect(planA.plannedReceipts).toEqual(weeks({ 3: 20, 4: 40, 5: 30, 6: 20, 7: 30, 8: 25 }));
    expect(planA.plannedReleases).toEqual(weeks({ 1: 20, 2: 40, 3: 30, 4: 20, 5: 30, 6: 25 }));
    expect(planA.projected).toEqual([30, 0, 0, 0, 0, 0, 0, 0]);
    expect(planA.net).toEqual(planA.plannedReceipts);
    expect(planA.pastDue).toBe(0);
  });

  it("B's gross requirements are 2 × A's planned releases", () => {
    expect(grossB).toEqual([40, 80, 60, 40, 60, 50, 0, 0]);
  });

  it('B, lot-for-lot', () => {
    const plan = planItem(itemB('lotForLot'));
    expect(plan.plannedReceipts).toEqual(weeks({ 2: 20, 3: 60, 4: 40, 5: 60, 6: 50 }));
    expect(plan.plannedReleases).toEqual(weeks({ 1: 20, 2: 60, 3: 40, 4: 60, 5: 50 }));
    expect(plan.projected).toEqual([60, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('B, fixed lot 100', () => {
    const plan = planItem(itemB({ fixed: 100 }));
    expect(plan.plannedReceipts).toEqual(weeks({ 2: 100, 4: 100, 6: 100 }));
    expect(plan.plannedReleases).toEqual(weeks({ 1: 100, 3: 100, 5: 100 }));
    expect(plan.projected).toEqual([60, 80, 20, 80, 20, 70, 70, 70]);
    expect(plan.net).toEqual(weeks({ 2: 20, 4: 20, 6: 30 }));
  });

  it('B, periods of supply 2 (POQ)', () => {
    const plan = planItem(itemB({ periods: 2 }));
    expect(plan.plannedReceipts).toEqual(weeks({ 2: 80, 4: 100, 6: 50 }));
    expect(plan.plannedReleases).toEqual(weeks({ 1: 80, 3: 100, 5: 50 }));
    expect(plan.projected).toEqual([60, 60, 0, 60, 0, 0, 0, 0]);
  });

  it('A, lot-for-lot with safety stock 10, and 10 past due', () => {
    const plan = planItem({ ...itemA, safetyStock: 10 });
    expect(plan.plannedReceipts).toEqual(weeks({ 2: 10, 3: 20, 4: 40, 5: 30, 6: 20, 7: 30, 8: 25 }));
    expect(plan.plannedReleases).toEqual(weeks({ 1: 20, 2: 40, 3: 30, 4: 20, 5: 30, 6: 25 }));
    expect(plan.projected).toEqual([30, 10, 10, 10, 10, 10, 10, 10]);
    expect(plan.pastDue).toBe(10);
    expect(plan.pastDueOrders).toBe(1);
  });
});

describe('planItem lot sizing', () => {
  it('raises every lot to the minimum, then up to a multiple', () => {
    const plan = planItem({ ...itemB('lotForLot'), minimum: 50, multiple: 30 });
    expect(plan.plannedReceipts).toEqual(weeks({ 2: 60, 3: 60, 5: 60, 6: 60 }));
    expect(plan.projected).toEqual([60, 40, 40, 0, 0, 10, 10, 10]);
  });

  it('a fixed lot orders the fewest multiples of Q that cover the net requirement', () => {
    const plan = planItem(itemB({ fixed: 25 }));
    expect(plan.plannedReceipts).toEqual(weeks({ 2: 25, 3: 75, 4: 25, 5: 75, 6: 50 }));
  });

  it('an EOQ lot orders the larger of the EOQ and the net requirement', () => {
    const plan = planItem(itemB({ eoq: 70 }));
    expect(plan.plannedReceipts).toEqual(weeks({ 2: 70, 3: 70, 5: 70, 6: 70 }));
    expect(plan.projected).toEqual([60, 50, 60, 20, 30, 50, 50, 50]);
  });

  it('nets scheduled receipts and a negative on hand (backorders)', () => {
    const plan = planItem({ gross: [10, 10, 10], onHand: -5, scheduled: [0, 30], leadTime: 0, lotSizing: 'lotForLot' });
    expect(plan.net).toEqual([15, 0, 0]);
    expect(plan.projected).toEqual([0, 20, 10]);
  });

  it('POQ covers the largest cumulative shortfall when a scheduled receipt arrives inside its window', () => {
    const plan = planItem({ gross: [10, 0, 50], onHand: 0, scheduled: [0, 0, 60], leadTime: 0, lotSizing: { periods: 3 } });
    expect(plan.plannedReceipts).toEqual([10, 0, 0]);
    expect(plan.projected).toEqual([0, 0, 10]);
  });

  it('orders nothing for float residue', () => {
    const plan = planItem({ gross: [0.1 + 0.2], onHand: 0.3, leadTime: 0, lotSizing: { fixed: 100 } });
    expect(plan.plannedReceipts).toEqual([0]);
  });
});

describe('planItem frozen zone', () => {
  it('creates no release inside the zone: a new lot needed there is past due', () => {
    const plan = planItem({ ...itemA, frozen: 1 });
    expect(plan.plannedReleases).toEqual(weeks({ 2: 40, 3: 30, 4: 20, 5: 30, 6: 25 }));
    expect(plan.plannedReceipts).toEqual(planA.plannedReceipts);
    expect(plan.pastDue).toBe(20);
  });

  it('keeps firm releases as they are, even when no longer needed', () => {
    // The previous plan released 20 in week 1 for week 3; week 3's forecast has since dropped to 10.
    const plan = planItem({ ...itemA, gross: [20, 30, 10, 40, 30, 20, 30, 25], frozen: 1, firm: [20] });
    expect(plan.plannedReleases).toEqual(weeks({ 1: 20, 2: 30, 3: 30, 4: 20, 5: 30, 6: 25 }));
    expect(plan.projected.slice(0, 4)).toEqual([30, 0, 10, 0]);
    expect(plan.net.slice(2, 4)).toEqual([0, 30]);
    expect(plan.pastDue).toBe(0);
  });

  it('firm releases skip lot sizing and net like scheduled receipts', () => {
    const plan = planItem({ ...itemA, lotSizing: { fixed: 100 }, frozen: 2, firm: [20, 40] });
    expect(plan.plannedReleases.slice(0, 3)).toEqual([20, 40, 100]);
    expect(plan.plannedReceipts.slice(2, 5)).toEqual([20, 40, 100]);
  });

  it('refuses a firm release outside the zone', () => {
    expect(() => planItem({ ...itemA, frozen: 1, firm: [0, 40] })).toThrow(/firm\[1\] \(bucket 2\) lies outside the frozen zone 1..1/);
  });
});

describe('planItem properties', () => {
  const quantities = (length: number) => fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: length, maxLength: length });
  const scenario = fc.integer({ min: 1, max: 12 }).chain((horizon) =>
    fc.record({
      gross: quantities(horizon),
      scheduled: quantities(horizon),
      onHand: fc.double({ min: -500, max: 500, noNaN: true }),
      leadTime: fc.integer({ min: 0, max: 4 }),
    }),
  );
  const lotSizing: fc.Arbitrary<LotSizing> = fc.oneof(
    fc.constant('lotForLot' as const),
    fc.record({ fixed: fc.double({ min: 1, max: 500, noNaN: true }) }),
    fc.record({ periods: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ eoq: fc.double({ min: 1, max: 500, noNaN: true }) }),
  );

  it('lot-for-lot without safety stock never projects on hand below 0 after the lead time', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const plan = planItem({ ...input, lotSizing: 'lotForLot' });
        plan.projected.forEach((p, t) => {
          if (t >= input.leadTime) expect(p).toBeGreaterThanOrEqual(-1e-6);
        });
      }),
    );
  });

  it('plans receipts at least the net requirement in every bucket, whatever the lot rule', () => {
    fc.assert(
      fc.property(scenario, lotSizing, fc.double({ min: 0, max: 200, noNaN: true }), (input, rule, safetyStock) => {
        const plan = planItem({ ...input, lotSizing: rule, safetyStock });
        plan.net.forEach((n, t) => expect(plan.plannedReceipts[t]).toBeGreaterThanOrEqual(n - 1e-6));
      }),
    );
  });
});

describe('lowLevelCodes', () => {
  it('gives each item the deepest level it appears at, whatever the listing order', () => {
    // bike → frame, wheel ×2; frame → wheel (a spare), tube; wheel → spoke ×32; trailer → wheel ×2.
    const items = {
      spoke: { bom: {} },
      wheel: { bom: { spoke: 32 } },
      frame: { bom: { wheel: 1, tube: 3 } },
      bike: { bom: { frame: 1, wheel: 2 } },
      trailer: { bom: { wheel: 2 } },
    };
    expect(lowLevelCodes(items)).toEqual({ spoke: 3, wheel: 2, frame: 1, bike: 0, trailer: 0, tube: 2 });
  });

  it('names the items of a cycle', () => {
    expect(() => lowLevelCodes({ a: { bom: { b: 1 } }, b: { bom: { a: 1 } } })).toThrow(/cycle through a, b/);
  });
});

describe('plannedLoad', () => {
  it('adds releases × process time and a setup per order, and flags buckets above capacity', () => {
    const press = [
      { releases: [100, 0, 50], processTime: 0.02, setupTime: 0.5 },
      { releases: [0, 200], processTime: 0.01, setupTime: 0.5 },
    ];
    expect(plannedLoad(press, 2)).toEqual({ load: [2.5, 2.5, 1.5], overloaded: [true, true, false] });
  });
});

describe('planChanges', () => {
  const previous = { A: [20, 40, 30, 20, 30, 25, 0, 0] };

  it('counts nothing when the next run plans the same orders one bucket later', () => {
    expect(planChanges(previous, { A: [40, 30, 20, 30, 25, 0, 0, 10] }, 7)).toEqual({ A: 0 });
  });

  it('counts each changed, added and removed release in the same calendar bucket', () => {
    // Against the previous plan's weeks 2..8 (40, 30, 20, 30, 25, 0, 0): removed, changed, added.
    expect(planChanges(previous, { A: [40, 0, 25, 30, 25, 10, 0] }, 7)).toEqual({ A: 3 });
  });

  it('counts every release of an item new to the plan as added', () => {
    expect(planChanges(previous, { ...previous, B: [5, 0, 5] }, 3, 0)).toEqual({ A: 0, B: 2 });
  });
});
