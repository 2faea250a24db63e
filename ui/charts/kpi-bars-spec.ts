import type { ExperimentResult } from '../../sim/index.js';
import { strategyScale } from '../palette.js';
import { CONFIG, type Spec } from './common.js';

/** One bar chart per overall KPI: the mean per strategy with its 95% confidence interval as whiskers. */
export function kpiBarsSpec(result: ExperimentResult, unit: string, currency: string): Spec {
  const names = result.strategies.map((s) => s.name);
  const kpis: [string, string][] = [
    ['totalCost', `total cost (${currency})`],
    ['throughput', `throughput (/${unit})`],
    ['wip', 'WIP (units)'],
    ['avgCustomerWait', `customer wait (${unit})`],
  ];
  const values = result.strategies.flatMap((s) =>
    kpis.map(([kpi, label]) => {
      const summary = s.kpis[kpi as keyof typeof s.kpis];
      return { strategy: s.name, kpi: label, mean: summary.mean, lo: summary.ci95[0], hi: summary.ci95[1] };
    }),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Key figures with 95% confidence intervals',
    config: CONFIG,
    data: { values },
    facet: { column: { field: 'kpi', type: 'nominal', sort: kpis.map(([, l]) => l), title: null } },
    spec: {
      width: 140,
      height: 170,
      layer: [
        {
          mark: 'bar',
          encoding: {
            x: { field: 'strategy', type: 'nominal', sort: names, title: null },
            y: { field: 'mean', type: 'quantitative', title: null, axis: { format: ',.4~r' } },
            color: { field: 'strategy', type: 'nominal', scale: strategyScale(names), legend: null },
            tooltip: [{ field: 'strategy' }, { field: 'mean', format: ',.4~r' }, { field: 'lo', title: 'CI low', format: ',.4~r' }, { field: 'hi', title: 'CI high', format: ',.4~r' }],
          },
        },
        {
          mark: { type: 'rule', strokeWidth: 2, color: '#111827' },
          encoding: {
            x: { field: 'strategy', type: 'nominal', sort: names },
            y: { field: 'lo', type: 'quantitative' },
            y2: { field: 'hi' },
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as Spec;
}
