/** Every message the `sawtooth` command shows, written once. */
import { DEFAULT_MAX_TRACE_MB, MAX_REPS, MAX_SWEEP_RUNS, MAX_TRACE_MB } from './limits.js';

export const USAGE = `sawtooth — discrete-event simulation of inventory and production strategies

Usage:
  sawtooth run FILE [options]          run every strategy with replications; print KPIs with 95% CIs
  sawtooth sweep FILE --vary P=A:B:S   run a grid of parameter values; print cells best first
                                       (--shard I/N runs one shard of it, for sawtooth merge)
  sawtooth merge PART...               join a sharded sweep's parts into the whole sweep's output
  sawtooth optimize FILE --vary … --delta D   the best cell of a grid, with a statistical guarantee
  sawtooth link FILE [--set …]         print the share link the page would make for a scenario and settings
  sawtooth grade LINKS.txt --challenge FILE   replay challenge submissions; print a leaderboard
  sawtooth validate FILE               check a scenario file (exit 0, or 2 with one line per problem)
  sawtooth fit DATA.csv --column C     fit distributions to a column of data (or --interarrival --time C);
                                       rank them and print the best as a scenario snippet
  sawtooth schema                      print the JSON Schema of scenario files
  sawtooth bench                       run the benchmark suite
  sawtooth --version | --help

Run 'sawtooth COMMAND --help' for a command's options and examples.
`;

/** The options that govern which CSV traces a scenario may read: run, sweep and validate share them. */
const TRACE_OPTIONS_HELP = `  --allow-path DIR          let traces (trace: FILE, a forecast's file: FILE) be read from DIR too
                            (repeatable); by default a trace must be in the scenario file's folder
                            or below (symlinks resolved)
  --max-trace-mb N          the largest trace file read, in MB (default ${DEFAULT_MAX_TRACE_MB}, at most ${MAX_TRACE_MB})`;

export const RUN_HELP = `sawtooth run FILE [options]

Runs every strategy of the scenario with replications and common random numbers, and prints each
KPI's mean ± 95% half-width, the paired differences between strategies and the derived values.

Options:
  --json | --csv | --md     output format (default: a table; --json is the design's JSON object)
  --out FILE                write the output to FILE (format from its extension unless given)
  --reps N                  replications per strategy (default: the file's run.replications)
  --seed S                  master seed (default: the file's run.seed)
  --horizon T               simulated time (overrides time.horizon)
  --strategy NAME           run only this strategy (repeatable)
  --set PATH=VALUE          override any field of the file (repeatable), e.g. --set time.warmup=60;
                            a strategy's own values: --set strategies.JIT.items.widget.policy.cards=6
  --series                  add the first replication's down-sampled time series to the JSON
  --log FILE.csv            write the first replication's order log: every purchase, production
                            and customer order of each strategy with when it was placed, due and done
  --workers N               worker threads (default: auto; at most the machine's cores; results are
                            the same for any N)
  --quiet                   no progress bar
${TRACE_OPTIONS_HELP}

Numbers: --reps and --workers take plain digits (--reps 30, not 3e1 or 0x1e); --reps is at
most ${MAX_REPS}. A --seed of plain digits within ±(2^53 − 1) is a number (--seed -5 works);
any other seed (--seed 007, --seed 1e100, --seed spring) is a text seed, used exactly as typed.

Examples:
  sawtooth run scenarios/jit-eoq-batch.yaml
  sawtooth run scenarios/jit-eoq-batch.yaml --reps 100 --strategy JIT --strategy EOQ --md
  sawtooth run scenarios/jit-eoq-batch.yaml --set strategies.JIT.items.widget.policy.cards=8 --json > out.json
`;

