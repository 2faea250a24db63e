import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialExecutor } from '../../../sim/experiment/index.js';
import { feasibilityH2, knH2, runOptimize, type OptimizeResult } from '../../../sim/experiment/optimize.js';

// The best cell with a guarantee, on a case whose optimum is known: INV-07's continuous-review base
// stock (Poisson demand 6/day, lead time 3 days, h = 200, p = 270 per unit-day), whose expected
// cost per day at level S is 200·E[(S − D)+] + 270·E[(D − S)+] with D ~ Poisson(18): lowest at
// S = 19 (the critical fractile 270/470), 786.09 a day; S = 18 costs 791.83, S = 20 822.02.

const file = resolve(import.meta.dirname, '../../validation/scenarios/inv-07-base-stock-poisson.yaml');
const text = readFileSync(file, 'utf8');
const WINDOW = 990; // horizon 1000, warm-up 10
const source = { text, file, overrides: { 'time.horizon': 1000 } };

function costPerDay(S: number): number {
  const lambda = 18;
  const pmf = (d: number): number => Math.exp(-lambda + d * Math.log(lambda) - lgamma(d + 1));
  let onHand = 0;
  let backorders = 0;
  for (let d = 0; d < 200; d++) {
    if (d < S) onHand += (S - d) * pmf(d);
    else backorders += (d - S) * pmf(d);
  }
  return 200 * onHand + 270 * backorders;
}

function lgamma(x: number): number {
  let sum = 0;
  for (let k = 2; k < x; k++) sum += Math.log(k);
  return sum;
}

const levels = { path: 'items.part.policy.level', values: Array.from({ length: 11 }, (_, i) => 14 + i) };

