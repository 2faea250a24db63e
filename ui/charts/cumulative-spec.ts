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

/** A cumulative total over the measured window, one line per strategy (first replication), at most `points` of each (evenly spaced). */
export function cumulativeSpec(result: ExperimentResult, field: CumulativeField, unit: string, currency: string, points = Infinity): Spec {
  const names = result.strategies.map((s) => s.name);
  const axis = timeAxis(result, unit);
  const values = result.strategies.flatMap((s) => {
    const c = s.series?.cumulative;
    return c ? evenIndices(c.t.length, points).map((i) => ({ strategy: s.name, ...axis.at(c.t[i]), value: c[field][i] })) : [];
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: TITLES[field],
    config: CONFIG,
    width: 'container' as unknown as number,
    height: 220,
    data: { values },
    // A line is one path, whose tooltip would name its first point wherever it is hovered: the
    // invisible points over it carry each point's own.
    mark: { type: 'line', strokeWidth: 2, point: 'transparent' },
    encoding: {
      x: axis.encoding('time', 'date'),
      y: { field: 'value', type: 'quantitative', title: field === 'cost' ? chartText(currency) : 'units' },
      color: { field: 'strategy', type: 'nominal', scale: strategyScale(names), title: 'strategy' },
      tooltip: [{ field: 'strategy' }, axis.tooltip(axis.dated ? 'date' : 'time'), { field: 'value', format: ',.4~r' }],
    },
  } as Spec;
}
