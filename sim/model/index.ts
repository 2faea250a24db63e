export { simulatePlant } from './plant.js';
export type { PlantRunOptions, PlantObserver } from './plant.js';
export type { StockPoint } from './stock-point.js';
export type { PlantSpec, MachineSpec, ItemSpec, BuySpec, MakeSpec, PolicySpec, PolicyType, DemandSpec, RateChange } from './spec.js';
export type { ItemKpis, ItemCounts, MachineKpis, OverallKpis, RunResult, RunSeries, LevelSamples } from './results.js';
export { ITEM_KPIS, MACHINE_KPIS, OVERALL_KPIS, ITEM_RATIOS, SHARE_KPIS } from './results.js';
export { sQOrder, sSOrder, orderUpTo, kanbanCards } from './policies/decisions.js';