export const SWEEP_HELP = `sawtooth sweep FILE --vary PATH=FROM:TO:STEP [--vary ...] [options]

Runs one strategy on a grid of values (every cell with the same seeds) and prints the cells best
first by a KPI: lowest for costs, waits and stock; highest for fill rate and throughput.

Options:
  --vary PATH=FROM:TO:STEP  a swept field and its values (inclusive); or PATH=V1,V2,V3 (repeatable)
  --kpi NAME                KPI to rank by: totalCost (default), throughput, wip, avgCustomerWait,
                            or ITEM.KPI such as widget.fillRate
  --strategy NAME           strategy to sweep (default: the first)
  --reps N, --seed S, --horizon T, --set PATH=VALUE, --workers N, --quiet   as for run
  --json | --csv | --md, --out FILE
  --shard I/N               run shard I of N (counted from 0) and write a part file for sawtooth merge
                            (JSON Lines, to --out or stdout); see sawtooth merge --help
${TRACE_OPTIONS_HELP}

A sweep runs at most ${MAX_SWEEP_RUNS} replications in all (cells × replications).

Examples:
  sawtooth sweep scenarios/eoq-cost-curve.yaml --vary items.bearing.policy.quantity=50:800:50
  sawtooth sweep scenarios/jit-eoq-batch.yaml --strategy JIT \\
    --vary strategies.JIT.items.widget.policy.cards=2:10:1 \\
    --vary strategies.JIT.items.widget.policy.containerSize=10:40:10 --kpi totalCost --json
`;

export const OPTIMIZE_HELP = `sawtooth optimize FILE --vary PATH=FROM:TO:STEP [--vary ...] --delta D [options]

Finds the best cell of a grid with a statistical guarantee: with probability at least the
confidence, the cell picked is within D of the best (among cells that meet the constraints).
Every cell first runs --initial replications; cells clearly worse are then dropped, and only the
close ones get more, a tenth more at a time (Kim & Nelson's fully sequential procedure, with
common random numbers). Constraints are decided the same way, each within its tolerance.

Options:
  --vary PATH=FROM:TO:STEP  a field and its values (inclusive); or PATH=V1,V2,V3 (repeatable)
  --objective KPI           what to make best: totalCost (default), or any KPI such as widget.fillRate;
                            lowest for costs, waits and stock, highest for fill rate and throughput
  --subject-to KPI>=V       a constraint, e.g. widget.fillRate>=0.95 (or KPI<=V; repeatable)
  --delta D                 the indifference zone: differences below D do not matter (required)
  --tolerance T             a constraint's tolerance (default: 0.005 for shares, else 1% of V)
  --confidence P            the chance the guarantee holds (default 0.95)
  --initial N               first-stage replications per cell (default ${10}, at least 3)
  --max-reps N              replications a cell may take at most (default 2000)
  --strategy NAME           strategy to search (default: the first)
  --seed S, --horizon T, --set PATH=VALUE, --workers N, --quiet, --json | --md | --csv, --out FILE
${TRACE_OPTIONS_HELP}

Example:
  sawtooth optimize scenarios/jit-eoq-batch.yaml --strategy JIT \\
    --vary strategies.JIT.items.widget.policy.cards=2:10:1 \\
    --objective totalCost --subject-to widget.fillRate>=0.95 --delta 100
`;

export const MERGE_HELP = `sawtooth merge PART... [options]

Joins the parts of a sharded sweep into the output of the whole sweep: what sawtooth sweep prints
without --shard (with the same format flags), byte for byte. Make the parts with the same command
and every shard I of N, I = 0 … N−1 (a shard's replications keep their seeds, so the cells share
random numbers across shards):

  sawtooth sweep FILE --vary ... --shard 0/3 --out part-0.jsonl   (and 1/3, 2/3, on any machines)
  sawtooth merge part-0.jsonl part-1.jsonl part-2.jsonl --csv

Shard I of N runs the I-th of N near-equal slices of the sweep's replications (cell by cell in
grid order, replication by replication). Parts may be given in any order; parts of another
scenario, another setting (--set, --seed, --reps, --strategy, --kpi, --vary, N) or another
version of sawtooth are refused, as are a shard given twice or missing (exit 2, a line each).

Options:
  --json | --csv | --md     output format (default: a table), as for sweep
  --out FILE                write the output to FILE (format from its extension unless given)

Example:
  sawtooth merge parts/part-*.jsonl --md --out sweep.md
`;

