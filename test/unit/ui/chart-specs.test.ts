// Every chart the page draws compiles in Vega-Lite without a word of complaint: each builder in
// ui/charts/ makes its spec from real results of a bundled scenario (few replications, and one run
// of a single replication, where intervals and bands are missing), and Vega-Lite's compile() runs
// in Node with a logger that keeps what it says. A warning is a chart that draws other than meant
// (a dropped encoding, an ignored property, a scale that cannot be used), which no other test sees.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildStrategy,
  chainStages,
  loadScenario,
  runExperiment,
  runOptimize,
  runSweep,
  serialExecutor,
  type ExperimentResult,
  type PolicySpec,
  type Scenario,
} from '../../../sim/index.js';
import type { Spec } from '../../../ui/charts/common.js';
import { cumulativeSpec } from '../../../ui/charts/cumulative-spec.js';
import { dashboardCharts, sweepChart } from '../../../ui/charts/dashboard.js';
import { optimizeSpec } from '../../../ui/charts/optimize-spec.js';
import { forecastItems, forecastSpec, loadMachines, loadSpec } from '../../../ui/charts/planning-spec.js';
import { sweepCurveSpec } from '../../../ui/charts/sweep-spec.js';
import { compileSpec } from './vega-compile.js';

const SCENARIOS = resolve(import.meta.dirname, '../../../scenarios');

/** A bundled scenario as the page loads it. */
function bundled(id: string): { scenario: Scenario; text: string; file: string } {
  const file = join(SCENARIOS, `${id}.yaml`);
  const text = readFileSync(file, 'utf8');
  return { scenario: loadScenario(text, { file, readFile: (path) => readFileSync(path, 'utf8') }), text, file };
}

/** Every chart of the page for one result, plus the builders' other options (the cost curve). */
function resultCharts(scenario: Scenario, result: ExperimentResult): { id: string; spec: Spec }[] {
  const first = buildStrategy(scenario, scenario.strategies[0]).plant;
  // The item the page shows first: the first one customers order.
  const item = first.demand[0]?.item ?? Object.keys(first.items)[0];
  const policies: Record<string, PolicySpec | undefined> = Object.fromEntries(
    scenario.strategies.map((s) => [s, buildStrategy(scenario, s).plant.items[item]?.policy]),
  );
  const { unit } = scenario.time;
  return [
    ...dashboardCharts(result, item, policies, unit, scenario.currency, {}, chainStages(scenario)).map((c) => ({ id: c.id, spec: c.spec })),
    { id: 'cumulative cost', spec: cumulativeSpec(result, 'cost', unit, scenario.currency) },
  ];
}

/** Vega-Lite's warnings and errors for each chart, as `chart: text`. */
function complaints(charts: { id: string; spec: Spec }[]): string[] {
  return charts.flatMap(({ id, spec }) =>
    compileSpec(spec)
      .filter((s) => s.level === 'warn' || s.level === 'error')
      .map((s) => `${id}: ${s.level}: ${s.text}`),
  );
}