describe('sawtooth optimize: the best cell with a guarantee (KN)', () => {
  it('has the constants of Kim & Nelson and of procedure F', () => {
    // η = ½[(2α/(k − 1))^(−2/(n0 − 1)) − 1]; with α = 0.05, k = 2, n0 = 10: η = ½(0.1^(−2/9) − 1).
    expect(knH2(0.05, 2, 10)).toBeCloseTo(2 * 0.5 * (Math.pow(0.1, -2 / 9) - 1) * 9, 12);
    expect(knH2(0.05, 1, 10)).toBe(0);
    expect(feasibilityH2(0.025, 10)).toBeCloseTo(9 * (Math.pow(0.05, -2 / 9) - 1), 12);
  });

  let result: OptimizeResult;
  it('picks a base-stock level within δ of the critical fractile optimum, in fewer replications than a fixed sweep would need', async () => {
    const delta = 10 * WINDOW; // 10 EUR a day
    result = await runOptimize(serialExecutor, source, {}, [levels], 'totalCost', { delta, seed: 3 });
    expect(result.goal).toBe('minimize');
    expect(result.guarantee).toEqual({ delta, confidence: 0.95, met: true });
    const chosen = result.best!.values['items.part.policy.level'];
    expect(costPerDay(chosen) - costPerDay(19)).toBeLessThanOrEqual(10);
    // The simulated cost of the chosen cell agrees with theory.
    expect(result.best!.kpis.totalCost.mean / WINDOW).toBeGreaterThan(0.95 * costPerDay(chosen));
    expect(result.best!.kpis.totalCost.mean / WINDOW).toBeLessThan(1.05 * costPerDay(chosen));
    expect(result.replications).toBeLessThan(result.fixedReplications);
    expect(result.cells[0].status).toBe('best');
    expect(result.cells.filter((c) => c.status === 'best')).toHaveLength(1);
    // Far-off levels go after the first stage; only the close ones take more replications.
    const far = result.cells.filter((c) => Math.abs(c.values['items.part.policy.level'] - 19) >= 4);
    for (const cell of far) expect(cell.replications, `S = ${cell.values['items.part.policy.level']}`).toBe(10);
    expect(result.cells.find((c) => c.values['items.part.policy.level'] === 19)!.status).not.toBe('eliminated');
  });

  it('keeps its guarantee seed after seed: every pick of eight independent searches is within δ of the optimum', async () => {
    const picks: number[] = [];
    for (let seed = 10; seed < 18; seed++) {
      const run = await runOptimize(serialExecutor, source, {}, [levels], 'totalCost', { delta: 10 * WINDOW, seed });
      expect(run.guarantee.met).toBe(true);
      picks.push(run.best!.values['items.part.policy.level']);
    }
    for (const S of picks) expect(costPerDay(S) - costPerDay(19), `S = ${S}`).toBeLessThanOrEqual(10);
  });

  it('searches a grid too large to visit (COMPASS) and still picks a setting within δ of the optimum', async () => {
    // INV-05's (r,Q) with Poisson demand (λ = 1.5, L = 2, h = 20, p = 150, K = 100): the position is
    // uniform on r+1..r+Q, so C(r,Q) = (Kλ + Σ G(y)) / Q with G(y) = h·E[(y − D)+] + p·E[(D − y)+],
    // D ~ Poisson(3); lowest at (3, 5), 107.92 a day. 20 × 20 = 400 cells, more than are visited whole.
    const rq = resolve(import.meta.dirname, '../../validation/scenarios/inv-05-rq-poisson.yaml');
    const rqSource = { text: readFileSync(rq, 'utf8'), file: rq, overrides: { 'time.horizon': 2100 } };
    const pmf = (d: number): number => Math.exp(-3 + d * Math.log(3) - lgamma(d + 1));
    const g = (y: number): number =>
      Array.from({ length: 60 }, (_, d) => (20 * Math.max(y - d, 0) + 150 * Math.max(d - y, 0)) * pmf(d)).reduce((a, b) => a + b);
    const cost = (r: number, q: number): number => (100 * 1.5 + Array.from({ length: q }, (_, j) => g(r + 1 + j)).reduce((a, b) => a + b)) / q;
    expect(cost(3, 5)).toBeCloseTo(107.9236, 3);
    const axes = [
      { path: 'items.part.policy.reorderPoint', values: Array.from({ length: 20 }, (_, i) => i) },
      { path: 'items.part.policy.quantity', values: Array.from({ length: 20 }, (_, i) => i + 1) },
    ];
    const searched = await runOptimize(serialExecutor, rqSource, {}, axes, 'totalCost', { delta: 3 * 2000, seed: 3 });
    expect(searched.search).toMatchObject({ method: 'COMPASS', cells: 400 });
    expect(searched.search!.visited).toBeLessThan(200);
    expect(searched.guarantee.met).toBe(true);
    const { 'items.part.policy.reorderPoint': r, 'items.part.policy.quantity': q } = searched.best!.values;
    expect(cost(r, q) - cost(3, 5), `(r, Q) = (${r}, ${q})`).toBeLessThanOrEqual(3);
    expect(searched.replications).toBeLessThan(searched.fixedReplications);
  });

  it('is deterministic for a seed', async () => {
    const again = await runOptimize(serialExecutor, source, {}, [levels], 'totalCost', { delta: 10 * WINDOW, seed: 3 });
    expect(again).toEqual(result);
  });

  it('finds the cheapest level whose fill rate is at least 75%, deciding each cell within its tolerance', async () => {
    // The fill rate of base stock S is P(D ≤ S − 1) (0.5622 at S = 19): 75% is first reached at S = 22 (P(D ≤ 21) = 0.7991; P(D ≤ 20) = 0.7307).
    const constrained = await runOptimize(serialExecutor, source, {}, [levels], 'totalCost', {
      delta: 10 * WINDOW,
      seed: 3,
      constraints: [{ kpi: 'part.fillRate', op: '>=', value: 0.75, tolerance: 0.01 }],
    });
    expect(constrained.guarantee.met).toBe(true);
    expect(constrained.best!.values['items.part.policy.level']).toBe(22);
    const status = (S: number) => constrained.cells.find((c) => c.values['items.part.policy.level'] === S)!;
    for (const S of [14, 15, 16, 17, 18, 19, 20]) expect(status(S).feasibility['part.fillRate>=0.75'], `S = ${S}`).toBe('infeasible');
    for (const S of [23, 24]) expect(status(S).status).toBe('eliminated');
  });
});
