import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  gridOf,
  planReplications,
  replicationsNeeded,
  runExperiment,
  runExperimentWith,
  runSweep,
  runTask,
  serialExecutor,
  suggestedWarmup,
  type KpiSummary,
} from '../../../sim/experiment/index.js';
import { workerPool } from '../../../sim/experiment/pool.js';
import { loadScenario, type Scenario } from '../../../sim/scenario/index.js';
import { summarize } from '../../../sim/stats/index.js';

const file = 'test/fixtures/small-plant.yaml';
const text = readFileSync(file, 'utf8');
const scenario = loadScenario(text, { file });

function expectSummary(summary: KpiSummary, n: number): void {
  expect(Object.keys(summary)).toEqual(['mean', 'sd', 'ci95', 'n']);
  expect(summary.n).toBe(n);
  expect(summary.ci95![0]).toBeLessThanOrEqual(summary.mean);
  expect(summary.ci95![1]).toBeGreaterThanOrEqual(summary.mean);
}

describe('runExperiment', () => {
  const result = runExperiment(scenario);

  it('gives the design JSON object, keys in the design order', () => {
    expect(Object.keys(result)).toEqual(['scenario', 'time', 'replications', 'seed', 'strategies', 'comparisons', 'summary', 'warnings']);
    expect(result).toMatchObject({ scenario: 'Small plant', time: { unit: 'day', horizon: 200, warmup: 20 }, replications: 8, seed: 3 });
    expect(result.strategies.map((s) => s.name)).toEqual(['Reorder', 'Kanban']);
    const reorder = result.strategies[0];
    expect(Object.keys(reorder)).toEqual(['name', 'derived', 'kpis', 'items', 'machines']);
    expect(Object.keys(reorder.kpis)).toEqual(['totalCost', 'throughput', 'wip', 'avgCustomerWait']);
    for (const summary of Object.values(reorder.kpis)) expectSummary(summary, 8);
    // The forecast KPIs of an item without a forecast have nothing to measure: n = 0, no interval.
    const { forecastBias, forecastMAPE, ...measured } = reorder.items.widget;
    for (const summary of Object.values(measured)) expectSummary(summary, 8);
    for (const none of [forecastBias, forecastMAPE]) expect(none).toEqual({ mean: 0, sd: 0, ci95: null, n: 0 });
    // Nor has the planned load of a machine no MRP plans for.
    const { plannedLoad, overloadShare, ...working } = reorder.machines.press;
    for (const summary of Object.values(working)) expectSummary(summary, 8);
    for (const none of [plannedLoad, overloadShare]) expect(none).toEqual({ mean: 0, sd: 0, ci95: null, n: 0 });
    expect(reorder.derived.part.quantity).toBeGreaterThan(0);
    expect(reorder.derived.part.formulas.quantity).toMatch(/^EOQ = √\(2·K·D\/h\)/);
  });

  it('compares every pair of strategies on every overall KPI and on the service of every item customers order, a − b', () => {
    expect(result.comparisons.map((c) => `${c.a}-${c.b}:${c.kpi}`)).toEqual([
      'Reorder-Kanban:totalCost',
      'Reorder-Kanban:throughput',
      'Reorder-Kanban:wip',
      'Reorder-Kanban:avgCustomerWait',
      'Reorder-Kanban:widget.fillRate',
      'Reorder-Kanban:widget.onTimeShare',
      'Reorder-Kanban:widget.avgCustomerWait',
    ]);
    const cost = result.comparisons[0];
    expect(cost.meanDiff).toBeCloseTo(result.strategies[0].kpis.totalCost.mean - result.strategies[1].kpis.totalCost.mean, 9);
    // A pooled ratio's difference is the difference of the pooled ratios.
    const fill = result.comparisons.find((c) => c.kpi === 'widget.fillRate')!;
    expect(fill.meanDiff).toBeCloseTo(result.strategies[0].items.widget.fillRate.mean - result.strategies[1].items.widget.fillRate.mean, 12);
  });

  it('gives a verdict per pair: the total split into the costs the policies control and purchase cost, and service', () => {
    const [verdict] = result.summary;
    const [a, b] = result.strategies;
    const purchase = (s: typeof a): number => Object.values(s.items).reduce((sum, item) => sum + item.purchaseCost.mean, 0);
    expect(verdict.a).toBe('Reorder');
    expect(verdict.totalCost.meanDiff).toBeCloseTo(result.comparisons[0].meanDiff, 6);
    expect(verdict.purchaseCost.meanDiff).toBeCloseTo(purchase(a) - purchase(b), 6);
    expect(verdict.controlledCost.meanDiff + verdict.purchaseCost.meanDiff).toBeCloseTo(verdict.totalCost.meanDiff, 6);
    // Relative to b: the ratio of means less 1, its interval around it.
    expect(verdict.totalCost.relative!.mean).toBeCloseTo(a.kpis.totalCost.mean / b.kpis.totalCost.mean - 1, 12);
    const [lo, hi] = verdict.totalCost.relative!.ci95!;
    expect(lo).toBeLessThan(verdict.totalCost.relative!.mean);
    expect(hi).toBeGreaterThan(verdict.totalCost.relative!.mean);
    expect(verdict.totalCost.significant).toBe(result.comparisons[0].ci95![0] > 0 || result.comparisons[0].ci95![1] < 0);
    expect(verdict.service.map((s) => `${s.item}.${s.kpi}`)).toEqual(['widget.fillRate', 'widget.onTimeShare']);
    expect(verdict.service[0].means).toEqual([a.items.widget.fillRate.mean, b.items.widget.fillRate.mean]);
    expect(verdict.sentence).toMatch(/^Reorder (costs|and Kanban cost) /);
  });

  it('gives every strategy the same customers in a replication, so throughput differences are tiny', () => {
    // Both strategies deliver (nearly) all demand: with common random numbers the paired interval
    // of the throughput difference is far tighter than either strategy's own interval.
    const throughput = result.comparisons.find((c) => c.kpi === 'throughput')!;
    const own = result.strategies[0].kpis.throughput;
    expect(throughput.ci95![1] - throughput.ci95![0]).toBeLessThan((own.ci95![1] - own.ci95![0]) / 4);
  });

  it('makes the paired interval of a difference tighter than comparing two separate intervals', () => {
    const wip = result.comparisons.find((c) => c.kpi === 'wip')!;
    const [a, b] = result.strategies.map((s) => s.kpis.wip);
    const separate = (a.ci95![1] - a.ci95![0]) / 2 + (b.ci95![1] - b.ci95![0]) / 2;
    expect((wip.ci95![1] - wip.ci95![0]) / 2).toBeLessThan(separate);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    expect(runExperiment(scenario)).toEqual(result);
    expect(runExperiment(scenario, { seed: 4 }).strategies[0].kpis.totalCost.mean).not.toBe(result.strategies[0].kpis.totalCost.mean);
  });

  it('runs only the strategies asked for, with the replications asked for', () => {
    const one = runExperiment(scenario, { strategies: ['Kanban'], replications: 3 });
    expect(one.strategies.map((s) => s.name)).toEqual(['Kanban']);
    expect(one.replications).toBe(3);
    expect(one.comparisons).toEqual([]);
    // Replication k of a strategy does not depend on which other strategies run.
    expect(one.strategies[0]).toEqual(runExperiment(scenario, { replications: 3 }).strategies[1]);
  });

  it('keeps the first replication series when asked', () => {
    const withSeries = runExperiment(scenario, { replications: 2, series: { maxPoints: 300 } });
    const series = withSeries.strategies[0].series!;
    expect(series.items.widget.onHand.t.length).toBeGreaterThan(10);
    expect(series.items.widget.onHand.t.length).toBeLessThanOrEqual(300);
    expect(series.cumulative.cost.at(-1)).toBeCloseTo(
      runExperiment(scenario, { replications: 1, strategies: ['Reorder'] }).strategies[0].kpis.totalCost.mean,
      6,
    );
  });
});

