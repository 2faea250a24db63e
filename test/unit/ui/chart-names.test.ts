// Names reach the charts as data, never as code: every chart of the page, built from a run whose
// strategy, item, unit and currency names hold line separators, quotes, backslashes and markup,
// compiles, parses under Vega's expression interpreter (the page's CSP mode) and draws them as text.
import fc from 'fast-check';
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import * as vl from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { buildStrategy, loadScenario, runExperiment, runSweep, serialExecutor, type PolicySpec } from '../../../sim/index.js';
import { chartText, type Spec } from '../../../ui/charts/common.js';
import { dashboardCharts, sweepChart } from '../../../ui/charts/dashboard.js';
import { sweepCurveSpec, sweepHeatmapSpec } from '../../../ui/charts/sweep-spec.js';

const LS = '\u2028';
const STRATEGIES = [`line${LS}separator`, "it's", 'say "hi"', 'back\\slash', '<script>alert(1)</script>', `' + datum + '`, `para\u2029graph`, 'new\nline'];
const ITEM = `bear${LS}ing "x" \\ 'y'`;
const UNIT = `day${LS}s datum.x`;
const CURRENCY = `E"U'R\\ ${LS}<b>`;

function yamlString(text: string): string {
  return JSON.stringify(text); // JSON strings are YAML double-quoted strings
}

const SCENARIO = `name: ${yamlString(`Names ${LS} datum.x <script>`)}
time: { unit: ${yamlString(UNIT)}, horizon: 60, warmup: 5 }
currency: ${yamlString(CURRENCY)}
run: { replications: 2, seed: 1 }
items:
  ${yamlString(ITEM)}:
    holdingCost: 0.02
    initial: 100
    buy: { leadTime: 2, orderCost: 50 }
    policy: { type: sQ, reorderPoint: 40, quantity: 300 }
demand:
  - { item: ${yamlString(ITEM)}, every: 0.25, quantity: 5 }
strategies:
${STRATEGIES.map((s, i) => `  ${yamlString(s)}: { items: { ${yamlString(ITEM)}: { policy: { type: sS, reorderPoint: ${30 + i}, orderUpTo: ${200 + 20 * i} } } } }`).join('\n')}
`;

