// The policies of a chain: Sterman's anchoring and adjustment, order-up-to from a forecast (with
// shared demand information), base stock on the echelon inventory position.
import { describe, expect, it } from 'vitest';
import {
  anchorAndAdjustOrder,
  forecastLevel,
  simulatePlant,
  type ItemSpec,
  type PlantSpec,
  type PolicySpec,
  type ReplenishmentRecord,
} from '../../../sim/model/index.js';
import { constant, exponential } from '../../../sim/random/index.js';
import { boughtItem, demandFor, plant } from './fixtures.js';

const STERMAN = { alphaS: 0.26, beta: 0.34, targetStock: 17 };

const transferred = (from: string, policy: PolicySpec, overrides: Partial<ItemSpec> = {}, leadTime = constant(1), orderDelay = 0): ItemSpec => ({
  ...boughtItem(policy, overrides),
  buy: null,
  transfer: { from, leadTime, orderDelay, orderCost: 0 },
});

describe('the decisions', () => {
  it("anchoring and adjustment orders L̂ + αS·(S′ − S − β·SL), never below 0 (Sterman's estimates)", () => {
    // The Beer Game's steady state: 4 expected, 12 on hand, 8 in the supply line.
    expect(anchorAndAdjustOrder(4, 12, 8, STERMAN)).toBeCloseTo(4 + 0.26 * (17 - 12 - 0.34 * 8), 12);
    expect(anchorAndAdjustOrder(4, 60, 8, STERMAN)).toBe(0);
    // A backlog (S < 0) raises the order.
    expect(anchorAndAdjustOrder(8, -10, 0, STERMAN)).toBeCloseTo(8 + 0.26 * 27, 12);
  });

  it('the forecast level is μ·k + z·σ·√k over k periods of cover', () => {
    expect(forecastLevel(10, 3, 4, 2)).toBe(40 + 2 * 3 * 2);
    expect(forecastLevel(10, 3, 4, 0)).toBe(40);
  });
});

describe('anchoring and adjustment in the plant', () => {
  it('decides once a period from time 0, learning the orders received in the period just ended', () => {
    const orders: ReplenishmentRecord[] = [];
    const spec = plant({
      time: { horizon: 3.5, warmup: 0 },
      items: { stage: boughtItem({ type: 'anchorAndAdjust', theta: 0.5, ...STERMAN, every: 1, expected: 4 }, { initial: 12 }, constant(10)) },
      demand: [demandFor('stage', constant(0.25), constant(2))], // 8 a period (the first at 0.25)
    });
    simulatePlant(spec, { seed: 1, observer: { orderPlaced: (o) => orders.push(o) } });
    // t = 0: L̂ = 4, S = 12, SL = 0. t = 1: the orders of 0.25, 0.5 and 0.75 (6 units) received — the one at
    // 1 comes after the decision, as a periodic review runs before a demand at its instant — so L̂ = 5,
    // S = 12 − 6 = 6, SL = the first order.
    const first = 4 + 0.26 * (17 - 12);
    const second = 5 + 0.26 * (17 - 6 - 0.34 * first);
    expect(orders.map((o) => o.time)).toEqual([0, 1, 2, 3]);
    expect(orders[0].quantity).toBeCloseTo(first, 12);
    expect(orders[1].quantity).toBeCloseTo(second, 12);
  });
});

describe('order-up-to from a forecast', () => {
  const chain = (signal: string | null): PlantSpec =>
    plant({
      time: { horizon: 400, warmup: 40 },
      items: {
        warehouse: boughtItem(
          {
            type: 'forecastOrderUpTo',
            every: 1,
            cover: 4,
            safetyFactor: 1,
            forecast: { method: 'movingAverage', window: 5 },
            signal,
            initialMean: 2,
            initialSd: 1.5,
          },
          { initial: 20 },
          constant(2),
        ),
        shop: transferred('warehouse', { type: 'sQ', reorderPoint: 4, quantity: 10 }, { initial: 10 }),
      },
      demand: [demandFor('shop', exponential(0.5))],
    });

  it("forecasting the shop's customers instead of its batches of 10 smooths the warehouse's orders", () => {
    const own = simulatePlant(chain(null), { seed: 2 }).items.warehouse;
    const shared = simulatePlant(chain('shop'), { seed: 2 }).items.warehouse;
    expect(shared.orderVariance).toBeLessThan(0.7 * own.orderVariance);
    expect(shared.fillRate).toBeGreaterThan(0.8);
  });
});

describe('base stock on the echelon inventory position', () => {
  // SC-02's chain: in a serial system one-for-one installation base stock S2 and echelon base stock S1 + S2 decide the same.
  const serial = (warehouse: PolicySpec): PlantSpec =>
    plant({
      time: { horizon: 3000, warmup: 50 },
      items: {
        warehouse: boughtItem(warehouse, { initial: 3 }, constant(4)),
        retailer: transferred('warehouse', { type: 'baseStock', level: 3 }, { initial: 3 }),
      },
      demand: [demandFor('retailer', exponential(1))],
    });

  it('equals installation base stock S2 = 3 when its level is S1 + S2 = 6', () => {
    const installation = simulatePlant(serial({ type: 'baseStock', level: 3 }), { seed: 8 });
    const echelon = simulatePlant(serial({ type: 'baseStock', level: 6, echelon: true }), { seed: 8 });
    for (const item of ['warehouse', 'retailer']) {
      for (const kpi of ['avgOnHand', 'avgBackorders', 'fillRate', 'replenishmentOrders'] as const) {
        expect(echelon.items[item][kpi], `${item}.${kpi}`).toBeCloseTo(installation.items[item][kpi], 9);
      }
    }
  });
});
