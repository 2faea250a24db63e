import { eoqCurve, type ExperimentResult, type PolicySpec, type Scenario, type SweepResult } from '../../sim/index.js';
import type { Spec } from './common.js';
import { costSpec } from './cost-spec.js';
import { cumulativeSpec } from './cumulative-spec.js';
import { kpiBarsSpec } from './kpi-bars-spec.js';
import { stockSpec } from './stock-spec.js';
import { sweepCurveSpec, sweepHeatmapSpec } from './sweep-spec.js';

/** One chart of the page: an id (for tests and file names), a title and its spec. */
export interface ChartEntry {
  id: string;
  title: string;
  spec: Spec;
}

/** The page's charts for one result: KPI bars, the sawtooth of `item`, costs, stockouts, deliveries. */
export function dashboardCharts(
  result: ExperimentResult,
  item: string,
  policies: Record<string, PolicySpec | undefined>,
  unit: string,
  currency: string,
): ChartEntry[] {
  return [
    { id: 'kpis', title: 'Key figures', spec: kpiBarsSpec(result, unit, currency) },
    { id: 'stock', title: `Stock of ${item}`, spec: stockSpec(result, item, policies, unit) },
    { id: 'costs', title: 'Cost breakdown', spec: costSpec(result, currency) },
    { id: 'stockouts', title: 'Cumulative stockouts', spec: cumulativeSpec(result, 'stockoutUnits', unit, currency) },
    { id: 'throughput', title: 'Deliveries (throughput)', spec: cumulativeSpec(result, 'delivered', unit, currency) },
  ];
}

/** A sweep as a heat map (two parameters) or a curve (one), with the EOQ formula over a cost curve. */
export function sweepChart(sweep: SweepResult, scenario: Scenario | null): Spec | null {
  if (sweep.cells.length === 0) return null;
  const paths = Object.keys(sweep.cells[0].values);
  if (paths.length === 2) return sweepHeatmapSpec(sweep);
  const theory =
    scenario && sweep.kpi === 'totalCost'
      ? eoqCurve(
          scenario,
          sweep.strategy,
          paths[0],
          sweep.cells.map((c) => c.values[paths[0]]),
        )
      : null;
  return sweepCurveSpec(sweep, theory);
}
