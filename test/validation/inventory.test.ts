import { describe, expect, it } from 'vitest';
import { buildStrategy } from '../../sim/scenario/index.js';
import type { RunResult } from '../../sim/model/index.js';
import { Case, expectDeterministic, expectStochastic, loadCase, per, type Metric } from './helpers.js';

// Inventory theory reproduced by scenario files run through the plant model (theory-cases.md,
// INV-01 .. INV-11). Deterministic cases run once and must hit the formula within the catalogue's
// tolerance for discrete unit demand (our demand arrives as discrete customer orders), and the
// exact discrete value to float precision where we know it. Stochastic cases: see helpers.ts.

const onHand =
  (item: string): Metric =>
  (r) =>
    r.items[item].avgOnHand;
const backorders =
  (item: string): Metric =>
  (r) =>
    r.items[item].avgBackorders;
const fill =
  (item: string): Metric =>
  (r) =>
    r.items[item].fillRate;
const ordersPerTime =
  (item: string): Metric =>
  (r, w) =>
    r.items[item].replenishmentOrders / w;
const holdingRate = (item: string): Metric => per.rate((r) => r.items[item].holdingCost);
const backorderRate = (item: string): Metric => per.rate((r) => r.items[item].backorderCost);
const orderingRate = (item: string): Metric => per.rate((r) => r.items[item].orderingCost);
/** Holding + backorder + ordering (+ setup, lost-sale) cost per time, without purchase cost. */
const costRate = (item: string): Metric =>
  per.rate((r) => {
    const i = r.items[item];
    return i.holdingCost + i.backorderCost + i.orderingCost + i.setupCost + i.lostSaleCost;
  });

function peak(r: RunResult, item: string, level: 'onHand' | 'backorders'): number {
  return Math.max(...r.series!.items[item][level].v);
}

describe('EOQ at the optimum (INV-01: D = 1300/yr, K = 8, h = 0.225, Q = 304)', () => {
  const scenario = loadCase('inv-01-eoq.yaml');
  const eoq = new Case('INV-01', scenario, 'Q304');
  const discrete = { rel: 0.005 };

  it('has the annual cost g* = 68.4105 within the discrete-demand tolerance', () => {
    expectDeterministic(eoq, 'annual cost', per.totalCost(eoq.run, eoq.window), 68.410526, discrete);
  });

  it('places 4.2757 orders per year, one every 0.23388 years', () => {
    const orders = eoq.run.items.widget.replenishmentOrders;
    expectDeterministic(eoq, 'orders per year', orders / eoq.window, 4.2756578, discrete);
    expectDeterministic(eoq, 'years between orders', eoq.window / orders, 0.23388214, discrete);
  });

  it('holds 152.02 units on average, and ordering cost equals holding cost (34.205 each)', () => {
    const widget = eoq.run.items.widget;
    expectDeterministic(eoq, 'average inventory', widget.avgOnHand, 152.02339, discrete);
    expectDeterministic(eoq, 'ordering cost per year', widget.orderingCost / eoq.window, 34.205263, discrete);
    expectDeterministic(eoq, 'holding cost per year', widget.holdingCost / eoq.window, 34.205263, discrete);
  });

  it('hits the discrete-demand values exactly: average stock (Q + 1)/2 and one order per cycle', () => {
    const widget = eoq.run.items.widget;
    expect(widget.avgOnHand).toBeCloseTo(305 / 2, 9);
    expect(widget.replenishmentOrders).toBe(100);
    expect(widget.fillRate).toBe(1);
    expect(widget.avgBackorders).toBe(0);
  });

  it('derives Q* = 304.05 from quantity: eoq and orders the whole Q = 304', () => {
    const derived = buildStrategy(scenario, 'derived').derived.widget;
    expect(derived.quantity).toBe(Math.round(304.04678));
    const exact = Number(/= ([\d.]+) → \d+$/.exec(derived.formulas.quantity!)![1]);
    expect(Math.abs(exact - 304.04678) / 304.04678).toBeLessThan(5e-4); // printed to 4 digits
  });
});

