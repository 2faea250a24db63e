import type { ExperimentResult, KpiSummary, PlantSpec } from '../../sim/index.js';
import { demandRate } from '../charts/eoq-curve.js';

/** One derived value beside what the simulation found. */
export interface TheoryRow {
  strategy: string;
  item: string;
  formula: string;
  /** What the formula predicts and what the simulation measured, in the same terms. */
  predicted: { label: string; value: number } | null;
  /**
   * `kpi` is a KPI of the value's kind (money, a share), whose formatter fits it; `halfWidth` is null
   * without an interval (one replication), `measured` false when nothing was measured (no demand).
   */
  simulated: { label: string; kpi: string; value: number; halfWidth: number | null; measured: boolean };
  note: string;
}

/**
 * For each derived EOQ/EPQ: the cost the formula predicts over the window for that Q — ordering
 * K·D/Q plus cycle-stock holding h·Q/2 (EPQ: h·(1 − D/P)·Q/2) — against the simulated ordering,
 * setup and holding cost. For each service-level reorder point: the target against the fill rate.
 */
export function theoryRows(result: ExperimentResult, plants: Record<string, PlantSpec>): TheoryRow[] {
  const rows: TheoryRow[] = [];
  for (const strategy of result.strategies) {
    const plant = plants[strategy.name];
    for (const [item, derived] of Object.entries(strategy.derived)) {
      const kpis = strategy.items[item];
      const spec = plant?.items[item];
      if (derived.formulas.quantity && derived.quantity !== undefined && spec) {
        const D = demandRate(plant, item);
        const K = spec.buy ? spec.buy.orderCost : (spec.make?.setupCost ?? 0);
        const P = spec.make ? 1 / spec.make.processTime.mean : Infinity;
        const window = plant.time.horizon - plant.time.warmup;
        const Q = derived.quantity;
        const predicted = D > 0 ? ((K * D) / Q + (spec.holdingCost * (1 - D / P) * Q) / 2) * window : NaN;
        const costs = [kpis.orderingCost, kpis.setupCost, kpis.holdingCost];
        rows.push({
          strategy: strategy.name,
          item,
          formula: derived.formulas.quantity,
          predicted: Number.isFinite(predicted) ? { label: 'ordering + cycle-stock holding cost', value: predicted } : null,
          simulated: {
            label: 'ordering/setup + holding cost',
            kpi: 'totalCost',
            value: costs.reduce((sum, c) => sum + c.mean, 0),
            // Half-widths added: a conservative bound for the sum (the three are correlated).
            halfWidth: sumOrNull(costs.map(halfWidth)),
            measured: true,
          },
          note: 'The simulation also holds safety stock and meets random demand; the formula sees neither.',
        });
      }
      if (derived.formulas.reorderPoint && derived.reorderPoint !== undefined) {
        const target = /p = ([\d.]+)/.exec(derived.formulas.reorderPoint)?.[1];
        rows.push({
          strategy: strategy.name,
          item,
          formula: derived.formulas.reorderPoint,
          predicted: target ? { label: 'cycle service level aimed at', value: Number(target) } : null,
          simulated: { label: 'fill rate', kpi: 'fillRate', value: kpis.fillRate.mean, halfWidth: halfWidth(kpis.fillRate), measured: kpis.fillRate.n > 0 },
          note: 'The formula ignores queueing, failures and lead-time variation; the fill rate counts units, not cycles.',
        });
      }
    }
  }
  return rows;
}

/** Half the 95% interval's width; null without an interval. */
function halfWidth(summary: KpiSummary): number | null {
  return summary.ci95 === null ? null : (summary.ci95[1] - summary.ci95[0]) / 2;
}

function sumOrNull(values: (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((sum, v) => sum + v!, 0);
}
