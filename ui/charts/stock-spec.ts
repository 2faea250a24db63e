import { policyLevels, type ExperimentResult, type PolicySpec } from '../../sim/index.js';
import { strategyScale } from '../palette.js';
import { CONFIG, chartText, type Spec } from './common.js';
import { timeAxis } from './time-axis.js';

/**
 * Stock on hand over time for one item, one panel per strategy (the sawtooth), with the policy's
 * reorder point and order-up-to level as dashed rules. Uses each strategy's first replication.
 */
export function stockSpec(result: ExperimentResult, item: string, policies: Record<string, PolicySpec | undefined>, unit: string): Spec {
  const names = result.strategies.map((s) => s.name);
  const axis = timeAxis(result, unit);
  const levels: Record<string, unknown>[] = [];
  const rules: Record<string, unknown>[] = [];
  result.strategies.forEach((strategy, order) => {
    const series = Object.hasOwn(strategy.series?.items ?? {}, item) ? strategy.series!.items[item].onHand : undefined;
    if (series) for (let i = 0; i < series.t.length; i++) levels.push({ strategy: strategy.name, order, ...axis.at(series.t[i]), onHand: series.v[i] });
    const policy = Object.hasOwn(policies, strategy.name) ? policies[strategy.name] : undefined;
    if (policy) for (const rule of policyLevels(policy)) rules.push({ strategy: strategy.name, order, ...rule });
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Stock of ${chartText(item)} (first replication)`,
    config: CONFIG,
    data: { values: [...levels, ...rules] },
    // Strategy names beside the panels are cut to the panel's height.
    facet: { row: { field: 'strategy', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null, header: { labelLimit: 105 } } },
    spec: {
      width: 'container' as unknown as number,
      height: 110,
      layer: [
        {
          transform: [{ filter: 'isValid(datum.t)' }],
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.2 },
          encoding: {
            x: axis.encoding('time', 'date'),
            y: { field: 'onHand', type: 'quantitative', title: 'on hand' },
            color: { field: 'strategy', type: 'nominal', scale: strategyScale(names), legend: null },
          },
        },
        {
          transform: [{ filter: 'isValid(datum.level)' }],
          mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: {
            y: { field: 'value', type: 'quantitative' },
            color: { value: '#374151' },
            tooltip: [{ field: 'level' }, { field: 'value', format: ',.4~r' }],
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as Spec;
}
