import type { ExperimentResult } from '../../sim/index.js';
import { strategyScale } from '../palette.js';
import { CONFIG, chartText, type Spec } from './common.js';
import { evenIndices } from './resolution.js';
import { timeAxis } from './time-axis.js';

export type CumulativeField = 'stockoutUnits' | 'delivered' | 'cost';

const TITLES: Record<CumulativeField, string> = {
  stockoutUnits: 'Cumulative stockouts (units short)',
  delivered: 'Cumulative deliveries (throughput)',
  cost: 'Cumulative cost',
};

/**
 * Points per line that carry the tooltips: a line is one path, whose own tooltip would name its
 * first point wherever it is hovered, so invisible points over it give each point's values. A
 * point every few pixels is enough to hover, and costs far less to redraw than one per datum.
 */
export const TOOLTIP_POINTS = 80;

/** A cumulative total over the measured window, one line per strategy (first replication), at most `points` of each (evenly spaced). */
export function cumulativeSpec(result: ExperimentResult, field: CumulativeField, unit: string, currency: string, points = Infinity): Spec {
  const names = result.strategies.map((s) => s.name);
  const axis = timeAxis(result, unit);
  const rows = (count: number) =>
    result.strategies.flatMap((s) => {
      const c = s.series?.cumulative;
      return c ? evenIndices(c.t.length, count).map((i) => ({ strategy: s.name, ...axis.at(c.t[i]), value: c[field][i] })) : [];
    });
  const encoding = {
    x: axis.encoding('time', 'date'),
    y: { field: 'value', type: 'quantitative', title: field === 'cost' ? chartText(currency) : 'units' },
    color: { field: 'strategy', type: 'nominal', scale: strategyScale(names), title: 'strategy' },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: TITLES[field],
    config: CONFIG,
    width: 'container' as unknown as number,
    height: 220,
    data: { values: rows(points) },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding },
      {
        data: { values: rows(Math.min(points, TOOLTIP_POINTS)) },
        mark: { type: 'point', filled: true, opacity: 0, size: 90 },
        encoding: { ...encoding, tooltip: [{ field: 'strategy' }, axis.tooltip(axis.dated ? 'date' : 'time'), { field: 'value', format: ',.4~r' }] },
      },
    ],
  } as Spec;
}
