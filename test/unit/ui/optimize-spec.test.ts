// The chart of "Find the best": each cell's status drawn as the page promises (the best outlined or
// marked, eliminated cells faded, infeasible ones crossed out, what became of each in its tooltip),
// read from the scene graph Vega draws from the compiled spec.
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { CellStatus, KpiSummary, OptimizeCell, OptimizeResult } from '../../../sim/index.js';
import { CROSS, optimizeSpec } from '../../../ui/charts/optimize-spec.js';

const CARDS = 'strategies.JIT.items.widget.policy.cards';
const SIZE = 'strategies.JIT.items.widget.policy.containerSize';

function summary(mean: number): KpiSummary {
  return { mean, sd: mean / 50, ci95: [mean * 0.99, mean * 1.01], n: 10 };
}

function cell(values: Record<string, number>, status: CellStatus, replications: number, cost: number, fill: number): OptimizeCell {
  return {
    values,
    kpis: { totalCost: summary(cost), 'widget.fillRate': summary(fill) },
    replications,
    status,
    feasibility: { 'widget.fillRate>=0.95': status === 'infeasible' ? 'infeasible' : 'feasible' },
  };
}

/** A result as runOptimize gives it, best first. */
function result(cells: OptimizeCell[]): OptimizeResult {
  const best = cells.find((c) => c.status === 'best') ?? null;
  return {
    objective: 'totalCost',
    goal: 'minimize',
    strategy: 'JIT',
    constraints: ['widget.fillRate>=0.95'],
    best: best && { values: best.values, kpis: best.kpis },
    guarantee: { delta: 220, confidence: 0.95, met: !cells.some((c) => c.status === 'contending') },
    replications: cells.reduce((n, c) => n + c.replications, 0),
    fixedReplications: 3000,
    cells,
  } as OptimizeResult;
}

interface Drawn {
  mark: string;
  type: string;
  datum: Record<string, unknown>;
  opacity?: number;
  shape?: string;
  fill?: string;
  stroke?: string;
  tooltip?: Record<string, unknown>;
}

/** Every item Vega draws for the spec, with the mark (layer) it belongs to. */
async function drawn(spec: TopLevelSpec): Promise<{ items: Drawn[]; legend: string[] }> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  const items: Drawn[] = [];
  const legend: string[] = [];
  type Item = Record<string, unknown> & { items?: Mark[]; datum?: Record<string, unknown> };
  type Mark = { marktype: string; name?: string; role?: string; items?: Item[] };
  const visit = (mark: Mark): void => {
    for (const item of mark.items ?? []) {
      if (mark.name?.startsWith('layer_')) {
        items.push({
          mark: mark.name,
          type: mark.marktype,
          datum: item.datum ?? {},
          opacity: item.opacity as number | undefined,
          shape: item.shape as string | undefined,
          fill: item.fill as string | undefined,
          stroke: item.stroke as string | undefined,
          tooltip: item.tooltip as Record<string, unknown> | undefined,
        });
      }
      if (mark.role === 'legend-label') legend.push(String(item.text));
      for (const child of item.items ?? []) visit(child);
    }
  };
  visit((view.scenegraph() as unknown as { root: Mark }).root);
  view.finalize();
  return { items, legend };
}

const at = (items: Drawn[], mark: string) => items.filter((i) => i.mark === mark);

