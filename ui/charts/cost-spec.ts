import { KPI_CATALOGUE, type ExperimentResult } from '../../sim/index.js';
import { CONFIG, chartText, type Spec } from './common.js';

/** The catalogue's cost groups, in its order, each with its item KPIs. */
const GROUPS: [string, string[]][] = [...new Set(KPI_CATALOGUE.flatMap((k) => (k.costGroup ? [k.costGroup] : [])))].map((group) => [
  group,
  KPI_CATALOGUE.filter((k) => k.scope === 'item' && k.costGroup === group).map((k) => k.key),
]);
const GROUP_COLOURS = ['#56B4E9', '#E69F00', '#D55E00', '#999999'];

/** Mean total cost per strategy, stacked by kind (summed over items). */
export function costSpec(result: ExperimentResult, currency: string): Spec {
  const values = result.strategies.flatMap((s, order) =>
    GROUPS.map(([group, kpis]) => ({
      strategy: s.name,
      order,
      kind: group,
      cost: Object.values(s.items).reduce((sum, item) => sum + kpis.reduce((k, kpi) => k + item[kpi as keyof typeof item].mean, 0), 0),
    })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Cost breakdown (mean, ${chartText(currency)})`,
    config: CONFIG,
    width: 'container' as unknown as number,
    height: 220,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'strategy', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null },
      y: { field: 'cost', type: 'quantitative', stack: 'zero', title: chartText(currency) },
      color: { field: 'kind', type: 'nominal', sort: GROUPS.map(([g]) => g), scale: { domain: GROUPS.map(([g]) => g), range: GROUP_COLOURS }, title: 'cost' },
      order: { field: 'kind' },
      tooltip: [{ field: 'strategy' }, { field: 'kind' }, { field: 'cost', format: ',.2f' }],
    },
  } as Spec;
}
