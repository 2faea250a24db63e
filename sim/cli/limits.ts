/** The CLI's limits on hostile or mistaken input, in one place for the code and the help texts. */

// From the module, not the model's index: the CLI's start-up (`--version`, `--help`) loads this and nothing of the model.
import { MAX_REPLICATIONS } from '../model/limits.js';

/** Replications per strategy (or per sweep cell), as the schema bounds run.replications: every result is kept in memory until summarized. */
export const MAX_REPS = MAX_REPLICATIONS;
/** Replications of a whole sweep, cells × replications: each is a queued task. */
export const MAX_SWEEP_RUNS = 1_000_000;
/** The largest trace file read by default, in MB (2^20 bytes). */
export const DEFAULT_MAX_TRACE_MB = 256;
/** The most --max-trace-mb allows: JavaScript holds no text much longer than 512 MB. */
export const MAX_TRACE_MB = 500;
