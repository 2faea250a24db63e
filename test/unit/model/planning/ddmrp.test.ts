import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageDailyUsage, bufferZones, createAdu, ddmrpOrder, netFlow, qualifiedDemand } from '../../../../sim/model/planning/ddmrp.js';

// DDMRP-01 (validation/planning-cases.md): ADU 40, DLT 5, LTF 0.5, VF 0.5, order cycle 7, minimum order 0.
const ddmrp01 = { adu: 40, leadTime: 5, leadTimeFactor: 0.5, variabilityFactor: 0.5, orderCycle: 7, minimumOrder: 0 };

describe('bufferZones', () => {
  it('gives the zones of DDMRP-01', () => {
    expect(bufferZones(ddmrp01)).toEqual({
      yellow: 200,
      redBase: 100,
      redSafety: 50,
      red: 150,
      green: 280,
      topOfRed: 150,
      topOfYellow: 350,
      topOfGreen: 630,
    });
  });

  it('lets the order cycle set green when ADU × order cycle is the largest term', () => {
    expect(bufferZones(ddmrp01).green).toBe(40 * 7);
  });

  it('lets the minimum order set green when it is the largest term', () => {
    const zones = bufferZones({ ...ddmrp01, minimumOrder: 500 });
    expect(zones.green).toBe(500);
    expect(zones.topOfGreen).toBe(150 + 200 + 500);
  });

  it('sets green to the red base when order cycle and minimum order are left at 0', () => {
    const zones = bufferZones({ adu: 40, leadTime: 5, leadTimeFactor: 0.5, variabilityFactor: 0.5 });
    expect(zones.green).toBe(100);
    expect(zones.topOfGreen).toBe(450);
  });

  it('gives all-zero zones, not NaN, for zero usage', () => {
    const zones = bufferZones({ ...ddmrp01, adu: 0 });
    expect(Object.values(zones).every((v) => v === 0)).toBe(true);
  });

  it('accepts factors above 1', () => {
    expect(bufferZones({ ...ddmrp01, leadTimeFactor: 1.5, variabilityFactor: 2 }).red).toBe(300 + 600);
  });

  it('refuses a negative or non-finite parameter with a RangeError naming it', () => {
    expect(() => bufferZones({ ...ddmrp01, adu: -1 })).toThrow(/ddmrp: adu must be a finite number >= 0, got -1/);
    expect(() => bufferZones({ ...ddmrp01, leadTimeFactor: -0.2 })).toThrow(RangeError);
    expect(() => bufferZones({ ...ddmrp01, variabilityFactor: NaN })).toThrow(/variabilityFactor/);
    expect(() => bufferZones({ ...ddmrp01, leadTime: Infinity })).toThrow(/leadTime/);
    expect(() => bufferZones({ ...ddmrp01, orderCycle: -7 })).toThrow(/orderCycle/);
    expect(() => bufferZones({ ...ddmrp01, minimumOrder: -1 })).toThrow(/minimumOrder/);
  });
});

describe('ddmrpOrder', () => {
  const zones = bufferZones(ddmrp01);

  it('orders up to top of green from net flow 300 with priority 47.6% (DDMRP-01)', () => {
    const order = ddmrpOrder(300, zones);
    expect(order.quantity).toBe(330);
    expect(order.priority).toBeCloseTo(0.476, 3);
  });

  it('orders nothing from net flow 360, above top of yellow (DDMRP-01)', () => {
    expect(ddmrpOrder(360, zones).quantity).toBe(0);
  });

  it('orders at exactly top of yellow', () => expect(ddmrpOrder(350, zones).quantity).toBe(280));

  it('orders more than top of green from a negative net flow', () => expect(ddmrpOrder(-20, zones).quantity).toBe(650));

  it('gives an empty buffer a priority that is never NaN', () => {
    const empty = bufferZones({ ...ddmrp01, adu: 0 });
    expect(ddmrpOrder(0, empty)).toEqual({ quantity: 0, priority: 0 });
    expect(ddmrpOrder(-3, empty)).toEqual({ quantity: 3, priority: 0 });
    expect(ddmrpOrder(5, empty)).toEqual({ quantity: 0, priority: 1 });
  });

  it('refuses a NaN net flow', () => expect(() => ddmrpOrder(NaN, zones)).toThrow(/netFlow/));

  it('brings net flow to top of green after an order, and orders nothing above top of yellow', () => {
    const spec = fc.record({
      adu: fc.double({ min: 0, max: 1e4, noNaN: true }),
      leadTime: fc.double({ min: 0, max: 100, noNaN: true }),
      leadTimeFactor: fc.double({ min: 0, max: 2, noNaN: true }),
      variabilityFactor: fc.double({ min: 0, max: 2, noNaN: true }),
      orderCycle: fc.double({ min: 0, max: 60, noNaN: true }),
      minimumOrder: fc.double({ min: 0, max: 1e5, noNaN: true }),
    });
    fc.assert(
      fc.property(spec, fc.double({ min: -1e6, max: 1e7, noNaN: true }), (s, position) => {
        const z = bufferZones(s);
        const { quantity, priority } = ddmrpOrder(position, z);
        expect(Number.isFinite(priority)).toBe(true);
        if (position > z.topOfYellow) return quantity === 0;
        return quantity >= 0 && Math.abs(position + quantity - z.topOfGreen) <= 1e-9 * Math.max(1, Math.abs(position), z.topOfGreen);
      }),
    );
  });
});

