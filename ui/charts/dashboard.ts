import { eoqCurve, type ExperimentResult, type PolicySpec, type Scenario, type SweepResult } from '../../sim/index.js';
import type { Spec } from './common.js';
import { costSpec } from './cost-spec.js';
import { cumulativeSpec } from './cumulative-spec.js';
import { kpiBarsSpec } from './kpi-bars-spec.js';
import { bullwhipSpec, hasFlows, ordersByStageSpec } from './bullwhip-spec.js';
import { forecastItems, forecastSpec, loadMachines, loadSpec } from './planning-spec.js';
import { stockSpec } from './stock-spec.js';
import { sweepCurveSpec, sweepHeatmapSpec } from './sweep-spec.js';
import { timelineMachines, timelineSpec } from './timeline-spec.js';

/** One chart of the page: an id (for tests and file names), a title and its spec. */
export interface ChartEntry {
  id: string;
  title: string;
  spec: Spec;
}

/** Which forecast item and which machine the planning charts show, and whose timeline (the first of each when not one of the result's). */
export interface PlanningChoice {
  forecastItem?: string;
  machine?: string;
  timelineMachine?: string;
}

/**
 * The page's charts for one result: KPI bars, the sawtooth of `item`, costs, stockouts, deliveries;
 * with planning data, also the forecast against demand and the planned load against capacity.
 */
export function dashboardCharts(
  result: ExperimentResult,
  item: string,
  policies: Record<string, PolicySpec | undefined>,
  unit: string,
  currency: string,
  planning: PlanningChoice = {},
  /** The stages of the plant's supply chains, customers first (chainStages): their orders and bullwhip are drawn. */
  stages: readonly string[] = [],
  /** Points per line of the half-width charts over time (resolution.ts); all the series has when absent. */
  narrowPoints = Infinity,
): ChartEntry[] {
  return [
    { id: 'kpis', title: 'Key figures', spec: kpiBarsSpec(result, unit, currency) },
    { id: 'stock', title: `Stock of ${item}`, spec: stockSpec(result, item, policies, unit) },
    { id: 'costs', title: 'Cost breakdown', spec: costSpec(result, currency) },
    { id: 'stockouts', title: 'Cumulative stockouts', spec: cumulativeSpec(result, 'stockoutUnits', unit, currency, narrowPoints) },
    { id: 'throughput', title: 'Deliveries (throughput)', spec: cumulativeSpec(result, 'delivered', unit, currency, narrowPoints) },
    ...planningCharts(result, planning, unit),
    ...chainCharts(result, stages, unit),
    ...timelineCharts(result, planning.timelineMachine, unit),
  ];
}

/** What a machine did through the first replication (busy, setup, down, starved, blocked, idle, closed), for a plant with machines. */
function timelineCharts(result: ExperimentResult, chosen: string | undefined, unit: string): ChartEntry[] {
  const machines = timelineMachines(result);
  const machine = machines.includes(chosen ?? '') ? chosen! : machines[0];
  return machine === undefined ? [] : [{ id: 'timeline', title: `What ${machine} did`, spec: timelineSpec(result, machine, unit) }];
}

/** The orders of every stage over time and the bullwhip by stage, for a plant with transfers whose first replication kept its flows. */
function chainCharts(result: ExperimentResult, stages: readonly string[], unit: string): ChartEntry[] {
  if (!hasFlows(result, stages)) return [];
  return [
    { id: 'orders', title: 'Orders by stage', spec: ordersByStageSpec(result, stages, unit) },
    { id: 'bullwhip', title: 'Bullwhip by stage', spec: bullwhipSpec(result, stages) },
  ];
}

/** The forecast and planned-load charts, each only when some strategy's first replication has its data. */
function planningCharts(result: ExperimentResult, choice: PlanningChoice, unit: string): ChartEntry[] {
  const charts: ChartEntry[] = [];
  const items = forecastItems(result);
  const item = items.includes(choice.forecastItem ?? '') ? choice.forecastItem! : items[0];
  if (item !== undefined) charts.push({ id: 'forecast', title: `Forecast of ${item}`, spec: forecastSpec(result, item, unit) });
  const machines = loadMachines(result);
  const machine = machines.includes(choice.machine ?? '') ? choice.machine! : machines[0];
  if (machine !== undefined) charts.push({ id: 'load', title: `Planned load of ${machine}`, spec: loadSpec(result, machine, unit) });
  return charts;
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