describe('the chart of a search for the best cell', () => {
  it('draws two parameters as a heat map: the best outlined, eliminated and infeasible cells faded, infeasible ones crossed out', async () => {
    const optimum = result([
      cell({ [CARDS]: 3, [SIZE]: 40 }, 'best', 334, 9266, 0.979),
      cell({ [CARDS]: 4, [SIZE]: 40 }, 'eliminated', 77, 9500, 0.99),
      cell({ [CARDS]: 3, [SIZE]: 30 }, 'eliminated', 15, 10100, 0.97),
      cell({ [CARDS]: 4, [SIZE]: 30 }, 'eliminated', 10, 10600, 0.99),
      cell({ [CARDS]: 2, [SIZE]: 30 }, 'eliminated', 24, 10900, 0.9),
      cell({ [CARDS]: 2, [SIZE]: 40 }, 'infeasible', 334, 9100, 0.93),
      // After a search (COMPASS), cells it visited that did not go on to the selection.
      cell({ [CARDS]: 5, [SIZE]: 40 }, 'visited', 10, 9900, 0.99),
    ]);
    const spec = optimizeSpec(optimum)! as TopLevelSpec & { title: { text: string; subtitle: string } };
    expect(spec.title.text).toBe('totalCost by widget.policy.cards × widget.policy.containerSize');
    expect(spec.title.subtitle).toBe('JIT; best cell outlined; eliminated and visited cells faded; infeasible ones crossed out');
    const { items } = await drawn(spec);

    const cells = at(items, 'layer_0_marks');
    expect(cells).toHaveLength(7);
    const opacity = (x: number, y: number) => cells.find((c) => c.datum.x === x && c.datum.y === y)!.opacity;
    expect(opacity(3, 40)).toBe(1);
    expect([opacity(4, 40), opacity(3, 30), opacity(4, 30), opacity(2, 30), opacity(2, 40), opacity(5, 40)]).toEqual([0.3, 0.3, 0.3, 0.3, 0.3, 0.3]);

    const crosses = at(items, 'layer_1_marks');
    expect(crosses.map((c) => [c.type, c.shape, c.datum.x, c.datum.y])).toEqual([['symbol', CROSS, 2, 40]]);
    expect(crosses[0].tooltip).toMatchObject({ status: 'infeasible (widget.fillRate>=0.95)', 'widget.fillRate': '93.0% ± 0.9%' });

    const outline = at(items, 'layer_2_marks');
    expect(outline.map((o) => [o.type, o.datum.x, o.datum.y, o.stroke])).toEqual([['rect', 3, 40, '#D55E00']]);

    // Each cell's tooltip: what became of it, after how many replications, the objective's estimate.
    const dropped = cells.find((c) => c.datum.x === 3 && c.datum.y === 30)!.tooltip;
    expect(dropped).toMatchObject({ [CARDS]: 3, [SIZE]: 30, status: 'eliminated after 15', replications: 15, totalCost: '10,100 ± 101' });
    expect(cells.find((c) => c.datum.x === 3 && c.datum.y === 40)!.tooltip).toMatchObject({ status: 'best', replications: 334 });
    expect(cells.find((c) => c.datum.x === 5 && c.datum.y === 40)!.tooltip).toMatchObject({ status: 'visited by the search' });
  });

  it('draws one parameter as a curve: a marker per status with its legend, whiskers of faded cells faded', async () => {
    const optimum = result([
      cell({ [CARDS]: 3 }, 'best', 2000, 10713, 0.958),
      cell({ [CARDS]: 4 }, 'contending', 2000, 10800, 0.98),
      cell({ [CARDS]: 5 }, 'eliminated', 24, 11196, 0.988),
      cell({ [CARDS]: 6 }, 'eliminated', 13, 11526, 0.998),
      cell({ [CARDS]: 2 }, 'infeasible', 70, 10953, 0.9),
    ]);
    const spec = optimizeSpec(optimum)! as TopLevelSpec & { title: { text: string; subtitle: string } };
    expect(spec.title.text).toBe('totalCost by widget.policy.cards');
    const { items, legend } = await drawn(spec);
    const points = at(items, 'layer_2_marks');
    const marker = (x: number) => points.find((p) => p.datum.x === x)!;
    expect([3, 4, 5, 2].map((x) => [marker(x).shape, marker(x).fill])).toEqual([
      ['diamond', '#D55E00'],
      ['circle', '#0072B2'],
      ['circle', '#9ECAE1'],
      [CROSS, '#111827'],
    ]);
    expect(marker(5).tooltip).toMatchObject({ status: 'eliminated after 24', replications: 24 });
    expect(marker(4).tooltip).toMatchObject({ status: 'still in contention' });
    expect(legend).toEqual(['best', 'still in contention', 'eliminated', 'infeasible']);
    const whiskers = at(items, 'layer_1_marks');
    expect(whiskers).toHaveLength(5);
    expect(Object.fromEntries(whiskers.map((w) => [w.datum.x, w.opacity]))).toEqual({ 2: 0.3, 3: 1, 4: 1, 5: 0.3, 6: 0.3 });
  });

  it('draws nothing for a search that ran no cell', () => {
    expect(optimizeSpec(result([]))).toBeNull();
  });
});
