// The public API of the simulation for the web page (ui/ imports only this file) and for library users.
export { loadScenario } from './scenario/index.js';
export { buildStrategy } from './scenario/index.js';
export { runScenario } from './scenario/index.js';
export { scenarioJsonSchema } from './scenario/index.js';
export { setPath } from './scenario/index.js';
export { applyStrategy } from './scenario/index.js';
export { ScenarioError } from './scenario/index.js';
export { Fifo, SimulationStalledError, SimulationTooLargeError, fromErrorData, toErrorData } from './engine/index.js';
export type { SimulationErrorData } from './engine/index.js';
export type { Scenario, ScenarioIssue, DerivedValues, LoadOptions, CompiledStrategy, Lever, EoqInputs, ItemDerivation, Challenge } from './scenario/index.js';
export type { PlaySetup } from './scenario/index.js';
export { MAX_PLAY_TURNS } from './model/index.js';
export { leversOf, POLICY_LEVERS, ownsPath } from './scenario/index.js';
export { isDated, timeMs, dateText, bucketDate } from './scenario/index.js';
export type { RunTime } from './scenario/index.js';
export { runExperiment } from './experiment/index.js';
export { runExperimentWith } from './experiment/index.js';
export { runExperimentReusing, strategyRunKeys, type RunStore } from './experiment/index.js';
export { planReplications } from './experiment/index.js';
export { runTask } from './experiment/index.js';
export { assembleExperiment } from './experiment/index.js';
export { runSweep } from './experiment/index.js';
export { higherIsBetter } from './experiment/index.js';
export { serialExecutor } from './experiment/index.js';
export { runOptimize, constraintText, defaultTolerance, DEFAULT_INITIAL } from './experiment/index.js';
export { resultsCsv } from './experiment/index.js';
export { orderLog, orderLogCsv, MAX_LOGGED_ORDERS } from './experiment/index.js';
export { playTurn, orderProblem } from './experiment/index.js';
export type { PlayState, PlayTurn, PlayDebrief, PlayPeriod, PeriodFigures, PlayTotals } from './experiment/index.js';
export type {
  ExperimentResult,
  StrategyResult,
  Comparison,
  KpiSummary,
  Warning,
  SweepAxis,
  SweepResult,
  SweepCell,
  Executor,
  ReplicationTask,
  ExperimentOptions,
  OrderRecord,
  OptimizeResult,
  OptimizeCell,
  OptimizeOptions,
  Constraint,
  CellStatus,
} from './experiment/index.js';
export { ITEM_KPIS, MACHINE_KPIS, OVERALL_KPIS, SHARE_KPIS, KPI_CATALOGUE, kpiInfo, kpiOf, unitText, policyLevels, MACHINE_STATES } from './model/index.js';
export type { KpiInfo, KpiScope, UnitKind, CostGroup } from './model/index.js';
export {
  formatNumber,
  formatPercent,
  formatEstimate,
  formatterOf,
  datedSpan,
  describeComparison,
  isSignificant,
  theoryRows,
  THEORY_TRIGGERS,
  eoqCurve,
  lotCostRate,
  kpiRows,
  doubtedKpis,
  DOUBTED_NOTE,
  mrpRecordRows,
  plantGraph,
  plantFigures,
  plantDescription,
  nodeName,
  policySummary,
  chainStages,
  optimizeSentences,
  cellStatusText,
  COURSE,
  coursePlace,
} from './report/index.js';
export type { Lesson, CoursePlace } from './report/index.js';
export type { TheoryRow, TheoryCurve, KpiRow, KpiDetail, MrpRecordRow, MrpRecordTable } from './report/index.js';
export type { PlantGraph, PlantNode, PlantEdge, PlantNodeKind, PlantEdgeKind, FiguredPlantGraph, FiguredPlantNode, PlantFigure } from './report/index.js';
// Replay: one instant of the first replication (stock levels, machine states and queues at t).
export { replayFrame, replayStrategies, replayTimeText } from './report/index.js';
export type { ReplayFrame, ReplayLevel, ReplayItem, ReplayMachine, ReplayBuffer } from './report/index.js';
export type { ReplaySeries, MachineStateName } from './model/index.js';
export { scenarioWarnings } from './experiment/index.js';
export type { RunResult, RunSeries, PlanningSeries, PlanRecord, FlowSeries, PlantSpec, PolicySpec, MachineTimeline, TimelineBar } from './model/index.js';
// Input analysis (`sawtooth fit` and the page's fit panel): the data read from a CSV, every family fitted, the pictures' data, the fit in words.
export { readFitInput, csvColumns, GAP_UNITS } from './scenario/index.js';
export type { FitRequest, FitInput, FitSeries, GapUnit } from './scenario/index.js';
export { fitDistributions, fitWithCharts, FAMILIES, MIN_VALUES, ALPHA } from './stats/fit/index.js';
export type { FitReport, Candidate, Family, FitCharts, FitBin, FitCurvePoint, FitQqPoint } from './stats/fit/index.js';
export { bestSpec, candidateSpec, fitNotes, fitSnippet, formatPValue, formatParameters } from './report/index.js';
export type { FitField } from './report/index.js';
export {
  USER_FILE_LIMITS,
  sizeText,
  fileNameProblem,
  fileSizeProblem,
  fileTextProblem,
  withFile,
  freeName,
  mergeLinkFiles,
  keptFiles,
  filesNamedIn,
  pageFiles,
  filesProblem,
  LINK_LIMITS,
  STATE_LIMITS,
  inflateAtMost,
  encodeShareState,
  decodeShareState,
  shapeProblem,
  checkShape,
  shareWithFiles,
  leftOutMessage,
  challengeFingerprint,
  goalOutcome,
  goalStanding,
} from './report/index.js';
export type { UserFile, ShareState, DecodedLink, GoalOutcome, GoalFigure, GoalVerdict } from './report/index.js';