/** The warm-up the levels of `scenario`'s runs suggest, the longest over its strategies (as the experiment's hint). */
function hintOf(scenario: Scenario, replications: number): number {
  const tasks = planReplications(scenario, { replications });
  const runs = tasks.map((task) => runTask(scenario, task));
  return Math.max(...scenario.strategies.map((name) => suggestedWarmup(runs.filter((_, i) => tasks[i].strategy === name).map((run) => run.levels!))!));
}

describe('the warm-up hint', () => {
  it('suggests a longer warm-up when stock starts far from its steady level', () => {
    const drained = loadScenario(text, { file, overrides: { 'items.widget.initial': 1000, 'time.warmup': 0, 'time.horizon': 400 } });
    const hint = hintOf(drained, 2);
    // 1000 widgets drain at 10 a day: the levels settle after about 95 days.
    expect(hint).toBeGreaterThan(60);
    expect(hint).toBeLessThan(140);
    const warnings = runExperiment(drained, { replications: 2 }).warnings.filter((w) => w.code === 'warmup-too-short');
    expect(warnings).toEqual([
      { code: 'warmup-too-short', path: 'time.warmup', message: expect.stringContaining(`settle after about ${Math.ceil(hint)} day`) },
    ]);
  });

  it('stays quiet about a plant that starts near its steady state', () => {
    expect(hintOf(scenario, 2)).toBeLessThan(40);
    expect(runExperiment(scenario, { replications: 2 }).warnings.map((w) => w.code)).not.toContain('warmup-too-short');
  });

  it('does not change any result', () => {
    const plain = runExperiment(scenario, { replications: 2, levelSamples: 0 });
    const probed = runExperiment(scenario, { replications: 2, levelSamples: 500 });
    expect(probed.strategies).toEqual(plain.strategies);
    expect(probed.comparisons).toEqual(plain.comparisons);
  });
});