describe('the EOQ cost curve (INV-02: Q = 150, 250, 304, 400, 600)', () => {
  const scenario = loadCase('inv-02-eoq-cost-curve.yaml');
  const cases = Object.fromEntries(['Q150', 'Q250', 'Q304', 'Q400', 'Q600'].map((q) => [q, new Case('INV-02', scenario, q)]));
  const cost = (q: string): number => per.totalCost(cases[q].run, cases[q].window);
  const discrete = { rel: 0.005 };

  it('costs g(150) = 86.208, g(250) = 69.725, g(400) = 71 and g(600) = 84.833 per year', () => {
    expectDeterministic(cases.Q150, 'annual cost', cost('Q150'), 86.208333, discrete);
    expectDeterministic(cases.Q250, 'annual cost', cost('Q250'), 69.725, discrete);
    expectDeterministic(cases.Q400, 'annual cost', cost('Q400'), 71, discrete);
    expectDeterministic(cases.Q600, 'annual cost', cost('Q600'), 84.833333, discrete);
  });

  it('splits g(250) into ordering 41.6 and holding 28.125', () => {
    const { run, window } = cases.Q250;
    expectDeterministic(cases.Q250, 'ordering cost per year', run.items.widget.orderingCost / window, 41.6, discrete);
    expectDeterministic(cases.Q250, 'holding cost per year', run.items.widget.holdingCost / window, 28.125, discrete);
  });

  it('is flat near the optimum: g(250)/g* = 1.0192 and g(600)/g* = 1.2401', () => {
    expectDeterministic(cases.Q250, 'g(250)/g(304)', cost('Q250') / cost('Q304'), 1.0192145, discrete);
    expectDeterministic(cases.Q600, 'g(600)/g(304)', cost('Q600') / cost('Q304'), 1.2400626, discrete);
  });

  it('has its minimum over {150, 250, 304, 400, 600} at Q* = 304', () => {
    const grid = ['Q150', 'Q250', 'Q304', 'Q400', 'Q600'];
    const best = grid.reduce((a, b) => (cost(b) < cost(a) ? b : a));
    expect(best).toBe('Q304');
  });

  it('hits the discrete-demand cost KD/Q + h(Q + 1)/2 exactly for every Q', () => {
    for (const q of [150, 250, 304, 400, 600]) expect(cost(`Q${q}`)).toBeCloseTo((8 * 1300) / q + (0.225 * (q + 1)) / 2, 9);
  });
});

describe('EOQ with planned backorders (INV-03: p = 5, Q* = 310.81, x* = 0.04306; counted in tenths)', () => {
  const eoqb = new Case('INV-03', loadCase('inv-03-eoq-planned-backorders.yaml'), 'base', null, true);
  const tolerance = { rel: 0.01 };
  const units = (tenths: number): number => tenths / 10;

  it('has the annual cost g* = 66.9214', () => {
    expectDeterministic(eoqb, 'annual cost', per.totalCost(eoqb.run, eoqb.window), 66.921364, tolerance);
  });

  it('holds 142.31 units on average and owes 0.28818 units on average', () => {
    expectDeterministic(eoqb, 'average on hand (units)', units(eoqb.run.items.widget.avgOnHand), 142.31018, tolerance);
    expectDeterministic(eoqb, 'average backorders (units)', units(eoqb.run.items.widget.avgBackorders), 0.28817812, tolerance);
  });

  it('lets backorders peak at x*Q* = 13.384 units and stock at (1 - x*)Q* = 297.43 units', () => {
    expectDeterministic(eoqb, 'peak backorders (units)', units(peak(eoqb.run, 'widget', 'backorders')), 13.384273, tolerance);
    expectDeterministic(eoqb, 'peak on hand (units)', units(peak(eoqb.run, 'widget', 'onHand')), 297.42828, tolerance);
  });

  it('orders every 0.23909 years', () => {
    expectDeterministic(eoqb, 'years between orders', eoqb.window / eoqb.run.items.widget.replenishmentOrders, 0.23908658, tolerance);
  });

  it('hits the EOQB forms (Q - b)^2/(2Q) and b^2/(2Q) for Q = 3108, b = 134 tenths exactly', () => {
    const widget = eoqb.run.items.widget;
    expect(widget.avgOnHand).toBeCloseTo(2974 ** 2 / (2 * 3108), 6);
    expect(widget.avgBackorders).toBeCloseTo(134 ** 2 / (2 * 3108), 9);
    expect(widget.replenishmentOrders).toBe(100);
  });
});

