import type { SweepResult, TheoryCurve } from '../../sim/index.js';
import { CONFIG, chartText, type Spec } from './common.js';

/** The last parts of a scenario path, short enough for an axis title: `widget.policy.quantity`. */
export function shortPath(path: string): string {
  return chartText(path.split('.').slice(-3).join('.'));
}

/** The frame of every grid chart (sweep and find the best): schema, title and subtitle, the page's look, the card's width. */
export function gridFrame(
  text: string,
  subtitle: string,
  height: number,
): { $schema: string; title: { text: string; subtitle: string; limit: number }; config: typeof CONFIG; width: number; height: number } {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text, subtitle, limit: 480 },
    config: CONFIG,
    width: 'container' as unknown as number,
    height,
  };
}

/** A heat map's two ordinal axes (fields `x`, `y`), the second with its largest value on top; titled for the first layer only. */
export function gridAxes(px: string, py: string, titled = false): Record<'x' | 'y', Record<string, unknown>> {
  return {
    x: { field: 'x', type: 'ordinal', ...(titled ? { title: shortPath(px) } : {}) },
    y: { field: 'y', type: 'ordinal', sort: 'descending', ...(titled ? { title: shortPath(py) } : {}) },
  };
}

/** A heat map's colour: the KPI's mean (field `mean`), yellow where lowest, dark purple where highest. */
export function meanColour(kpi: string): Record<string, unknown> {
  return { field: 'mean', type: 'quantitative', title: chartText(kpi), scale: { scheme: 'viridis', reverse: true } };
}

/** The layer that outlines a heat map's best cell (the datum with `best` set); unknown to the type checker, as every layer is to Vega-Lite's types. */
export function bestOutline(px: string, py: string): unknown {
  return {
    transform: [{ filter: 'datum.best' }],
    mark: { type: 'rect', fill: null, stroke: '#D55E00', strokeWidth: 3 },
    encoding: gridAxes(px, py),
  };
}

/**
 * A one-parameter sweep as a curve with its 95% band, the best cell marked, theory drawn over it.
 * Cells without an interval (one replication per cell) get no band, and the subtitle says so.
 */
export function sweepCurveSpec(result: SweepResult, theory: TheoryCurve | null): Spec {
  const path = Object.keys(result.cells[0]?.values ?? {})[0] ?? '';
  const cells = result.cells.map((c, rank) => {
    const { mean, ci95, n } = c.kpis[result.kpi];
    return { x: c.values[path], mean, lo: ci95?.[0] ?? null, hi: ci95?.[1] ?? null, n, best: rank === 0 };
  });
  const banded = cells.filter((c) => c.lo !== null && c.hi !== null);
  // Short: the subtitle is cut at the title's limit.
  const noBand = banded.length > 0 ? '' : cells.every((c) => c.n === 1) ? '; no band (1 replication)' : '; no band (no interval)';
  const layers: unknown[] = [
    {
      data: { values: banded },
      mark: { type: 'errorband', color: '#0072B2', opacity: 0.2 },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: shortPath(path) },
        y: { field: 'lo', type: 'quantitative', title: chartText(result.kpi) },
        y2: { field: 'hi' },
      },
    },
    {
      data: { values: cells },
      mark: { type: 'line', point: true, color: '#0072B2' },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'mean', type: 'quantitative' },
        tooltip: [
          { field: 'x', title: chartText(path) },
          { field: 'mean', title: chartText(result.kpi), format: ',.4~r' },
        ],
      },
    },
    {
      data: { values: cells.filter((c) => c.best) },
      mark: { type: 'point', shape: 'diamond', size: 220, filled: true, color: '#D55E00' },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' } },
    },
  ];
  if (theory) {
    layers.push({
      data: { values: theory.points.map((p) => ({ ...p, curve: theory.label })) },
      mark: { type: 'line', strokeDash: [6, 4], color: '#111827' },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        tooltip: [{ field: 'curve' }, { field: 'y', format: ',.4~r' }],
      },
    });
  }
  return {
    ...gridFrame(
      `${chartText(result.kpi)} by ${shortPath(path)}`,
      `${chartText(result.strategy)}; best cell marked${noBand}${theory ? '; dashed: the formula' : ''}`,
      260,
    ),
    layer: layers,
  } as Spec;
}

/** A two-parameter sweep as a heat map of the KPI's mean, the best cell outlined. */
export function sweepHeatmapSpec(result: SweepResult): Spec {
  const [px, py] = Object.keys(result.cells[0]?.values ?? {});
  const values = result.cells.map((c, rank) => ({ x: c.values[px], y: c.values[py], mean: c.kpis[result.kpi].mean, best: rank === 0 }));
  return {
    ...gridFrame(`${chartText(result.kpi)} by ${shortPath(px)} × ${shortPath(py)}`, `${chartText(result.strategy)}; best cell outlined`, 300),
    data: { values },
    layer: [
      {
        mark: 'rect',
        encoding: {
          ...gridAxes(px, py, true),
          color: meanColour(result.kpi),
          tooltip: [
            { field: 'x', title: chartText(px) },
            { field: 'y', title: chartText(py) },
            { field: 'mean', title: chartText(result.kpi), format: ',.4~r' },
          ],
        },
      },
      bestOutline(px, py),
    ],
  } as Spec;
}