describe('parallel replications', () => {
  it('give the same numbers as a serial run, bit for bit', async () => {
    const pool = workerPool(2);
    try {
      const source = { text, file };
      const parallel = await runExperimentWith(pool.execute, source, scenario, { replications: 6 });
      const serial = await runExperimentWith(serialExecutor, source, scenario, { replications: 6 });
      expect(parallel).toEqual(serial);
    } finally {
      await pool.close();
    }
  });
});

describe('sweeps', () => {
  it('make a grid of every combination, first axis slowest', () => {
    expect(
      gridOf([
        { path: 'a', values: [1, 2] },
        { path: 'b', values: [5, 6] },
      ]),
    ).toEqual([
      { a: 1, b: 5 },
      { a: 1, b: 6 },
      { a: 2, b: 5 },
      { a: 2, b: 6 },
    ]);
  });

  it('sort cells best first: lowest cost first, highest fill rate first', async () => {
    const axes = [{ path: 'items.widget.policy.quantity', values: [20, 100, 400] }];
    const source = { text, file };
    const byCost = await runSweep(serialExecutor, source, {}, axes, 'totalCost', { replications: 3, strategy: 'Reorder' });
    const costs = byCost.cells.map((c) => c.kpis.totalCost.mean);
    expect(costs).toEqual([...costs].sort((x, y) => x - y));
    expect(byCost.strategy).toBe('Reorder');
    const byFill = await runSweep(serialExecutor, source, {}, axes, 'widget.fillRate', { replications: 3, strategy: 'Reorder' });
    const fills = byFill.cells.map((c) => c.kpis['widget.fillRate'].mean);
    expect(fills).toEqual([...fills].sort((x, y) => y - x));
    expect(byFill.cells.map((c) => c.values['items.widget.policy.quantity']).sort((x, y) => x - y)).toEqual([20, 100, 400]);
  });
});

describe('replication advisor', () => {
  it('asks for the smallest n whose Student-t half-width meets the target, with t for that n', () => {
    const pilot = summarize([10, 12, 8, 11, 9, 10, 12, 8, 10, 10]);
    const summary = { ...pilot, ci95: [pilot.ci95[0], pilot.ci95[1]] as [number, number] };
    const halfWidth = (summary.ci95[1] - summary.ci95[0]) / 2;
    expect(replicationsNeeded(summary, halfWidth / summary.mean)).toBe(10);
    // Half the width: not 4 × 10 = 40, since t(0.975, n − 1) falls from 2.26 to 2.04 on the way.
    expect(replicationsNeeded(summary, halfWidth / summary.mean / 2)).toBe(33);
  });
});
