import { OVERALL_KPIS, formatEstimate, kpiInfo, unitText, type ExperimentResult } from '../../sim/index.js';
import { strategyScale } from '../palette.js';
import { CONFIG, chartText, type Spec } from './common.js';

/**
 * One bar chart per overall KPI: the mean per strategy with its 95% confidence interval as whiskers.
 * A KPI without an interval (one replication, nothing measured) gets a bar and no whisker: a
 * whisker of zero length would claim a certainty the run does not have. Strategies and KPIs keep
 * their order through index fields (`order`, `kpiOrder`): names never go into the spec's text.
 */
export function kpiBarsSpec(result: ExperimentResult, unit: string, currency: string): Spec {
  const names = result.strategies.map((s) => s.name);
  const kpis: [string, string][] = OVERALL_KPIS.map((kpi) => {
    const info = kpiInfo('overall', kpi);
    return [kpi, `${info.label} (${chartText(unitText(info.unit, { unit }, currency))})`];
  });
  const values = result.strategies.flatMap((s, order) =>
    kpis.map(([kpi, label], kpiOrder) => {
      const summary = s.kpis[kpi as keyof typeof s.kpis];
      return {
        strategy: s.name,
        order,
        kpi: label,
        kpiOrder,
        mean: summary.mean,
        lo: summary.ci95?.[0] ?? null,
        hi: summary.ci95?.[1] ?? null,
        estimate: formatEstimate(summary, kpi),
      };
    }),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: result.replications < 2 ? 'Key figures (1 replication, no intervals)' : 'Key figures with 95% confidence intervals',
    config: CONFIG,
    data: { values },
    facet: { column: { field: 'kpi', type: 'nominal', sort: { field: 'kpiOrder', op: 'min' }, title: null } },
    spec: {
      width: 140,
      height: 170,
      layer: [
        {
          mark: 'bar',
          encoding: {
            x: { field: 'strategy', type: 'nominal', sort: { field: 'order', op: 'min' }, title: null },
            y: { field: 'mean', type: 'quantitative', title: null, axis: { format: ',.4~r' } },
            color: { field: 'strategy', type: 'nominal', scale: strategyScale(names), legend: null },
            tooltip: [{ field: 'strategy' }, { field: 'estimate', title: 'mean ± 95% half-width' }],
          },
        },
        {
          transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }],
          mark: { type: 'rule', strokeWidth: 2, color: '#111827' },
          encoding: {
            x: { field: 'strategy', type: 'nominal', sort: { field: 'order', op: 'min' } },
            y: { field: 'lo', type: 'quantitative' },
            y2: { field: 'hi' },
          },
        },
      ],
    },
    resolve: { scale: { y: 'independent' } },
  } as Spec;
}