describe('EPQ (INV-04: P = 2000/yr, Q* = 513.93)', () => {
  const scenario = loadCase('inv-04-epq.yaml');
  const epq = new Case('INV-04', scenario, 'Q514', null, true);
  const q350 = new Case('INV-04', scenario, 'Q350');
  const discrete = { rel: 0.005 };

  it('has the annual cost g* = 40.4722 at Q = 514 and g(350) = 43.4955', () => {
    expectDeterministic(epq, 'annual cost', per.totalCost(epq.run, epq.window), 40.472213, discrete);
    expectDeterministic(q350, 'annual cost', per.totalCost(q350.run, q350.window), 43.495536, discrete);
  });

  it('keeps the machine busy D/P = 65% of the time', () => {
    expectDeterministic(epq, 'machine utilization', epq.run.machines.line.utilization, 0.65, discrete);
    expectDeterministic(q350, 'machine utilization', q350.run.machines.line.utilization, 0.65, discrete);
  });

  it('holds Q(1 - D/P)/2 = 89.938 units on average, at most Q(1 - D/P) = 179.88', () => {
    expectDeterministic(epq, 'average inventory', epq.run.items.widget.avgOnHand, 89.93825, discrete);
    expectDeterministic(epq, 'peak inventory', peak(epq.run, 'widget', 'onHand'), 179.8765, discrete);
  });

  it('runs every 0.39533 years, each run taking 0.25697 years', () => {
    const runs = epq.run.items.widget.replenishmentOrders;
    expectDeterministic(epq, 'years between runs', epq.window / runs, 0.39533297, discrete);
    expectDeterministic(epq, 'years per run', (epq.run.machines.line.utilization * epq.window) / runs, 0.25696643, discrete);
    expect(epq.run.items.widget.fillRate).toBe(1);
  });

  it('derives the EPQ Q* = 513.93 from quantity: eoq on a made item and runs Q = 514', () => {
    const derived = buildStrategy(scenario, 'derived').derived.widget;
    expect(derived.quantity).toBe(Math.round(513.93286));
    expect(derived.formulas.quantity).toMatch(/^EPQ/);
    const exact = Number(/= ([\d.]+) → \d+$/.exec(derived.formulas.quantity!)![1]);
    expect(Math.abs(exact - 513.93286) / 513.93286).toBeLessThan(5e-4); // printed to 4 digits
  });
});

describe('(r,Q) with Poisson demand (INV-05: lambda = 1.5, L = 2, h = 20, p = 150, K = 100)', () => {
  const scenario = loadCase('inv-05-rq-poisson.yaml');
  const rq = new Case('INV-05', scenario, 'r3Q5');
  const alt = new Case('INV-05', scenario, 'r8Q12');

  it('(r,Q) with Poisson demand has the exact cost 107.92 (INV-05)', () => {
    expectStochastic(rq, 'cost per time', per.totalCost, 107.92358, { rel: 0.01 });
    expectStochastic(rq, 'holding cost per time', holdingRate('part'), 62.108657, { rel: 0.01 });
    expectStochastic(rq, 'backorder cost per time', backorderRate('part'), 15.814924, { rel: 0.03 });
    expectStochastic(rq, 'ordering cost per time', orderingRate('part'), 30, { rel: 0.01 });
  });

  it('holds E[OH] = 3.1054 and owes E[B] = 0.10543 on average', () => {
    expectStochastic(rq, 'E[OH]', onHand('part'), 3.1054328, { rel: 0.01 });
    expectStochastic(rq, 'E[B]', backorders('part'), 0.10543283, { rel: 0.03 });
  });

  it('fills 86.66% of demand from stock and orders 0.3 times per time unit', () => {
    expectStochastic(rq, 'fill rate', fill('part'), 0.86663283, { abs: 0.003 });
    expectStochastic(rq, 'orders per time', ordersPerTime('part'), 0.3, { rel: 0.005 });
  });

  it('delays the average customer E[B]/lambda = 0.070289 (Q-06, Little on backorders)', () => {
    expectStochastic(rq, 'mean customer delay', (r) => r.items.part.avgCustomerWait, 0.070288552, { rel: 0.03 });
    for (const r of rq.runs()) {
      const little = r.items.part.avgBackorders / (r.kpis.throughput * r.items.part.avgCustomerWait);
      expect(Math.abs(little - 1)).toBeLessThan(0.005);
    }
  });

  it('at (r,Q) = (8,12) costs 242.53 with E[OH] = 11.500 and fill rate 0.99956', () => {
    expectStochastic(alt, 'cost per time', per.totalCost, 242.52816, { rel: 0.01 });
    expectStochastic(alt, 'E[OH]', onHand('part'), 11.500166, { rel: 0.01 });
    expectStochastic(alt, 'fill rate', fill('part'), 0.9995592, { abs: 0.002 });
  });
});

