import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { parseValue } from '../scenario/index.js';
import { DEFAULT_MAX_TRACE_MB, MAX_REPS, MAX_TRACE_MB } from './limits.js';
import { msg, UsageError } from './messages.js';
import type { TraceAccess } from './trace-files.js';

export type Format = 'table' | 'json' | 'csv' | 'md';

/** Options shared by run and sweep, checked and typed. */
export interface CommonOptions {
  file: string;
  format: Format;
  out: string | null;
  replications: number | undefined;
  seed: number | string | undefined;
  strategies: string[] | undefined;
  /** path as typed → value; a record without a prototype, so `--set __proto__=…` reaches the check. */
  overrides: Record<string, unknown>;
  workers: number | 'auto';
  access: TraceAccess;
  /** Notes for stderr about options taken otherwise than given (--workers above the cores). */
  notes: string[];
  quiet: boolean;
  help: boolean;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** Which CSV traces a scenario may read: run, sweep and validate. */
export const TRACE_OPTIONS = {
  'allow-path': { type: 'string', multiple: true },
  'max-trace-mb': { type: 'string' },
} as const;

/** The options of run and sweep. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  md: { type: 'boolean' },
  out: { type: 'string' },
  reps: { type: 'string' },
  seed: { type: 'string' },
  horizon: { type: 'string' },
  strategy: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  workers: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...TRACE_OPTIONS,
} as const;

/** Parses a command's arguments with node:util's parseArgs; unknown options are usage errors, in one line. */
export function parseCommand<T extends OptionSpec>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(argumentProblem(command, error as Error & { code?: string }));
  }
}

// parseArgs reads `--seed -5` as a missing value followed by an option `-5`: a value that looks
// like a negative number is joined to its option (`--seed=-5`), as the user meant.
function joinNegativeValues(args: string[], options: OptionSpec): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([^=]+)$/.exec(args[i])?.[1];
    const takesValue = name !== undefined && Object.hasOwn(options, name) && options[name].type === 'string';
    if (takesValue && /^-\.?\d/.test(args[i + 1] ?? '')) joined.push(`${args[i]}=${args[++i]}`);
    else joined.push(args[i]);
  }
  return joined;
}

// parseArgs speaks in several lines about its own syntax; one line in ours.
function argumentProblem(command: string, error: Error & { code?: string }): string {
  const option = /Option '(-[^' ]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined && /ambiguous|missing/.test(error.message)) {
    return msg.missingValue(command, option);
  }
  return msg.badOption(command, error.message.split('\n')[0].replace(/\. To specify.*$/s, ''));
}

/** The shared options of run and sweep, validated. */
export function commonOptions(command: string, parsed: ReturnType<typeof parseCommand<typeof COMMON_OPTIONS>>): CommonOptions {
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError(msg.missingFile(command));
  if (positionals.length > 1) throw new UsageError(msg.extraArguments(command, positionals.slice(1)));
  const out = values.out ?? null;
  const workers = workersOf(values.workers);
  return {
    file: positionals[0] ?? '',
    format: formatOf(values, out),
    out,
    replications: values.reps === undefined ? undefined : integer('reps', values.reps, 1, MAX_REPS),
    seed: values.seed === undefined ? undefined : seedOf(values.seed),
    strategies: strategiesOf(values.strategy),
    overrides: overridesOf(values.set ?? [], values.horizon),
    workers: workers.workers,
    access: traceAccess(values),
    notes: workers.notes,
    quiet: values.quiet === true,
    help,
  };
}

/** --allow-path and --max-trace-mb, checked. */
export function traceAccess(values: { 'allow-path'?: string[]; 'max-trace-mb'?: string }): TraceAccess {
  const mb = values['max-trace-mb'] === undefined ? DEFAULT_MAX_TRACE_MB : integer('max-trace-mb', values['max-trace-mb'], 1, MAX_TRACE_MB);
  return { allow: values['allow-path'] ?? [], maxBytes: mb * 2 ** 20 };
}

// --set and --horizon into one record of overrides; a path set twice (`demand[0].every` and
// `demand.0.every` are one path) is refused rather than silently taking the last.
function overridesOf(assignments: string[], horizon: string | undefined): Record<string, unknown> {
  const overrides = Object.create(null) as Record<string, unknown>;
  const seen = new Set<string>();
  const add = (path: string, value: unknown): void => {
    if (seen.has(pathKey(path))) throw new UsageError(msg.duplicateSet(path));
    seen.add(pathKey(path));
    overrides[path] = value;
  };
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UsageError(msg.badSet(assignment));
    const path = assignment.slice(0, eq);
    add(path, parseValue(assignment.slice(eq + 1), `--set ${path}`));
  }
  if (horizon !== undefined) add('time.horizon', positiveNumber('horizon', horizon));
  return overrides;
}

/** One spelling of a path for comparisons: `demand.0.every` and `demand[0].every` are one path. */
export function pathKey(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

function strategiesOf(names: string[] | undefined): string[] | undefined {
  const twice = names?.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) throw new UsageError(msg.duplicateStrategy(twice));
  return names;
}

/** The output format from --json, --csv or --md (one at most), else from the --out file's extension, else a table. */
export function formatOf(values: { json?: boolean; csv?: boolean; md?: boolean }, out: string | null): Format {
  const flags = (['json', 'csv', 'md'] as const).filter((f) => values[f] === true);
  if (flags.length > 1) throw new UsageError(msg.conflictingFormats(flags.map((f) => `--${f}`)));
  if (flags.length === 1) return flags[0];
  const extension = extensionOf(out);
  if (extension === 'json' || extension === 'csv' || extension === 'md') return extension;
  return 'table';
}

/** The extension of a file name, lower case ('' when it has none). */
function extensionOf(out: string | null): string {
  const name = out?.split(/[\\/]/).pop() ?? '';
  return name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
}

/**
 * Refuses an --out whose extension names a format the tool cannot write (a spreadsheet, a PDF)
 * when no format flag chose one: a text table under that name would not open. Run after checkOut,
 * whose problems (a folder, the scenario file itself) come first.
 */
export function checkOutFormat(out: string, format: Format): void {
  const extension = extensionOf(out);
  if (format === 'table' && extension !== '' && extension !== 'txt') throw new UsageError(msg.unknownOutFormat(extension));
}

// More threads than cores only adds start-up time and memory; results are the same for any count.
function workersOf(text: string | undefined): { workers: number | 'auto'; notes: string[] } {
  if (text === undefined || text === 'auto') return { workers: 'auto', notes: [] };
  const asked = integer('workers', text, 1, Number.MAX_SAFE_INTEGER);
  const cores = availableParallelism();
  return asked > cores ? { workers: cores, notes: [msg.workersCapped(asked, cores)] } : { workers: asked, notes: [] };
}

/** A whole number written in plain decimal digits (not `1e2`, `0x10` or `+3`) from `min` to `max`. */
export function integer(option: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) throw new UsageError(msg.badWhole(option, text, min, max));
  return value;
}

function positiveNumber(option: string, text: string): number {
  const value = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(msg.badNumber(option, text));
  return value;
}

/**
 * A seed written as a whole number in plain digits that JavaScript holds exactly (within
 * ±(2^53 − 1)) is that number; anything else (`007`, `1e2`, 2^53 + 1, `spring`) is a text seed,
 * exactly as typed, so no two seeds a user types ever become one by rounding.
 */
export function seedOf(text: string): number | string {
  if (text === '') throw new UsageError(msg.badSeed());
  const value = Number(text);
  return /^-?\d+$/.test(text) && Number.isSafeInteger(value) && String(value) === text ? value : text;
}
