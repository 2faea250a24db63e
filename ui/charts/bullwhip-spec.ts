import type { ExperimentResult, FlowSeries } from '../../sim/index.js';
import { strategyScale } from '../palette.js';
import { CONFIG, chartText, type Spec } from './common.js';
import { timeAxis } from './time-axis.js';

/** The customers' demand line in the orders chart (not a stage, not a strategy). */
const CUSTOMERS = '#6B7280';

/** Each strategy's flow series (first replication), in file order; strategies without one are left out. */
function flowing(result: ExperimentResult): { name: string; order: number; flows: FlowSeries }[] {
  return result.strategies.flatMap((s, order) => (s.series?.flows ? [{ name: s.name, order, flows: s.series.flows }] : []));
}

/** True when some strategy's first replication kept its flows for these stages. */
export function hasFlows(result: ExperimentResult, stages: readonly string[]): boolean {
  return stages.length > 0 && flowing(result).some((f) => stages.every((stage) => Object.hasOwn(f.flows.items, stage)));
}

/**
 * The classic picture of the bullwhip: what each stage ordered per bucket over time, one panel per
 * strategy (first replication), the stages coloured from the customers (light) to the source
 * (dark), with the customers' demand at the first stage in grey beneath them.
 */
export function ordersByStageSpec(result: ExperimentResult, stages: readonly string[], unit: string): Spec {
  const shown = flowing(result);
  const customerFacing = stages[0];
  const axis = timeAxis(result, unit);
  const values = shown.flatMap(({ name, order, flows }) =>
    flows.t.flatMap((t, k) => [
      { strategy: name, order, ...axis.at(t), units: flows.items[customerFacing]?.demanded[k] ?? 0, series: 'customers', rank: -1, kind: 'demand' },
      ...stages.map((stage, rank) => ({
        strategy: name,
        order,
        ...axis.at(t),
        units: flows.items[stage]?.ordered[k] ?? 0,
        series: stage,
        rank,
        kind: 'orders',
      })),
    ]),
  );
  const bucket = shown[0]?.flows.bucket ?? 1;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Orders by stage',
      subtitle: [
        `First replication: units ordered per ${bucket === 1 ? '' : `${bucket} `}${chartText(unit)}`,
        'by each stage, and the customers’ demand (grey)',
      ],
    },
    config: CONFIG,
    data: { values },
    facet: { row: { field: 'strategy', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null, header: { labelLimit: 105 } } },
    spec: {
      width: 'container' as unknown as number,
      height: 120,
      // Invisible points carry each bucket's tooltip (a line's own names its first point only).
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.6, point: 'transparent' },
      encoding: {
        x: axis.encoding('time', 'date', result.time.horizon),
        y: { field: 'units', type: 'quantitative', title: 'units ordered' },
        color: {
          field: 'series',
          type: 'nominal',
          // Names travel as data: the domain is the data's, sorted by each series' rank (customers, then the stages upstream).
          sort: { field: 'rank', op: 'min' },
          scale: { range: [CUSTOMERS, '#9ecae1', '#4292c6', '#2171b5', '#08519c', '#08306b'] },
          title: 'orders of',
        },
        strokeDash: {
          field: 'kind',
          type: 'nominal',
          scale: {
            domain: ['demand', 'orders'],
            range: [
              [4, 3],
              [1, 0],
            ],
          },
          legend: null,
        },
        tooltip: [{ field: 'strategy' }, { field: 'series', title: 'orders of' }, axis.tooltip('bucket start'), { field: 'units', format: ',.4~r' }],
      },
    },
  } as Spec;
}

/** The bullwhip ratio of each stage (order variance / demand variance, over the replications, with its 95% interval), bars by strategy; a rule at 1. */
export function bullwhipSpec(result: ExperimentResult, stages: readonly string[]): Spec {
  const names = result.strategies.map((s) => s.name);
  const values = result.strategies.flatMap((s, order) =>
    stages.flatMap((stage, rank) => {
      const kpi = s.items[stage]?.bullwhip;
      if (kpi === undefined || kpi.n === 0) return [];
      return [{ strategy: s.name, order, stage, rank, ratio: kpi.mean, low: kpi.ci95?.[0] ?? kpi.mean, high: kpi.ci95?.[1] ?? kpi.mean }];
    }),
  );
  return bullwhipBarsSpec({
    title: 'Bullwhip by stage',
    values,
    // One strategy a line: long names would be cut in two columns of a half-width card.
    group: { field: 'strategy', sort: { field: 'order', op: 'min' }, scale: strategyScale(names), legend: { columns: 1 } },
    tooltip: [
      { field: 'strategy' },
      { field: 'stage' },
      { field: 'ratio', title: 'bullwhip', format: ',.3~r' },
      { field: 'low', title: '95% from', format: ',.3~r' },
      { field: 'high', title: 'to', format: ',.3~r' },
    ],
    whiskers: true,
  });
}

/** How the bars of one stage are told apart: by strategy on the page, by player and policy in the play debrief. */
export interface BarGroup {
  field: string;
  sort?: { field: string; op: 'min' };
  scale: Record<string, unknown>;
  legend?: Record<string, unknown>;
}

/**
 * The bullwhip by stage as grouped bars, the page's and the play debrief's: a group of bars per
 * stage (rows with `stage`, `rank` from the customers up, `ratio`, and the group's field), with
 * whiskers from `low` to `high` when asked, and a dashed rule at 1, above which a stage amplifies.
 */
export function bullwhipBarsSpec(options: {
  title: string;
  values: Record<string, unknown>[];
  group: BarGroup;
  tooltip: Record<string, unknown>[];
  whiskers: boolean;
}): Spec {
  const { group } = options;
  const x = { field: 'stage', type: 'nominal', sort: { field: 'rank', op: 'min' }, title: 'stage (customers first)' };
  const xOffset = { field: group.field, type: 'nominal', ...(group.sort ? { sort: group.sort } : { scale: { domain: group.scale.domain } }) };
  const whiskers = {
    mark: { type: 'rule', color: '#111827' },
    encoding: { x, xOffset, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title,
      subtitle: ['Variance of orders over variance of demand per bucket;', 'above 1 (dashed), a stage amplifies what it is asked'],
    },
    config: CONFIG,
    data: { values: options.values },
    width: 'container' as unknown as number,
    height: 220,
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x,
          xOffset,
          y: { field: 'ratio', type: 'quantitative', title: 'bullwhip (order / demand variance)' },
          color: {
            field: group.field,
            type: 'nominal',
            scale: group.scale,
            title: null,
            ...(group.sort ? { sort: group.sort } : {}),
            ...(group.legend ? { legend: group.legend } : {}),
          },
          tooltip: options.tooltip,
        },
      },
      ...(options.whiskers ? [whiskers] : []),
      { mark: { type: 'rule', strokeDash: [6, 4], color: '#111827' }, encoding: { y: { datum: 1 } } },
    ],
  } as Spec;
}