/** Compiles, parses and runs a spec as the page does (expressions interpreted), then renders it to SVG. */
async function draw(spec: Spec): Promise<string> {
  const compiled = vl.compile(spec as vl.TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter, logLevel: vega.Error });
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** Text as the SVG holds it. */
function inSvg(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

describe('chart specs with hostile names', () => {
  const scenario = loadScenario(SCENARIO, { file: 'names.yaml' });
  const result = runExperiment(scenario, { replications: 2, series: { maxPoints: 100 } });
  const policies: Record<string, PolicySpec | undefined> = Object.fromEntries(
    scenario.strategies.map((s) => [s, buildStrategy(scenario, s).plant.items[ITEM].policy]),
  );

  it('draw every chart of the page, each strategy name in it as text', async () => {
    expect(scenario.strategies).toEqual(STRATEGIES);
    const charts = dashboardCharts(result, ITEM, policies, scenario.time.unit, scenario.currency);
    expect(charts.map((c) => c.id)).toEqual(['kpis', 'stock', 'costs', 'stockouts', 'throughput']);
    for (const chart of charts) {
      const svg = await draw(chart.spec);
      for (const name of STRATEGIES.filter((n) => !/[\n\u2028\u2029]/.test(n))) expect(svg, `${chart.id}: ${name}`).toContain(inSvg(name));
      expect(svg, chart.id).not.toMatch(/<script|<b>/);
    }
  });

  it('keep the strategies in file order in bars and panels', async () => {
    const [kpis, stock] = dashboardCharts(result, ITEM, policies, scenario.time.unit, scenario.currency);
    for (const spec of [kpis.spec, stock.spec]) {
      const svg = await draw(spec);
      const plain = STRATEGIES.filter((n) => !/[\n\u2028\u2029]/.test(n)).map(inSvg);
      const positions = plain.map((n) => svg.indexOf(n));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('draw a sweep curve and a heat map over paths with those names', async () => {
    const axes = [
      { path: `strategies.${STRATEGIES[0]}.items.${ITEM}.policy.orderUpTo`, values: [150, 250] },
      { path: `strategies.${STRATEGIES[0]}.items.${ITEM}.policy.reorderPoint`, values: [20, 40] },
    ];
    for (const used of [axes.slice(0, 1), axes]) {
      const sweep = await runSweep(serialExecutor, { text: SCENARIO, file: 'names.yaml' }, {}, used, 'totalCost', { replications: 2, strategy: STRATEGIES[0] });
      const spec = sweepChart(sweep, scenario)!;
      const svg = await draw(spec);
      expect(svg).toContain('totalCost');
    }
  });

  it('draw axis, legend and tooltip titles of any text once it is made chart text', async () => {
    const cells = [1, 2, 3].map((q) => ({ values: { x: q }, kpis: { totalCost: { mean: 10 - q, ci95: [8 - q, 12 - q] as [number, number], n: 2 } } }));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 30 }), async (text) => {
        const sweep = {
          kpi: 'totalCost',
          strategy: text,
          cells: cells.map((c) => ({ values: { [`items.${text}.policy.quantity`]: c.values.x }, kpis: c.kpis })),
        };
        await draw(sweepCurveSpec(sweep as never, { label: text, points: [{ x: 1, y: 2 }] }));
        const grid = {
          kpi: 'totalCost',
          strategy: text,
          cells: cells.map((c) => ({ values: { [`a.${text}.b`]: c.values.x, [`c.${text}.d`]: c.values.x }, kpis: c.kpis })),
        };
        await draw(sweepHeatmapSpec(grid as never));
        expect(chartText(text)).not.toMatch(/[\n\r\u2028\u2029]/);
      }),
      { numRuns: 60 },
    );
  });

  it('draw the forecast and planned-load charts of an MRP plant with those names', async () => {
    const machine = `pre${LS}ss "m" \\ 'n' <i>`;
    const mrp = `time: { unit: ${yamlString(UNIT)}, horizon: 70, warmup: 7 }
currency: ${yamlString(CURRENCY)}
planning: { bucket: 7, horizon: 4 }
forecasts: { ${yamlString(ITEM)}: { method: exponentialSmoothing, alpha: 0.3 } }
machines: { ${yamlString(machine)}: { servers: 1 } }
items:
  ${yamlString(ITEM)}:
    initial: 50
    make: { machine: ${yamlString(machine)}, processTime: 0.1 }
    policy: { type: mrp, leadTime: 1, lotSizing: lotForLot }
demand:
  - { item: ${yamlString(ITEM)}, every: 0.25, quantity: 2 }
strategies:
${STRATEGIES.map((s, i) => `  ${yamlString(s)}: { items: { ${yamlString(ITEM)}: { policy: { type: mrp, leadTime: 1, safetyStock: ${i}, lotSizing: lotForLot } } } }`).join('\n')}
`;
    const plant = loadScenario(`name: MRP names\n${mrp}`, { file: 'mrp-names.yaml' });
    const run = runExperiment(plant, { replications: 1, series: { maxPoints: 100 } });
    const charts = dashboardCharts(run, ITEM, {}, plant.time.unit, plant.currency, { forecastItem: ITEM, machine });
    expect(charts.map((c) => c.id)).toEqual(['kpis', 'stock', 'costs', 'stockouts', 'throughput', 'forecast', 'load', 'timeline']);
    for (const chart of charts.slice(5)) {
      const svg = await draw(chart.spec);
      for (const name of STRATEGIES.filter((n) => !/[\n\u2028\u2029]/.test(n))) expect(svg, `${chart.id}: ${name}`).toContain(inSvg(name));
      expect(svg, chart.id).not.toMatch(/<script|<b>|<i>/);
    }
  });
});