describe('continuous-review base stock with Poisson demand (INV-07: 6/day, L = 3, S = 19)', () => {
  const scenario = loadCase('inv-07-base-stock-poisson.yaml');
  const s19 = new Case('INV-07', scenario, 'S19');
  const s13 = new Case('INV-07', scenario, 'S13');

  it('has E[OH] = 2.2470 and E[B] = 1.2470 (IL = S - Poisson(18))', () => {
    expectStochastic(s19, 'E[OH]', onHand('part'), 2.2469967, { rel: 0.02 });
    expectStochastic(s19, 'E[B]', backorders('part'), 1.2469967, { rel: 0.025 });
  });

  it('fills P(D <= 18) = 56.22% of demand from stock', () => {
    expectStochastic(s19, 'fill rate', fill('part'), 0.56224499, { abs: 0.006 });
  });

  it('costs 786.09 per day at the optimal S = 19 and 1445.75 at S = 13', () => {
    expectStochastic(s19, 'cost per day', per.totalCost, 786.08844, { rel: 0.01 });
    expectStochastic(s13, 'cost per day', per.totalCost, 1445.7511, { rel: 0.02 });
  });
});

describe('periodic-review base stock with normal demand (INV-08: R = 1, L = 4, S* = 264.77)', () => {
  const scenario = loadCase('inv-08-periodic-base-stock-normal.yaml');
  const best = new Case('INV-08', scenario, 'Sstar');
  const s180 = new Case('INV-08', scenario, 'S180');

  it('costs 4.4668 per period on end-of-period inventory (L + 1 = 5 periods of demand)', () => {
    expectStochastic(best, 'cost per period', per.totalCost, 4.466781, { rel: 0.015 });
    expectStochastic(s180, 'cost per period', per.totalCost, 49.000165, { rel: 0.015 });
  });

  it('ends a period with 16.822 on hand and 2.0554 backordered on average', () => {
    expectStochastic(best, 'E[end on hand]', onHand('part'), 16.822281, { rel: 0.01 });
    expectStochastic(best, 'E[end backorders]', backorders('part'), 2.0553864, { rel: 0.03 });
  });

  it('fills 95.89% of demand from stock', () => {
    expectStochastic(best, 'fill rate', fill('part'), 0.95889412, { abs: 0.003 });
  });
});

describe('the newsvendor (INV-09: normal and Poisson demand)', () => {
  const normal = loadCase('inv-09-newsvendor-normal.yaml');
  const poisson = loadCase('inv-09-newsvendor-poisson.yaml');
  const n = Object.fromEntries(normal.strategies.map((s) => [s, new Case('INV-09', normal, s)]));
  const p = Object.fromEntries(poisson.strategies.map((s) => [s, new Case('INV-09', poisson, s)]));
  const argmin = (cases: Record<string, Case>): string => {
    const mean = (c: Case): number => c.values(per.totalCost).reduce((a, b) => a + b, 0) / c.replications;
    return Object.keys(cases).reduce((a, b) => (mean(cases[b]) < mean(cases[a]) ? b : a));
  };

  it('costs 1.9976 per period at the critical-fractile S* = 56.604 (normal)', () => {
    expectStochastic(n.Sstar, 'cost per period', per.totalCost, 1.9976052, { rel: 0.01 });
    expectStochastic(n.S40, 'cost per period', per.totalCost, 7.3561316, { rel: 0.01 });
    expectStochastic(n.S60, 'cost per period', per.totalCost, 2.1561316, { rel: 0.01 });
  });

  it('leaves 7.5232 over, runs 0.91920 short and stocks out in 20.45% of periods at S*', () => {
    expectStochastic(n.Sstar, 'E[leftover]', onHand('paper'), 7.5231527, { rel: 0.01 });
    expectStochastic(n.Sstar, 'E[shortage]', (r, w) => r.items.paper.lostUnits / w, 0.91919673, { rel: 0.01 });
    expectStochastic(n.Sstar, 'P(stockout)', (r, w) => r.items.paper.stockoutEvents / w, 0.20454545, { abs: 0.004 });
  });

  it('earns the expected profit 33.002 at S* (price 1, cost 0.3, salvage 0.12)', () => {
    const profit: Metric = (r) => 1 * r.kpis.throughput - 0.3 * 56.603956 + 0.12 * r.items.paper.avgOnHand;
    expectStochastic(n.Sstar, 'expected profit', profit, 33.002395, { rel: 0.01 });
  });

  it('costs 3.5701 at the Poisson optimum S* = 8 and 6.5903 at S = 5', () => {
    expectStochastic(p.S8, 'cost per period', per.totalCost, 3.5701069, { rel: 0.01 });
    expectStochastic(p.S5, 'cost per period', per.totalCost, 6.590296, { rel: 0.01 });
  });

  it('finds the critical fractile as the argmin of the simulated cost over a grid of S', () => {
    expect(argmin(n)).toBe('Sstar');
    expect(argmin(p)).toBe('S8');
  });
});

