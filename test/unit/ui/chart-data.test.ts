// A chart keeps its Vega view when only its data change: chart-view compares a spec's shape (its data
// named instead of inline) with the drawn one's and, when they agree, gives the view the new values.
// And the charts over time draw about one point per pixel (charts/resolution.ts).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { chainStages, loadScenario, runExperiment, type Scenario } from '../../../sim/index.js';
import { TOOLTIP_POINTS, cumulativeSpec } from '../../../ui/charts/cumulative-spec.js';
import { dashboardCharts } from '../../../ui/charts/dashboard.js';
import { splitData } from '../../../ui/charts/named-data.js';
import { evenIndices, resolutionFor } from '../../../ui/charts/resolution.js';

const SCENARIOS = resolve(import.meta.dirname, '../../../scenarios');

function bundled(id: string): Scenario {
  const file = join(SCENARIOS, `${id}.yaml`);
  return loadScenario(readFileSync(file, 'utf8'), { file, readFile: (path) => readFileSync(path, 'utf8') });
}

/** The page's charts of `scenario` run with `seed` (other numbers, the same charts). */
function charts(scenario: Scenario, seed: number) {
  const result = runExperiment({ ...scenario, run: { ...scenario.run, seed } }, { replications: 2, series: { maxPoints: 300 } });
  return dashboardCharts(result, 'widget', {}, scenario.time.unit, scenario.currency, {}, chainStages(scenario));
}

describe('splitData(spec)', () => {
  it('names every inline data source, in order, and keeps its other fields', () => {
    const spec = {
      data: { values: [{ a: 1 }], format: { parse: null } },
      layer: [{ mark: 'point' }, { data: { values: [{ b: 2 }] }, mark: 'rule' }],
    } as unknown as TopLevelSpec;
    const { shape, datasets } = splitData(spec);
    expect(shape).toEqual({
      data: { format: { parse: null }, name: 'sawtooth_0' },
      layer: [{ mark: 'point' }, { data: { name: 'sawtooth_1' }, mark: 'rule' }],
    });
    expect([...datasets]).toEqual([
      ['sawtooth_0', [{ a: 1 }]],
      ['sawtooth_1', [{ b: 2 }]],
    ]);
    // The spec given is left as it was.
    expect((spec as unknown as { data: { values: unknown[] } }).data.values).toEqual([{ a: 1 }]);
  });

  it("gives the page's charts of two runs with other numbers the same shapes, and other data", () => {
    const scenario = bundled('jit-eoq-batch');
    const [first, second] = [charts(scenario, 7), charts(scenario, 8)];
    expect(second.map((c) => c.id)).toEqual(first.map((c) => c.id));
    first.forEach((chart, i) => {
      const [a, b] = [splitData(chart.spec), splitData(second[i].spec)];
      expect(b.key, chart.id).toBe(a.key);
      expect(JSON.stringify([...b.datasets]), chart.id).not.toBe(JSON.stringify([...a.datasets]));
    });
  });

  it('compiles a shape to Vega with its named sources left for the view to fill', () => {
    const scenario = bundled('jit-eoq-batch');
    for (const chart of charts(scenario, 7)) {
      const { shape, datasets } = splitData(chart.spec);
      const vega = compile(shape).spec as { data: { name: string; values?: unknown[] }[] };
      for (const name of datasets.keys())
        expect(
          vega.data.find((d) => d.name === name),
          `${chart.id}: ${name}`,
        ).toEqual({ name });
    }
  });
});

describe('charts at their resolution', () => {
  it('records about a point per pixel of a wide chart, and draws as many of a half-width one', () => {
    // The browser tests' 1280 px window: the results area is 900 px wide, its charts 834 and 392 px.
    expect(resolutionFor(900)).toEqual({ points: 684, narrowPoints: 332 });
    expect(resolutionFor(0)).toEqual({ points: 100, narrowPoints: 100 });
    expect(resolutionFor(10_000).points).toBe(2000);
  });

  it('keeps evenly spaced entries, the first and the last among them', () => {
    expect(evenIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(evenIndices(11, 3)).toEqual([0, 5, 10]);
    expect(evenIndices(500, 318)).toHaveLength(318);
  });

  it('draws a cumulative line with at most the points asked for, from its first to its last sample', () => {
    const scenario = bundled('jit-eoq-batch');
    const result = runExperiment(scenario, { replications: 1, series: { maxPoints: 600 } });
    const all = (cumulativeSpec(result, 'delivered', 'day', 'EUR') as unknown as { data: { values: { strategy: string; t: number }[] } }).data.values;
    const few = (cumulativeSpec(result, 'delivered', 'day', 'EUR', 100) as unknown as { data: { values: { strategy: string; t: number }[] } }).data.values;
    for (const strategy of scenario.strategies) {
      const [a, b] = [all.filter((v) => v.strategy === strategy), few.filter((v) => v.strategy === strategy)];
      expect(a.length).toBeGreaterThan(100);
      expect(b).toHaveLength(100);
      expect([b[0], b[99]]).toEqual([a[0], a[a.length - 1]]);
    }
    // The tooltips ride on fewer invisible points, spread over the whole line, its ends included.
    const tips = (cumulativeSpec(result, 'delivered', 'day', 'EUR') as unknown as { layer: { data?: { values: { strategy: string }[] } }[] }).layer[1].data!
      .values;
    for (const strategy of scenario.strategies) {
      const [a, t] = [all.filter((v) => v.strategy === strategy), tips.filter((v) => v.strategy === strategy)];
      expect(t).toHaveLength(TOOLTIP_POINTS);
      expect([t[0], t[TOOLTIP_POINTS - 1]]).toEqual([a[0], a[a.length - 1]]);
    }
  });
});
