// The code sweeps and searches for the best cell run in the page, loaded with the first of them
// (simulation-controller.ts), not with the page: they load every cell in the page, which takes the
// scenario's schema (zod), the YAML parser and the bundled data files, and the page's first charts
// need none of them (the loader's worker loads the scenarios of runs).
export { loadScenario, runOptimize, runSweep } from '../sim/index.js';
export { bundledReader } from './bundled-data.js';
