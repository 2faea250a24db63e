import type { SweepResult, TheoryCurve } from '../../sim/index.js';
import { CONFIG, chartText, type Spec } from './common.js';

/** The last parts of a scenario path, short enough for an axis title: `widget.policy.quantity`. */
export function shortPath(path: string): string {
  return chartText(path.split('.').slice(-3).join('.'));
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
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${chartText(result.kpi)} by ${shortPath(path)}`,
      subtitle: `${chartText(result.strategy)}; best cell marked${noBand}${theory ? '; dashed: the formula' : ''}`,
      limit: 480,
    },
    config: CONFIG,
    width: 'container' as unknown as number,
    height: 260,
    layer: layers,
  } as Spec;
}

/** A two-parameter sweep as a heat map of the KPI's mean, the best cell outlined. */
export function sweepHeatmapSpec(result: SweepResult): Spec {
  const [px, py] = Object.keys(result.cells[0]?.values ?? {});
  const values = result.cells.map((c, rank) => ({ x: c.values[px], y: c.values[py], mean: c.kpis[result.kpi].mean, best: rank === 0 }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${chartText(result.kpi)} by ${shortPath(px)} × ${shortPath(py)}`,
      subtitle: `${chartText(result.strategy)}; best cell outlined`,
      limit: 480,
    },
    config: CONFIG,
    width: 'container' as unknown as number,
    height: 300,
    data: { values },
    layer: [
      {
        mark: 'rect',
        encoding: {
          x: { field: 'x', type: 'ordinal', title: shortPath(px) },
          y: { field: 'y', type: 'ordinal', title: shortPath(py), sort: 'descending' },
          color: { field: 'mean', type: 'quantitative', title: chartText(result.kpi), scale: { scheme: 'viridis', reverse: true } },
          tooltip: [
            { field: 'x', title: chartText(px) },
            { field: 'y', title: chartText(py) },
            { field: 'mean', title: chartText(result.kpi), format: ',.4~r' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.best' }],
        mark: { type: 'rect', fill: null, stroke: '#D55E00', strokeWidth: 3 },
        encoding: { x: { field: 'x', type: 'ordinal' }, y: { field: 'y', type: 'ordinal', sort: 'descending' } },
      },
    ],
  } as Spec;
}