export const LINK_HELP = `sawtooth link FILE [--set PATH=VALUE …] [--reps N] [--base URL]

Prints the share link the page would make for a scenario and its settings: a bundled scenario
unchanged goes by its name; any other file travels whole in the link, with the CSV files it names
by name when they are small enough. Open the link in a browser to see the page with them.

Options:
  --set PATH=VALUE          a setting, as the page's sliders make them (numbers, texts, true/false; repeatable)
  --reps N                  replications (default: the file's run.replications; the page runs at most 100)
  --base URL                the page's address (default ${'http://localhost:5173/'}, where npm start serves it)
  --horizon T, --out FILE
${TRACE_OPTIONS_HELP}

Example:
  sawtooth link scenarios/jit-eoq-batch.yaml --set strategies.JIT.items.widget.policy.cards=6
`;

export const GRADE_HELP = `sawtooth grade LINKS.txt --challenge FILE [options]

Replays every submission of a challenge and prints a leaderboard. LINKS.txt has a link per line,
with an optional name before it ("Ada https://…#s=…"); blank lines and lines starting with # are
skipped. Each link is checked against FILE (its fingerprint, that only the levers moved) and run
on the challenge's own replications and seed, so every submission is measured alike; runs are
deterministic, so the board is the same on any machine. Submissions that meet every constraint on
its 95% interval come first, by the objective; the others after them.

Options:
  --challenge FILE          the challenge's scenario file (required)
  --json | --csv | --md, --out FILE, --workers N
${TRACE_OPTIONS_HELP}

Example:
  sawtooth grade submissions.txt --challenge scenarios/challenge-beat-the-batch.yaml --md --out board.md
`;

export const VALIDATE_HELP = `sawtooth validate FILE [options]

Checks a scenario file and every strategy in it. Exit status 0 when it is valid; 2 with one line
per problem (file, path, what was expected, what was found) when it is not. A valid file also gets
the load check on stderr: machines or pull loops that cannot keep up with the demand, and traps
(a make-to-order item that loses its sales, stock aimed above a storage limit, …).

Options:
${TRACE_OPTIONS_HELP}

Example:
  sawtooth validate scenarios/jit-eoq-batch.yaml
`;

export const SCHEMA_HELP = `sawtooth schema

Prints the JSON Schema of scenario files, for editors that autocomplete YAML and JSON.

Example:
  sawtooth schema > scenario.schema.json
`;

export const FIT_HELP = `sawtooth fit DATA.csv --column NAME [options]
sawtooth fit DATA.csv --interarrival --time NAME [options]

Input analysis: fits the scenario's distribution families (exponential, gamma, lognormal, normal,
triangular, uniform, and poisson for whole numbers) to a column of a CSV file, or to the gaps
between consecutive times (sorted), by maximum likelihood; ranks them by AIC (lower is better);
judges each with a goodness-of-fit test; and prints the best as a line to paste into a scenario.

Options:
  --column NAME             fit the values of this column (a quantity, a lead time, a process time)
  --interarrival            fit the gaps between consecutive times instead; needs --time
  --time NAME               the column of the times: numbers, dates YYYY-MM-DD or date-times
                            YYYY-MM-DDTHH:MM[:SS] (gaps between dates are in days unless --unit)
  --unit minute|hour|day|week   the unit of the gaps between dates (default day)
  --item NAME               one fit per item: the column naming each row's item
  --json                    print the fits as JSON

The file: a header row, comma or semicolon, quoted fields, CRLF and a byte-order mark are read;
other columns are ignored. Values must be numbers >= 0; zeros are kept (they are data). Every
bad row is reported with its line, all at once (exit 2).

What is printed, per item: each family's parameters (as a scenario writes them), AIC, ΔAIC, the
test statistic and p-value — Kolmogorov–Smirnov for measurements; chi-square for whole numbers,
which are fitted as counts (the chance of each whole number) — then the best as a snippet. Notes
say when there are fewer than 30 values, how many are 0, and when every family is rejected at 5%
(then the data themselves, as discrete or empirical, if they are few). The triangular is fitted on
a grid (its likelihood has no closed form); the normal is fitted plain (a scenario's is censored
at 0). p-values err high: the parameters come from the same data.

Examples:
  sawtooth fit orders.csv --column qty
  sawtooth fit orders.csv --interarrival --time order_date --item sku
  sawtooth fit log.csv --interarrival --time stamp --unit hour --json
`;

