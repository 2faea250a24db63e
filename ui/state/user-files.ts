// The user's CSV files: the rules live in sim (sim/report/user-files.ts), shared with `sawtooth link`.
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
} from '../../sim/index.js';
export type { UserFile } from '../../sim/index.js';
