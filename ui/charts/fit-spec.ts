import { FAMILIES, type Family, type FitCharts } from '../../sim/index.js';
import { STRATEGY_COLOURS } from '../palette.js';
import { CONFIG, chartText, type Spec } from './common.js';

/** Each family's colour, the same in the histogram, the Q–Q plot and the ranking table. */
export function familyColour(family: Family): string {
  return STRATEGY_COLOURS[FAMILIES.indexOf(family) % STRATEGY_COLOURS.length];
}

/** The colour scale of the families drawn, in their order (best first): the legend names no family that was not fitted. */
function familyScale(families: Family[]): { domain: Family[]; range: string[] } {
  return { domain: families, range: families.map(familyColour) };
}

/**
 * The data as a histogram (a density: count / (n · width)) with every fitted family's density
 * over it, the chosen one drawn bold; for whole numbers each family's chance of every number,
 * as lines with points. The y axis stops a little above the tallest bar, so a density that shoots
 * up at 0 does not flatten the bars.
 */
export function fitHistogramSpec(charts: FitCharts, chosen: Family, what: string): Spec {
  const top = Math.max(...charts.bins.map((b) => b.density), ...charts.curves.filter((c) => c.family === chosen).map((c) => c.y)) * 1.15 || 1;
  const curves = charts.curves.map((c) => ({ ...c, chosen: c.family === chosen }));
  const curve = {
    data: { values: curves },
    mark: { type: 'line', clip: true, ...(charts.counts ? { point: { size: 18 } } : {}) },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: chartText(what), scale: { zero: false, nice: false } },
      y: { field: 'y', type: 'quantitative', title: charts.counts ? 'share of values' : 'density' },
      color: { field: 'family', type: 'nominal', scale: familyScale([...new Set(charts.curves.map((c) => c.family))]), sort: null, title: 'fitted' },
      strokeWidth: { condition: { test: 'datum.chosen', value: 3.2 }, value: 1.3 },
      opacity: { condition: { test: 'datum.chosen', value: 1 }, value: 0.55 },
      tooltip: [
        { field: 'family', title: 'family' },
        { field: 'x', title: chartText(what), format: ',.4~r' },
        { field: 'y', title: charts.counts ? 'chance' : 'density', format: ',.4~r' },
      ],
    },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${chartText(what)}: the data and the fitted ${charts.counts ? 'chances' : 'densities'}`,
      subtitle: `bars: the data; bold: ${chosen}`,
    },
    config: CONFIG,
    width: 'container' as unknown as number,
    height: 260,
    layer: [
      {
        data: { values: charts.bins },
        mark: { type: 'rect', color: '#cbd5e1', stroke: '#94a3b8', strokeWidth: 0.5 },
        encoding: {
          // Not from 0: weights of 25 to 75 fill the plot (gaps between orders start near 0 anyway).
          x: { field: 'x0', type: 'quantitative', title: chartText(what), scale: { zero: false, nice: false } },
          x2: { field: 'x1' },
          y: { field: 'density', type: 'quantitative', title: charts.counts ? 'share of values' : 'density', scale: { domain: [0, top] } },
          tooltip: [
            { field: 'x0', title: 'from', format: ',.4~r' },
            { field: 'x1', title: 'to', format: ',.4~r' },
            { field: 'count', title: 'values' },
          ],
        },
      },
      curve,
    ],
  } as Spec;
}

/** The chosen family's Q–Q plot: its quantiles against the data's, on the line y = x where they agree. */
export function fitQqSpec(charts: FitCharts, chosen: Family, what: string): Spec {
  const points = charts.qq.filter((q) => q.family === chosen);
  const ends = points.flatMap((q) => [q.fitted, q.observed]);
  const [low, high] = ends.length > 0 ? [Math.min(...ends), Math.max(...ends)] : [0, 1];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Q–Q plot: ${chosen} against the data`, subtitle: 'on the line where the fit and the data agree' },
    config: CONFIG,
    width: 'container' as unknown as number,
    height: 260,
    layer: [
      {
        data: { values: [{ v: low }, { v: high }] },
        mark: { type: 'line', color: '#64748b', strokeDash: [5, 4] },
        encoding: {
          x: { field: 'v', type: 'quantitative', title: `${chosen} quantile`, scale: { zero: false } },
          y: { field: 'v', type: 'quantitative', title: `${chartText(what)} (data)`, scale: { zero: false } },
        },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 26, color: familyColour(chosen), opacity: 0.8 },
        encoding: {
          x: { field: 'fitted', type: 'quantitative', title: `${chosen} quantile`, scale: { zero: false } },
          y: { field: 'observed', type: 'quantitative', title: `${chartText(what)} (data)`, scale: { zero: false } },
          tooltip: [
            { field: 'p', title: 'probability', format: '.3f' },
            { field: 'fitted', title: chosen, format: ',.4~r' },
            { field: 'observed', title: 'data', format: ',.4~r' },
          ],
        },
      },
    ],
  } as Spec;
}
