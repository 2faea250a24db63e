import { higherIsBetter, OVERALL_KPIS, type OverallKpis, type RunResult } from '../model/index.js';
import { loadScenario, type LoadOptions, type Scenario } from '../scenario/index.js';
import { planReplications, type Executor, type ExperimentOptions, type ReplicationTask, type ScenarioSource } from './experiment.js';
import { inIndexOrder } from './in-order.js';
import type { KpiSummary } from './results.js';
import { StrategyTally } from './tally.js';

/** One swept path and the values it takes. */
export interface SweepAxis {
  path: string;
  values: number[];
}

/** One cell of a sweep grid: the values set and the overall KPIs over replications. */
export interface SweepCell {
  values: Record<string, number>;
  kpis: Record<string, KpiSummary>;
}

export interface SweepResult {
  kpi: string;
  strategy: string;
  cells: SweepCell[];
}

/** Every combination of the axes' values, first axis slowest. */
export function gridOf(axes: SweepAxis[]): Record<string, number>[] {
  return axes.reduce<Record<string, number>[]>((cells, axis) => cells.flatMap((cell) => axis.values.map((value) => ({ ...cell, [axis.path]: value }))), [{}]);
}

/**
 * Runs a grid of scenario variants with the same seeds (common random numbers across cells)
 * and sorts the cells best first by `kpi` (an overall KPI such as totalCost, or `item.fillRate`).
 */
export async function runSweep(
  execute: Executor,
  source: ScenarioSource,
  load: Omit<LoadOptions, 'file' | 'overrides'>,
  axes: SweepAxis[],
  kpi: string,
  options: ExperimentOptions & { strategy?: string },
): Promise<SweepResult> {
  const grid = gridOf(axes);
  let strategy = options.strategy;
  let done = 0;
  // Every cell's replications are handed to the executor at once, so a pool keeps all its
  // threads busy across cells; results keep the grid's order.
  const cells: SweepCell[] = await Promise.all(
    grid.map(async (values) => {
      const cellSource = { ...source, overrides: { ...source.overrides, ...values } };
      const scenario = loadScenario(source.text, { ...load, file: source.file, overrides: cellSource.overrides });
      strategy ??= scenario.strategies[0];
      const tasks = planReplications(scenario, { ...options, strategies: [strategy], series: null });
      const tally = await tallied(execute, cellSource, scenario, tasks);
      options.onProgress?.(++done, grid.length);
      return { values, kpis: cellKpis(tally) };
    }),
  );
  return { kpi, strategy: strategy ?? '', cells: bestFirst(cells, kpi) };
}

/** Sorts cells in place best first by `kpi`; the sort is stable, so ties keep the grid's order (a sharded sweep's merge ranks them so too). */
export function bestFirst(cells: SweepCell[], kpi: string): SweepCell[] {
  const sign = higherIsBetter(kpi) ? -1 : 1;
  const score = (cell: SweepCell): number => sign * (cell.kpis[kpi]?.mean ?? NaN);
  return cells.sort((a, b) => score(a) - score(b));
}

/** One strategy's tasks run and folded in task order as they come. */
async function tallied(execute: Executor, source: ScenarioSource, scenario: Scenario, tasks: ReplicationTask[]): Promise<StrategyTally> {
  const tally = new StrategyTally();
  await execute(
    source,
    scenario,
    tasks,
    inIndexOrder((_, run: RunResult) => tally.add(run)),
  );
  return tally;
}

/** Overall KPIs and every item KPI as `item.kpi`, summarized over a cell's replications. */
export function cellKpis(tally: StrategyTally): Record<string, KpiSummary> {
  const summary = tally.summary('', {});
  const kpis: Record<string, KpiSummary> = {};
  for (const key of OVERALL_KPIS) kpis[key] = summary.kpis[key as keyof OverallKpis];
  for (const [item, values] of Object.entries(summary.items)) {
    for (const [key, value] of Object.entries(values)) kpis[`${item}.${key}`] = value;
  }
  return kpis;
}
