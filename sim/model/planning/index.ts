// Planning kernels: forecasts learned bucket by bucket, the MRP record, DDMRP buffers. Pure
// functions over numbers, checked against the exact cases FC-01, MRP-01 and DDMRP-01; the
// policies that run them inside the plant build on these.
export { createForecaster, forecastErrors } from './forecast.js';
export type { ForecastMethod, Forecaster, ForecasterOptions, ForecastLevers } from './forecast.js';
export { cumulativeLeadTimes, lowLevelCodes, planChanges, planItem, planRun, plannedLoad } from './mrp.js';
export type { ItemPlan, ItemPlanInput, LotSizing, MachineLoadItem, RunItem } from './mrp.js';
export { averageDailyUsage, bufferZones, createAdu, ddmrpOrder, netFlow, qualifiedDemand } from './ddmrp.js';
export type { AduSpec, AduTracker, BufferSpec, BufferZones, DdmrpOrder, KnownOrder } from './ddmrp.js';
