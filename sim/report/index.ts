// Formatting and plain-language text shared by the CLI and the page (DOM-free).
export { formatNumber } from './numbers.js';
export { formatPercent } from './numbers.js';
export { formatEstimate } from './numbers.js';
export { formatterOf } from './numbers.js';
// Dates are the scenario layer's (the order log, below the report, writes them too); here for the report's readers.
export { isDated, timeMs, dateText, bucketDate } from '../scenario/index.js';
export type { RunTime } from '../scenario/index.js';
export { datedSpan } from './dates.js';
export { describeComparison } from './comparisons.js';
export { isSignificant, kpiSummaryOf } from './comparisons.js';
export { theoryRows, eoqCurve, lotCostRate, THEORY_TRIGGERS } from './theory.js';
export type { TheoryRow, TheoryCurve } from './theory.js';
export { mrpRecordRows } from './mrp-record.js';
export type { MrpRecordRow, MrpRecordTable } from './mrp-record.js';
export { kpiRows, doubtedKpis, DOUBTED_NOTE } from './kpi-rows.js';
export type { KpiRow, KpiDetail } from './kpi-rows.js';
export { plantGraph, CUSTOMERS } from './plant-graph.js';
export type { PlantGraph, PlantNode, PlantEdge, PlantNodeKind, PlantEdgeKind } from './plant-graph.js';
export { plantFigures } from './plant-figures.js';
export type { FiguredPlantGraph, FiguredPlantNode, PlantFigure } from './plant-figures.js';
export { plantDescription, nodeName } from './plant-text.js';
export { replayFrame, replayStrategies, replayTimeText } from './replay.js';
export type { ReplayFrame, ReplayLevel, ReplayItem, ReplayMachine, ReplayBuffer } from './replay.js';
export { policySummary } from './policy-summary.js';
export { chainStages } from './supply-chain.js';
export { bestSpec, candidateSpec, fitNotes, fitSnippet, formatPValue, formatParameters } from './fit-summary.js';
export type { FitField } from './fit-summary.js';
export { optimizeSentences, cellStatusText } from './optimize.js';
export { COURSE, coursePlace } from './course.js';
export type { Lesson, CoursePlace } from './course.js';
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
} from './user-files.js';
export type { UserFile } from './user-files.js';
export {
  LINK_LIMITS,
  STATE_LIMITS,
  inflateAtMost,
  encodeShareState,
  decodeShareState,
  shapeProblem,
  checkShape,
  shareWithFiles,
  leftOutMessage,
} from './share-link.js';
export type { ShareState, DecodedLink } from './share-link.js';
export { goalOutcome, goalStanding, challengeFingerprint } from './challenge.js';
export type { GoalOutcome, GoalFigure, GoalVerdict } from './challenge.js';
