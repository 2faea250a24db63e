import { describe, expect, it } from 'vitest';
import { Case, expectStochastic, loadCase, type Metric } from './helpers.js';

// SC-02 (planning-cases.md): a two-stage serial system with base stock at both stages, exact
// (Axsäter, Inventory Control, §5.3; Zipkin ch. 8). The warehouse's outstanding orders X2 are
// Poisson(λL2) and its backorders B2 = (X2 − S2)+; the retailer's net inventory is
// S1 − B2 − D(L1), with D(L1) ~ Poisson(λL1) independent of B2. The catalogue gives SC-02's
// numbers; our own configuration is computed here from the same formulas.

function poisson(mean: number, upTo: number): number[] {
  const p: number[] = [Math.exp(-mean)];
  for (let k = 1; k <= upTo; k++) p.push((p[k - 1] * mean) / k);
  return p;
}

/** Exact steady state of the serial system: warehouse on hand and backorders, retailer on hand, backorders and fill rate. */
function serialBaseStock(lambda: number, s1: number, l1: number, s2: number, l2: number) {
  const K = 200;
  const x2 = poisson(lambda * l2, K);
  const d = poisson(lambda * l1, K);
  const b2 = new Array<number>(K + 1).fill(0);
  let warehouseOnHand = 0;
  x2.forEach((p, x) => {
    b2[Math.max(0, x - s2)] += p;
    warehouseOnHand += p * Math.max(0, s2 - x);
  });
  let onHand = 0;
  let backorders = 0;
  let fill = 0;
  b2.forEach((pb, b) =>
    d.forEach((pd, k) => {
      const net = s1 - b - k;
      onHand += pb * pd * Math.max(0, net);
      backorders += pb * pd * Math.max(0, -net);
      // A unit demand finds stock when net inventory ≥ 1 (Poisson arrivals see time averages).
      if (net >= 1) fill += pb * pd;
    }),
  );
  const warehouseBackorders = b2.reduce((sum, p, b) => sum + p * b, 0);
  return { warehouseOnHand, warehouseBackorders, onHand, backorders, fill, wait: backorders / lambda };
}

const item =
  (name: string, kpi: 'avgOnHand' | 'avgBackorders' | 'fillRate' | 'avgCustomerWait'): Metric =>
  (r) =>
    r.items[name][kpi];

describe('SC-02: two-stage serial base stock (exact)', () => {
  const scenario = loadCase('sc-02-serial-base-stock.yaml');

  it('the formulas give the catalogue’s numbers', () => {
    const exact = serialBaseStock(1, 3, 1, 3, 4);
    expect(exact.warehouseOnHand).toBeCloseTo(0.348, 4);
    expect(exact.warehouseBackorders).toBeCloseTo(1.348, 4);
    expect(exact.onHand).toBeCloseTo(1.1502, 4);
    expect(exact.backorders).toBeCloseTo(0.4982, 4);
    expect(exact.fill).toBeCloseTo(0.5999, 4);
  });

  for (const [strategy, lambda, s1, l1, s2, l2] of [
    ['SC-02', 1, 3, 1, 3, 4],
    ['Own', 1 / 0.6666667, 3, 1, 4, 3],
  ] as const) {
    it(`${strategy}: the simulated chain reproduces them within 2% (fill rate 0.01)`, () => {
      const c = new Case('SC-02', scenario, strategy);
      const exact = serialBaseStock(lambda, s1, l1, s2, l2);
      const rel = { rel: 0.02 };
      expectStochastic(c, 'warehouse on hand', item('warehouse', 'avgOnHand'), exact.warehouseOnHand, rel);
      expectStochastic(c, 'retailer on hand', item('retailer', 'avgOnHand'), exact.onHand, rel);
      expectStochastic(c, 'retailer backorders', item('retailer', 'avgBackorders'), exact.backorders, rel);
      expectStochastic(c, 'retailer fill rate', item('retailer', 'fillRate'), exact.fill, { abs: 0.01 });
      expectStochastic(c, 'retailer customer wait', item('retailer', 'avgCustomerWait'), exact.wait, rel);
      // The warehouse's backorders are the retailer's orders it could not ship at once.
      expectStochastic(c, 'warehouse backorders', item('warehouse', 'avgBackorders'), exact.warehouseBackorders, rel);
    });
  }
});
