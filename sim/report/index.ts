// Formatting and plain-language text shared by the CLI and the page (DOM-free).
export { formatNumber } from './numbers.js';
export { formatPercent } from './numbers.js';
export { formatEstimate } from './numbers.js';
export { formatterOf } from './numbers.js';
export { describeComparison } from './comparisons.js';
export { isSignificant } from './comparisons.js';
export { theoryRows, eoqCurve, lotCostRate } from './theory.js';
export type { TheoryRow, TheoryCurve } from './theory.js';
export { mrpRecordRows } from './mrp-record.js';
export type { MrpRecordRow, MrpRecordTable } from './mrp-record.js';
export { kpiRows, doubtedKpis, DOUBTED_NOTE } from './kpi-rows.js';
export type { KpiRow, KpiDetail } from './kpi-rows.js';
