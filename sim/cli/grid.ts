// What sweep and optimize check of a grid before any work: KPIs they may name, and --vary paths
// that would leave every cell the same (a path the strategy sets itself, or another strategy's).
import { ITEM_KPIS, OVERALL_KPIS } from '../model/index.js';
import type { SweepAxis } from '../experiment/index.js';
import type { Scenario } from '../scenario/index.js';
import { UsageError, msg } from './messages.js';
import { strategiesShadowing } from './scenario-file.js';

/** Every KPI a grid's cells report: the overall ones and each item's as `item.kpi`. */
export function gridKpis(scenario: Scenario): string[] {
  const items = Object.keys(scenario.compiled[scenario.strategies[0]].document.items);
  return [...OVERALL_KPIS, ...items.flatMap((item) => ITEM_KPIS.map((k) => `${item}.${k}`))];
}

/** Refuses a KPI the cells do not report, naming the option it came from. */
export function checkGridKpi(scenario: Scenario, kpi: string, option: string): void {
  const known = gridKpis(scenario);
  if (!known.includes(kpi)) throw new UsageError(msg.unknownKpi(kpi, known, option));
}

/** Refuses an axis that cannot change what `strategy` runs. */
export function checkAxes(scenario: Scenario, axes: SweepAxis[], strategy: string): void {
  for (const axis of axes) {
    if (strategiesShadowing(scenario, axis.path, [strategy]).length > 0) throw new UsageError(msg.shadowedVary(axis.path, strategy));
    const other = /^strategies\.([^.]+)\./.exec(axis.path)?.[1];
    if (other !== undefined && other !== strategy) throw new UsageError(msg.otherStrategyVary(axis.path, strategy));
  }
}