describe('chart specs compile in Vega-Lite without warnings', () => {
  it('hears a warning when a spec has a fault (the logger is wired)', () => {
    const said = compileSpec({
      data: { values: [{ a: 1 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } },
    });
    expect(said.some((s) => s.level === 'warn')).toBe(true);
  });

  for (const id of [
    'eoq-cost-curve',
    'jit-eoq-batch',
    'periodic-vs-continuous',
    'mrp-push-vs-pull',
    'mrp-planned-lead-times',
    'beer-game',
    'erp-history-kanban',
  ]) {
    it(`the page's charts for ${id}`, () => {
      const { scenario } = bundled(id);
      const result = runExperiment(scenario, { replications: 2, series: { maxPoints: 600 } });
      expect(complaints(resultCharts(scenario, result))).toEqual([]);
    });
  }

  it("the page's planning charts for an MRP plant: forecast against demand and planned load, for each item and machine picked", () => {
    const file = resolve(import.meta.dirname, '../../fixtures/mrp-chair.yaml');
    const scenario = loadScenario(readFileSync(file, 'utf8'), { file });
    for (const replications of [1, 2]) {
      const result = runExperiment(scenario, { replications, series: { maxPoints: 600 } });
      const charts = resultCharts(scenario, result);
      expect(charts.map((c) => c.id)).toEqual(['kpis', 'stock', 'costs', 'stockouts', 'throughput', 'forecast', 'load', 'timeline', 'cumulative cost']);
      expect(complaints(charts)).toEqual([]);
      expect(
        complaints([
          { id: 'forecast', spec: forecastSpec(result, 'chair', 'day') },
          { id: 'load', spec: loadSpec(result, 'assembly', 'day') },
        ]),
      ).toEqual([]);
    }
  });

  it('draws no planning charts without forecasts or MRP, and no planned load without MRP', () => {
    const { scenario } = bundled('demand-shock');
    const result = runExperiment(scenario, { replications: 2, series: { maxPoints: 100 } });
    // demand-shock has a machine: what it did is drawn (the timeline), and nothing of planning.
    expect(resultCharts(scenario, result).map((c) => c.id)).toEqual(['kpis', 'stock', 'costs', 'stockouts', 'throughput', 'timeline', 'cumulative cost']);
    const file = resolve(import.meta.dirname, '../../fixtures/mrp-chair.yaml');
    const pull = loadScenario(readFileSync(file, 'utf8'), { file });
    const forecastOnly = runExperiment(pull, { replications: 1, series: { maxPoints: 100 }, strategies: ['Reorder point (pull)'] });
    expect(forecastItems(forecastOnly)).toEqual(['chair']);
    expect(loadMachines(forecastOnly)).toEqual([]);
    expect(resultCharts(pull, forecastOnly).map((c) => c.id)).toContain('forecast');
    expect(resultCharts(pull, forecastOnly).map((c) => c.id)).not.toContain('load');
  });

  it("the page's chain charts for the Beer Game: orders by stage and the bullwhip by stage, stages from the customers up", () => {
    const { scenario } = bundled('beer-game');
    expect(chainStages(scenario)).toEqual(['retailer', 'wholesaler', 'distributor', 'factory']);
    for (const replications of [1, 3]) {
      const result = runExperiment(scenario, { replications, series: { maxPoints: 100 } });
      const charts = resultCharts(scenario, result);
      expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(['orders', 'bullwhip']));
      expect(complaints(charts)).toEqual([]);
    }
    // Without transfers there are no stages and no chain charts.
    expect(chainStages(bundled('jit-eoq-batch').scenario)).toEqual([]);
  });

  it("the page's charts for a dated scenario (time.start): temporal axes in days and in hours", () => {
    const file = resolve(import.meta.dirname, '../../fixtures/mrp-chair.yaml');
    const text = readFileSync(file, 'utf8').replace('warmup: 28 }', 'warmup: 28, start: 2025-01-06 }');
    const dated = loadScenario(text, { file });
    expect(complaints(resultCharts(dated, runExperiment(dated, { replications: 2, series: { maxPoints: 300 } })))).toEqual([]);
    const { text: beer, file: beerFile } = bundled('beer-game');
    const hourly = loadScenario(beer.replace('unit: week', 'unit: hour, start: 2025-12-31'), { file: beerFile });
    expect(complaints(resultCharts(hourly, runExperiment(hourly, { replications: 2, series: { maxPoints: 300 } })))).toEqual([]);
  });

  it("the page's charts for a single replication (no intervals)", () => {
    const { scenario } = bundled('eoq-cost-curve');
    const result = runExperiment(scenario, { replications: 1, series: { maxPoints: 600 } });
    expect(complaints(resultCharts(scenario, result))).toEqual([]);
  });

  it('the sweep charts: a cost curve with the EOQ formula, a curve without it, a heat map, a curve without a band', async () => {
    const { scenario, text, file } = bundled('eoq-cost-curve');
    const source = { text, file };
    const quantity = { path: 'items.bearing.policy.quantity', values: [150, 300, 450] };
    const reorder = { path: 'items.bearing.policy.reorderPoint', values: [30, 40] };
    const options = { replications: 2, strategy: scenario.strategies[0] };
    const curve = await runSweep(serialExecutor, source, {}, [quantity], 'totalCost', options);
    const fill = await runSweep(serialExecutor, source, {}, [quantity], 'bearing.fillRate', options);
    const grid = await runSweep(serialExecutor, source, {}, [quantity, reorder], 'totalCost', options);
    const single = await runSweep(serialExecutor, source, {}, [quantity], 'totalCost', { ...options, replications: 1 });
    const charts = [
      { id: 'cost curve with the formula', spec: sweepChart(curve, scenario)! },
      { id: 'cost curve without the formula', spec: sweepCurveSpec(curve, null) },
      { id: 'fill-rate curve', spec: sweepChart(fill, scenario)! },
      { id: 'heat map', spec: sweepChart(grid, scenario)! },
      { id: 'curve of one replication per cell', spec: sweepChart(single, scenario)! },
    ];
    expect(charts.every((c) => c.spec !== null)).toBe(true);
    expect(complaints(charts)).toEqual([]);
  });

  it('the find-the-best charts: a heat map and a curve with the best, eliminated and infeasible cells', async () => {
    const { scenario, text, file } = bundled('eoq-cost-curve');
    const source = { text, file };
    const quantity = { path: 'items.bearing.policy.quantity', values: [150, 300, 450] };
    const reorder = { path: 'items.bearing.policy.reorderPoint', values: [30, 40] };
    // A reorder point of 30 runs short: those cells fail the constraint.
    const options = {
      strategy: scenario.strategies[0],
      delta: 20,
      constraints: [{ kpi: 'bearing.fillRate', op: '>=' as const, value: 0.99, tolerance: 0.005 }],
    };
    const grid = await runOptimize(serialExecutor, source, {}, [quantity, reorder], 'totalCost', options);
    const curve = await runOptimize(serialExecutor, source, {}, [quantity], 'totalCost', options);
    const unconstrained = await runOptimize(serialExecutor, source, {}, [reorder], 'bearing.fillRate', { ...options, delta: 0.01, constraints: [] });
    expect(new Set(grid.cells.map((c) => c.status))).toEqual(new Set(['best', 'eliminated', 'infeasible']));
    const charts = [
      { id: 'find the best, heat map', spec: optimizeSpec(grid)! },
      { id: 'find the best, curve', spec: optimizeSpec(curve)! },
      { id: 'find the best, fill-rate curve', spec: optimizeSpec(unconstrained)! },
    ];
    expect(charts.every((c) => c.spec !== null)).toBe(true);
    expect(complaints(charts)).toEqual([]);
  });
});