describe('periodic-review (s,S) with Poisson demand and zero lead time (INV-10, Zheng-Federgruen)', () => {
  const scenario = loadCase('inv-10-periodic-sS-poisson.yaml');
  const [a, alt, zf, zf2] = ['A', 'A_alt', 'ZF', 'ZF2'].map((s) => new Case('INV-10', scenario, s));

  it('costs 8.0341 per period at (s,S) = (4,10) and 10.1938 at (6,18) (mean 6, K = 5)', () => {
    expectStochastic(a, 'cost per period', per.totalCost, 8.0341116, { rel: 0.005 });
    expectStochastic(alt, 'cost per period', per.totalCost, 10.193799, { rel: 0.005 });
  });

  it('orders in 68.20% of periods and ends them with 3.1411 on hand, 0.37078 backordered at (4,10)', () => {
    expectStochastic(a, 'P(order)', ordersPerTime('part'), 0.68196644, { abs: 0.003 });
    expectStochastic(a, 'E[end on hand]', onHand('part'), 3.1411472, { rel: 0.005 });
    expectStochastic(a, 'E[end backorders]', backorders('part'), 0.37078304, { rel: 0.02 });
  });

  it('reproduces the Zheng-Federgruen table: 35.0216 at (6,40) for mean 10, 54.2622 at (19,56) for mean 25', () => {
    expectStochastic(zf, 'cost per period', per.totalCost, 35.021555, { rel: 0.005 });
    expectStochastic(zf, 'P(order)', ordersPerTime('part'), 0.25639403, { abs: 0.003 });
    expectStochastic(zf, 'E[end on hand]', onHand('part'), 16.10586, { rel: 0.005 });
    expectStochastic(zf, 'E[end backorders]', backorders('part'), 0.27849756, { rel: 0.02 });
    expectStochastic(zf2, 'cost per period', per.totalCost, 54.262167, { rel: 0.005 });
  });
});

describe('periodic review (R,S) with R = 5 and L = 2 (INV-11: Poisson(10) per day, S = 76)', () => {
  const scenario = loadCase('inv-11-periodic-RS.yaml');
  const s76 = new Case('INV-11', scenario, 'S76');
  const s84 = new Case('INV-11', scenario, 'S84');

  it('costs 41.065 per day: holding on 26.253 on hand, 0.25324 backordered, one order per 5 days', () => {
    expectStochastic(s76, 'cost per day', costRate('part'), 41.064864, { rel: 0.0075 });
    expectStochastic(s76, 'E[end on hand]', onHand('part'), 26.253243, { rel: 0.005 });
    expectStochastic(s76, 'E[end backorders]', backorders('part'), 0.25324318, { rel: 0.03 });
  });

  it('fills 97.61% of demand from stock with orders of 50 units on average', () => {
    expectStochastic(s76, 'fill rate', fill('part'), 0.97611256, { abs: 0.002 });
    const orderSize: Metric = (r) => r.items.part.purchaseCost / r.items.part.replenishmentOrders; // unitCost 1
    expectStochastic(s76, 'mean order size', orderSize, 50, { rel: 0.005 });
  });

  it('at S = 84 costs 44.775 per day with 34.039 on hand and fill rate 0.99621', () => {
    expectStochastic(s84, 'cost per day', costRate('part'), 44.774876, { rel: 0.0075 });
    expectStochastic(s84, 'E[end on hand]', onHand('part'), 34.038744, { rel: 0.005 });
    expectStochastic(s84, 'fill rate', fill('part'), 0.99620784, { abs: 0.002 });
  });
});