describe('netFlow', () => {
  it('is on hand + on order − qualified demand', () => expect(netFlow({ onHand: 120, onOrder: 250, qualifiedDemand: 70 })).toBe(300));
  it('may be negative', () => expect(netFlow({ onHand: 0, onOrder: 10, qualifiedDemand: 30 })).toBe(-20));
  it('refuses negative on order', () => expect(() => netFlow({ onHand: 0, onOrder: -1, qualifiedDemand: 0 })).toThrow(/onOrder/));
});

describe('qualifiedDemand', () => {
  const base = { backorders: 5, dueToday: 10, now: 20 };
  const spike = { threshold: 75, horizon: 5 };

  it('is backorders + due today without a spike rule', () => {
    expect(qualifiedDemand({ ...base, knownOrders: [{ due: 21, quantity: 500 }] })).toBe(15);
  });

  it('adds a spike above the threshold inside the horizon', () => {
    expect(qualifiedDemand({ ...base, knownOrders: [{ due: 23, quantity: 100 }], spike })).toBe(115);
  });

  it('counts a spike exactly at the threshold and exactly at the horizon', () => {
    expect(qualifiedDemand({ ...base, knownOrders: [{ due: 25.5, quantity: 75 }], spike })).toBe(90);
  });

  it('ignores a large order beyond the horizon', () => {
    expect(qualifiedDemand({ ...base, knownOrders: [{ due: 26, quantity: 1000 }], spike })).toBe(15);
  });

  it('ignores an order below the threshold inside the horizon', () => {
    expect(qualifiedDemand({ ...base, knownOrders: [{ due: 22, quantity: 74 }], spike })).toBe(15);
  });

  it('qualifies a day whose orders together reach the threshold, and counts the whole day', () => {
    const knownOrders = [
      { due: 22.1, quantity: 40 },
      { due: 22.9, quantity: 40 },
      { due: 23, quantity: 40 },
    ];
    expect(qualifiedDemand({ ...base, knownOrders, spike })).toBe(15 + 80);
  });

  it('leaves orders due today or earlier to backorders and due today', () => {
    const knownOrders = [
      { due: 20.5, quantity: 200 },
      { due: 19, quantity: 200 },
    ];
    expect(qualifiedDemand({ ...base, knownOrders, spike })).toBe(15);
  });

  it('refuses a negative order quantity, naming the order', () => {
    expect(() => qualifiedDemand({ ...base, knownOrders: [{ due: 21, quantity: -1 }], spike })).toThrow(/knownOrders\[0\]\.quantity/);
  });
});

describe('average daily usage', () => {
  it('averageDailyUsage(usage, window) is the mean of the last window entries', () => {
    expect(averageDailyUsage([100, 10, 20, 30], 3)).toBe(20);
    expect(averageDailyUsage([10, 20], 3)).toBe(15);
    expect(averageDailyUsage([], 3)).toBe(0);
  });

  it('a rolling ADU returns 0 before any usage, then the mean of what it has until the window fills', () => {
    const adu = createAdu({ window: 3 });
    expect(adu.value()).toBe(0);
    adu.observe(30);
    expect(adu.value()).toBe(30);
    adu.observe(60);
    expect(adu.value()).toBe(45);
  });

  it('a rolling ADU forgets usage older than its window', () => {
    const adu = createAdu({ window: 3 });
    [300, 10, 20, 30, 40].forEach((u) => adu.observe(u));
    expect(adu.value()).toBe(30);
  });

  it('a fixed ADU ignores usage', () => {
    const adu = createAdu({ fixed: 40 });
    adu.observe(1000);
    expect(adu.value()).toBe(40);
  });

  it('refuses a window that is not a whole number of time units, and negative usage', () => {
    expect(() => createAdu({ window: 0 })).toThrow(/adu\.window/);
    expect(() => createAdu({ window: 2.5 })).toThrow(/adu\.window/);
    expect(() => createAdu({ fixed: -1 })).toThrow(/adu\.fixed/);
    expect(() => createAdu({ window: 3 }).observe(-2)).toThrow(/usage/);
  });
});
