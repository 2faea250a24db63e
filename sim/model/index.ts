export { simulatePlant } from './plant.js';
export type { PlantRunOptions, PlantObserver } from './plant.js';
export type { StockPoint } from './stock-point.js';
export type { PlantSpec, MachineSpec, ItemSpec, BuySpec, MakeSpec, PolicySpec, PolicyType, DemandSpec, RateChange } from './spec.js';
export type { ItemKpis, ItemCounts, MachineKpis, OverallKpis, RunResult, RunSeries, LevelSamples } from './results.js';
export { ITEM_KPIS, MACHINE_KPIS, OVERALL_KPIS, ITEM_RATIOS, SHARE_KPIS } from './results.js';
export { sQOrder, sSOrder, orderUpTo, kanbanCards } from './policies/decisions.js';
export { MAX_AMOUNT, MAX_HORIZON, MAX_TIME, MAX_SERVERS, MAX_CARDS, MAX_REPLICATIONS, MAX_EVENTS, DEFAULT_MAX_EVENTS, DEFAULT_MAX_QUEUE } from './limits.js';
export { tooManyReplications } from './messages.js';
