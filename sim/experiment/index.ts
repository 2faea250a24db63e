export { runExperiment } from './experiment.js';
export { planReplications } from './experiment.js';
export { runTask } from './experiment.js';
export { assembleExperiment } from './experiment.js';
export { builtStrategy } from './experiment.js';
export type { ExperimentOptions, ReplicationTask } from './experiment.js';
export type {
  ExperimentResult,
  StrategyResult,
  Comparison,
  KpiSummary,
  Warning,
  PairSummary,
  Difference,
  CostDifference,
  ServiceDifference,
} from './results.js';
export { floatNoise, sameInEveryReplication } from './results.js';
export { scenarioWarnings } from './warnings.js';
export { runSweep } from './sweep.js';
export { gridOf } from './sweep.js';
export { higherIsBetter } from '../model/index.js';
export type { SweepAxis, SweepCell, SweepResult } from './sweep.js';
export { runSweepShard, shardBlocks, SweepMerger, flattenRun, unflattenRun, templateSize } from './sweep-shard.js';
export type { Shard, ShardBlock, ShardBlockRuns, RunTemplate } from './sweep-shard.js';
export { replicationsNeeded } from './advisor.js';
export { suggestedWarmup } from './advisor.js';
export { replicationSeed } from './seeds.js';
export { runExperimentWith } from './experiment.js';
export { serialExecutor, collectRuns, ExperimentAssembler } from './experiment.js';
export type { Executor, ScenarioSource } from './experiment.js';
export { strategyRunKeys } from './run-key.js';
export { runExperimentReusing } from './reuse.js';
export type { RunStore } from './reuse.js';
export { resultsCsv, resultRows, renderCsv, csvField } from './csv.js';
export type { ResultRow } from './csv.js';
export { orderLog, orderLogCsv, MAX_LOGGED_ORDERS } from './order-log.js';
export type { OrderRecord } from './order-log.js';
export { runOptimize, constraintText, defaultTolerance, DEFAULT_INITIAL, DEFAULT_MAX_REPLICATIONS } from './optimize.js';
export type { OptimizeResult, OptimizeCell, OptimizeOptions, Constraint, CellStatus, Feasibility } from './optimize.js';
export { playTurn, orderProblem } from './play.js';
export type { PlayState, PlayTurn, PlayDebrief, PlayPeriod, PeriodFigures, PlayTotals } from './play.js';
