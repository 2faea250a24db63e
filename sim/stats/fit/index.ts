// The public API of sim/stats/fit: input analysis, fitting the scenario's distribution families to data.
export { fitDistributions } from './fit.js';
export { ALPHA, MIN_VALUES, SMALL_SAMPLE } from './fit.js';
export type { Candidate, Fallback, FitReport } from './fit.js';
export { FAMILIES } from './family.js';
export type { Family, Fitted } from './family.js';
export type { GoodnessOfFit } from './ks.js';
export { fitWithCharts } from './charts.js';
export type { FitBin, FitCharts, FitCurvePoint, FitQqPoint } from './charts.js';
