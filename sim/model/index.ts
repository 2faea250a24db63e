export { simulatePlant } from './plant.js';
export type { PlantRunOptions, PlantObserver, ReplenishmentRecord, SeriesOptions } from './plant.js';
export type { StageOverride, OverriddenStage } from './plant.js';
export type { StockPoint } from './stock-point.js';
export type {
  PlantSpec,
  MachineSpec,
  ItemSpec,
  BuySpec,
  MakeSpec,
  PolicySpec,
  PolicyType,
  DemandSpec,
  RateChange,
  RateProfile,
  ForecastSpec,
  LotSizingSpec,
} from './spec.js';
export type {
  ItemKpis,
  ItemCounts,
  MachineCounts,
  MachineKpis,
  OverallKpis,
  RunResult,
  RunSeries,
  LevelSamples,
  PlanningSeries,
  FlowSeries,
  PlanRecord,
  ReplaySeries,
} from './results.js';
export { bufferZones, cumulativeLeadTimes } from './planning/index.js';
export { takesFrom } from './mrp-planner.js';
export { ShiftCalendar, openShareOf } from './calendar.js';
export type { CalendarSpec, OpenPeriod } from './calendar.js';
export { ITEM_KPIS, MACHINE_KPIS, OVERALL_KPIS, ITEM_RATIOS, MACHINE_RATIOS } from './results.js';
export { KPI_CATALOGUE, SHARE_KPIS, PERCENT_KPIS, SIGNED_KPIS, customerWaitKpis, higherIsBetter, kpiInfo, kpiOf, unitText } from './kpis.js';
export type { KpiInfo, KpiScope, UnitKind, CostGroup } from './kpis.js';
export { sQOrder, sSOrder, orderUpTo, kanbanCards, kanbanTrigger, policyLevels, anchorAndAdjustOrder, forecastLevel } from './policies/decisions.js';
export {
  MAX_AMOUNT,
  MAX_HORIZON,
  MAX_TIME,
  MAX_SERVERS,
  MAX_CARDS,
  MAX_REPLICATIONS,
  MAX_PLAY_TURNS,
  MAX_EVENTS,
  DEFAULT_MAX_EVENTS,
  DEFAULT_MAX_QUEUE,
} from './limits.js';
export { tooManyReplications } from './messages.js';
export { formatNumber, formatPercent } from './number-format.js';
export { MACHINE_STATES } from './machine-timeline.js';
export type { MachineTimeline, TimelineBar, MachineStateName } from './machine-timeline.js';