export const BENCH_HELP = `sawtooth bench

Runs the benchmark suite (engine vs a bare event loop, the CLI end to end) and prints ratios
against baselines measured in the same process.
`;

export const msg = {
  unknownCommand: (name: string) => `sawtooth: unknown command '${name}'; see sawtooth --help`,
  missingFile: (command: string) => `sawtooth ${command}: expected a scenario FILE; see sawtooth ${command} --help`,
  extraArguments: (command: string, extra: string[]) => `sawtooth ${command}: unexpected argument(s) ${extra.join(' ')}`,
  badOption: (command: string, reason: string) => `sawtooth ${command}: ${reason}; see sawtooth ${command} --help`,
  unreadable: (file: string, reason: string) => `${file}: cannot read the file (${reason})`,
  missingValue: (command: string, option: string) =>
    `sawtooth ${command}: ${option} expects a value (one that starts with '-' is written ${option}=-VALUE); see sawtooth ${command} --help`,
  badWhole: (option: string, value: string, min: number, max: number) =>
    `--${option}: expected a whole number from ${min} to ${max} in plain digits, got ${value}`,
  badSeed: () => '--seed: expected a whole number or a text, got nothing',
  unknownOutFormat: (extension: string) =>
    `--out: cannot write a .${extension} file; name it .json, .csv, .md or .txt (a text table), or choose the format with --json, --csv or --md`,
  conflictingFormats: (flags: string[]) => `${flags.join(' and ')}: choose one output format`,
  duplicateStrategy: (name: string) => `--strategy: '${name}' is given twice; give each strategy once`,
  oneSweepStrategy: (names: string[]) => `--strategy: a sweep runs one strategy, got ${names.length} (${names.join(', ')})`,
  duplicateSet: (path: string) => `--set ${path}: the path is set twice (by --set or --horizon); set it once`,
  setAndVary: (path: string) => `--vary ${path}: the path is also set by --set or --horizon; drop one of them`,
  workersCapped: (asked: number, cores: number) =>
    `note: --workers ${asked}: this machine runs ${cores} thread${cores === 1 ? '' : 's'} at once; using ${cores}`,
  tooManySweepRuns: (cells: number, reps: number, max: number) =>
    `sawtooth sweep: ${cells} cells × ${reps} replications is more than ${max} replications in all; use fewer cells or replications`,
  badShard: (text: string) => `--shard: expected I/N, shard I of N counted from 0 (as Kubernetes' JOB_COMPLETION_INDEX), 0 <= I < N, got ${text}`,
  tooManyShards: (shards: number, runs: number) =>
    `--shard: ${shards} shards for ${runs} replications in all (cells × replications); give at most ${runs} shards`,
  shardFormat: (flag: string) => `${flag} with --shard: a shard writes a part file (JSON Lines) for sawtooth merge; give ${flag} to sawtooth merge`,
  shardVariedReplications: (path: string) =>
    `--vary ${path} with --shard: the shards of a sweep need every cell's replications in advance; give them with --reps N`,
  mergeNoParts: () => 'sawtooth merge: expected the PART files of a sharded sweep (sawtooth sweep ... --shard I/N); see sawtooth merge --help',
  notAPart: (file: string, reason: string) => `${file}: not a part of a sharded sweep (${reason}); parts are written by sawtooth sweep ... --shard I/N`,
  partFormat: (file: string, found: unknown, known: number) =>
    `${file}: a sweep part in format ${String(found)}; this sawtooth reads format ${known} (merge with the sawtooth that wrote it)`,
  partLine: (file: string, line: number, reason: string) => `${file}, line ${line}: ${reason}`,
  partCut: (file: string, line: number, replications: number) =>
    `${file}: ends after line ${line}, ${replications} replication${replications === 1 ? '' : 's'} short of its shard (was the shard stopped?); run that shard again`,
  partDiffers: (file: string, what: string, value: string, first: string, firstValue: string) =>
    `${file}: ${what} ${value}, but ${first} has ${firstValue}; the parts of one sweep share its scenario and every setting`,
  partTwice: (file: string, other: string, index: number, count: number) =>
    `${file}: shard ${index} of ${count} again (${other} is that shard too); give each part once`,
  partsMissing: (missing: number[], count: number) =>
    `sawtooth merge: ${missing.length === 1 ? 'shard' : 'shards'} ${listed(missing)} of ${count} missing (shards count from 0); give every part of the sweep`,
  outIsFolder: (out: string, flag = '--out') => `${flag} ${out}: is a folder; give a file name`,
  outNoFolder: (out: string, folder: string, flag = '--out') => `${flag} ${out}: the folder ${folder} does not exist`,
  outIsInput: (out: string, input: string, flag = '--out') => `${flag} ${out}: is ${input}, an input of this run; write elsewhere`,
  outUnwritable: (out: string, reason: string, flag = '--out') => `${flag} ${out}: cannot write there (${reason})`,
  logTruncated: (strategy: string, max: number) => `note: --log: the order log of ${strategy} stops after ${max} orders; shorten the horizon for the whole log`,
  logSameAsOut: (file: string) => `--log ${file}: is also the --out file; give each its own`,
  badAllowPath: (dir: string, reason: string) => `--allow-path ${dir}: cannot use it (${reason})`,
  traceOutside: (roots: string[]) =>
    `it lies outside ${roots.join(' and ')} (a trace must be in the scenario file's folder or below; allow another folder with --allow-path DIR)`,
  traceNotFile: (kind: string) => `it is ${kind}, not a regular file`,
  traceTooLarge: (bytes: number, maxBytes: number) =>
    `it holds ${megabytes(bytes)}, more than the limit of ${megabytes(maxBytes)} (raise it with --max-trace-mb N)`,
  traceGrew: (maxBytes: number) => `it grew past the limit of ${megabytes(maxBytes)} while it was read (raise it with --max-trace-mb N)`,
  traceMissing: (code: string) => (code === 'ENOENT' ? 'no such file (ENOENT)' : `it cannot be opened (${code})`),
  traceNotRead: () => 'it was not read with the scenario (load the scenario again)',
  badInteger: (option: string, value: string, min: number) => `--${option}: expected a whole number >= ${min}, got ${value}`,
  badNumber: (option: string, value: string) => `--${option}: expected a number > 0, got ${value}`,
  badSet: (value: string) => `--set: expected PATH=VALUE, e.g. items.widget.policy.cards=6, got ${value}`,
  badVary: (value: string) => `--vary: expected PATH=FROM:TO:STEP (step > 0, FROM <= TO) or PATH=V1,V2,…, got ${value}`,
  tooManyCells: (cells: number) => `--vary: the grid has ${cells} cells; at most 10000 (use a larger step)`,
  unknownStrategy: (name: string, known: string[]) => `--strategy: unknown strategy '${name}' (expected one of ${known.join(', ')})`,
  unknownKpi: (kpi: string, known: string[], option = '--kpi') => `${option}: unknown KPI '${kpi}' (expected one of ${known.join(', ')})`,
  badSubjectTo: (value: string) => `--subject-to: expected KPI>=VALUE or KPI<=VALUE, e.g. widget.fillRate>=0.95, got ${value}`,
  linkValue: (path: string) => `--set ${path}: a link carries numbers, texts and true/false only; write the change into the scenario file instead`,
  linkReplications: (max: number) => `note: the page runs at most ${max} replications; the link asks for ${max}`,
  linkFolderFile: (path: string) =>
    `note: the link does not carry ${path} (the page knows files by name, not in folders): whoever opens it must give the page that file`,
  linkLeftOut: (name: string) =>
    `note: the link does not carry ${name}: it is too large for a link; whoever opens it must choose or drop that file on the page`,
  gradeMissingLinks: () => 'sawtooth grade: expected a file of submission links; see sawtooth grade --help',
  gradeMissingChallenge: () => '--challenge: required: the scenario file of the challenge the links were made for',
  gradeNoChallenge: (file: string) => `${file}: has no challenge block to grade against (see "Classroom" in the README)`,
  gradeRefused: (file: string, line: number, name: string, reason: string) => `${file}:${line}: not graded (${name}): ${reason}`,
  missingDelta: () => '--delta: required: the smallest difference in the objective that matters (in its unit, e.g. --delta 100 for EUR)',
  badConfidence: (value: string) => `--confidence: expected a number between 0.5 and 0.999, got ${value}`,
  oneOptimizeStrategy: (names: string[]) => `--strategy: optimize searches one strategy, got ${names.length} (${names.join(', ')})`,
  shadowedSet: (path: string, strategies: string[]) =>
    `warning: --set ${path} does not reach ${strategies.join(', ')}: ${strategies.length === 1 ? 'that strategy sets' : 'those strategies set'} it (or its policy) itself; use --set strategies.${strategies[0]}.${path}=…`,
  shadowedVary: (path: string, strategy: string) =>
    `--vary ${path}: strategy '${strategy}' sets it (or its policy) itself, so every cell would be the same; vary strategies.${strategy}.${path} instead`,
  otherStrategyVary: (path: string, strategy: string) =>
    `--vary ${path}: the sweep runs strategy '${strategy}', which this path does not reach, so every cell would be the same; choose the strategy with --strategy or vary strategies.${strategy}.…`,
  duplicateVary: (paths: string[]) =>
    `--vary: the same path is given twice (${paths.filter((p, i) => paths.indexOf(p) !== i).join(', ')}); give each path once`,
  stalled: (file: string, what: string) =>
    `${file}: the simulation cannot advance: ${what}; look for a zero process time, lead time or gap that repeats without end`,
  internal: (error: unknown) =>
    `sawtooth: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
    'This is a bug in Sawtooth; please report it with the command and scenario that caused it.',
  fitMissingFile: () => 'sawtooth fit: expected a CSV FILE; see sawtooth fit --help',
  fitNothing: () => 'sawtooth fit: expected --column NAME, or --interarrival --time NAME; see sawtooth fit --help',
  fitBoth: () => '--column and --interarrival: choose one (the values of a column, or the gaps between times)',
  fitNoTime: () => '--interarrival: expected --time NAME, the column of the times',
  fitTimeAlone: (option: string) => `${option}: only with --interarrival (the gaps between the times are fitted)`,
  fitBadUnit: (unit: string, units: string[]) => `--unit: expected one of ${units.join(', ')}, got ${unit}`,
  fitUnitOfNumbers: (unit: string) => `note: --unit ${unit}: the times are numbers, not dates, so their gaps keep the file's own unit`,
  fitTooFew: (file: string, what: string, item: string | null, count: number, min: number) =>
    item === null
      ? `${file}: expected at least ${min} ${what} to fit, got ${count}`
      : `${file}: expected at least ${min} ${what} of one ${item} to fit, got ${count} at most`,
  valid: (file: string, strategies: string[]) =>
    `${file}: valid (${strategies.length} strateg${strategies.length === 1 ? 'y' : 'ies'}: ${strategies.join(', ')})`,
};

/** Numbers as a list, the first ten and how many more. */
function listed(numbers: number[]): string {
  return numbers.length <= 10 ? numbers.join(', ') : `${numbers.slice(0, 10).join(', ')} and ${numbers.length - 10} more`;
}

/** Bytes as a user reads a file size: `300 MB`, `12.5 kB`, `80 bytes` (MB = 2^20 bytes, as --max-trace-mb counts). */
export function megabytes(bytes: number): string {
  if (bytes >= 2 ** 20) return `${Number((bytes / 2 ** 20).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} kB`;
  return `${bytes} bytes`;
}

/**
 * Control characters made visible (`\u001b` for ESC), so a name or key from a scenario file can
 * neither move the cursor, retitle the terminal nor clear the screen. Line breaks become `\n`.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text made safe for a terminal: every control character escaped as escapeControls does, except
 * line feeds and tabs, which lay out tables and lists. Everything the CLI prints passes here.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, escapeControls);
}

/** A problem with the command line or the scenario: shown as is, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
