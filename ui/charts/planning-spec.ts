import type { ExperimentResult, PlanningSeries } from '../../sim/index.js';
import { strategyScale } from '../palette.js';
import { CONFIG, chartText, type Spec } from './common.js';
import { timeAxis } from './time-axis.js';

/** Overload: the part of a bucket's planned load above capacity (not a strategy colour). */
const OVERLOAD = '#B91C1C';
const DEMAND = '#6B7280';

/** Each strategy's planning series (first replication), in file order; strategies without one are left out. */
function planned(result: ExperimentResult): { name: string; order: number; planning: PlanningSeries }[] {
  return result.strategies.flatMap((s, order) => (s.series?.planning ? [{ name: s.name, order, planning: s.series.planning }] : []));
}

/** Items forecast in some strategy's first replication, in order of first appearance. */
export function forecastItems(result: ExperimentResult): string[] {
  return [...new Set(planned(result).flatMap((p) => Object.keys(p.planning.forecasts)))];
}

/** Machines whose planned load some strategy's MRP runs recorded, in order of first appearance. */
export function loadMachines(result: ExperimentResult): string[] {
  return [...new Set(planned(result).flatMap((p) => (p.planning.runs.length > 0 ? Object.keys(p.planning.load) : [])))];
}

/** The bucket in words, for titles: "7-day buckets". */
function bucketText(planning: PlanningSeries[], unit: string): string {
  const sizes = [...new Set(planning.map((p) => p.bucket))];
  return sizes.length === 1 ? `${sizes[0]}-${chartText(unit)} buckets` : 'planning buckets';
}

/**
 * The forecast of `item` made one bucket ahead against the demand that came in that bucket, one
 * panel per strategy that forecasts it (first replication): the demand in grey, the forecast in
 * the strategy's colour, dashed. Both are steps: each value holds for its whole bucket.
 */
export function forecastSpec(result: ExperimentResult, item: string, unit: string): Spec {
  const names = result.strategies.map((s) => s.name);
  const shown = planned(result).filter((p) => Object.hasOwn(p.planning.forecasts, item));
  const axis = timeAxis(result, unit);
  const values = shown.flatMap(({ name, order, planning }) => {
    const { t, forecast, actual } = planning.forecasts[item];
    return t.flatMap((time, i) => [
      { strategy: name, order, ...axis.at(time), units: actual[i], series: 'demand' },
      { strategy: name, order, ...axis.at(time), units: forecast[i], series: 'forecast' },
    ]);
  });
  const line = (series: string) => ({
    transform: [{ filter: `datum.series === '${series}'` }],
    // Invisible points carry each bucket's tooltip (a line's own names its first point only).
    mark: { type: 'line' as const, interpolate: 'step-after' as const, strokeWidth: series === 'demand' ? 1.2 : 2, point: 'transparent' as const },
  });
  const dash = {
    field: 'series',
    type: 'nominal',
    scale: {
      domain: ['demand', 'forecast'],
      range: [
        [1, 0],
        [6, 3],
      ],
    },
    title: null,
  };
  const axes = {
    x: axis.encoding('start of bucket', 'start of bucket', result.time.horizon),
    y: { field: 'units', type: 'quantitative', title: 'units per bucket' },
  };
  const tooltip = [{ field: 'strategy' }, { field: 'series' }, axis.tooltip('bucket start'), { field: 'units', format: ',.4~r' }];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // Subtitles in short lines: the config cuts every title line at 360 px.
    title: {
      text: `Forecast of ${chartText(item)} against demand`,
      subtitle: [
        `First replication, ${bucketText(
          shown.map((s) => s.planning),
          unit,
        )}: the forecast made`,
        'one bucket ahead (dashed) and the demand (grey)',
      ],
    },
    config: CONFIG,
    data: { values },
    facet: { row: { field: 'strategy', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null, header: { labelLimit: 105 } } },
    spec: {
      width: 'container' as unknown as number,
      height: 110,
      layer: [
        { ...line('demand'), encoding: { ...axes, color: { value: DEMAND }, strokeDash: dash, tooltip } },
        {
          ...line('forecast'),
          encoding: { ...axes, color: { field: 'strategy', type: 'nominal', scale: strategyScale(names), legend: null }, strokeDash: dash, tooltip },
        },
      ],
    },
  } as Spec;
}

/**
 * What each MRP run released onto `machine` for its first bucket (planned releases due now, plus
 * past-due lots released at once) against the machine's capacity per bucket, one bar per run
 * over the whole run, one panel per strategy (first replication); the part above capacity in red.
 *
 * Why the first bucket of every run, not one run's whole horizon: those are the orders that
 * actually reach the machine, so the red over time is the overload the plan handed the shop
 * floor while assuming infinite capacity, set against the same time axis as the stock chart. A
 * single run's later buckets are intentions the next run will redo; the MRP record shows them.
 */
export function loadSpec(result: ExperimentResult, machine: string, unit: string): Spec {
  const names = result.strategies.map((s) => s.name);
  const shown = planned(result).filter((p) => p.planning.runs.length > 0 && Object.hasOwn(p.planning.load, machine));
  const axis = timeAxis(result, unit);
  const values = shown.flatMap(({ name, order, planning }) => {
    const { capacity, runs } = planning.load[machine];
    return runs.map(({ time, load }) => {
      const first = load[0] ?? 0;
      return {
        strategy: name,
        order,
        ...axis.at(time),
        end: axis.x(time + planning.bucket),
        load: first,
        within: Math.min(first, capacity),
        capacity,
        share: first / capacity,
      };
    });
  });
  // The stock chart's time axis, so the two line up; a run at the horizon plans nothing the run will see (clipped).
  const x = axis.encoding('planning run', 'planning run', result.time.horizon);
  const tooltip = [
    { field: 'strategy' },
    axis.tooltip('run at'),
    { field: 'load', title: 'planned load', format: ',.4~r' },
    { field: 'capacity', format: ',.4~r' },
    { field: 'share', title: 'share of capacity', format: '.0%' },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Planned load of ${chartText(machine)}`,
      subtitle: [
        'First replication: machine time each MRP run released',
        'for its first bucket, against capacity (dashed);',
        'in red the overload MRP ignores',
      ],
    },
    config: CONFIG,
    data: { values },
    facet: { row: { field: 'strategy', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null, header: { labelLimit: 105 } } },
    spec: {
      width: 'container' as unknown as number,
      height: 110,
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5, clip: true },
          encoding: {
            x,
            x2: { field: 'end' },
            y: { field: 'within', type: 'quantitative', title: `load (${chartText(unit)})` },
            y2: { datum: 0 },
            color: { field: 'strategy', type: 'nominal', scale: strategyScale(names), legend: null },
            tooltip,
          },
        },
        {
          transform: [{ filter: 'datum.load > datum.capacity' }],
          mark: { type: 'rect', color: OVERLOAD, clip: true },
          encoding: { x, x2: { field: 'end' }, y: { field: 'load', type: 'quantitative' }, y2: { field: 'capacity' }, tooltip },
        },
        {
          mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, color: '#111827' },
          encoding: {
            y: { field: 'capacity', type: 'quantitative', aggregate: 'max' },
            tooltip: [{ field: 'capacity', aggregate: 'max', title: 'capacity per bucket', format: ',.4~r' }],
          },
        },
      ],
    },
  } as Spec;
}
