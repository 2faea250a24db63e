// CSV files a scenario names, read once each and cached, and the demand trace format
// (`trace: data/demand.csv`): a header `time,quantity`, then one customer order a row, times >= 0
// ascending, quantities > 0. Other formats (forecast-trace.ts) bring their own parser. Files are
// read through the caller's readFile, so this runs in a browser Web Worker too.
import type { Problem } from './errors.js';
import { record } from './json.js';
import { MSG } from './messages.js';
import type { Path } from './paths.js';

/** Customer orders replayed as is. */
export interface Trace {
  times: number[];
  quantities: number[];
}

/** A trace file named in a document, with the path that names it. */
export interface TraceRef {
  trace: string;
  path: Path;
}

const MAX_PROBLEMS_PER_FILE = 20;
const DEMAND_COLUMNS = ['time', 'quantity'] as const;

/** A trace file parsed, with its problems (paths empty: each reference adds its own). */
export interface ParsedTrace<T> {
  value: T;
  problems: Problem[];
}

/** One kind of trace file: its name (files are cached per kind) and its parser. */
export interface TraceFormat<T> {
  kind: string;
  parse(text: string, file: string): ParsedTrace<T>;
}

/** Customer orders, `time,quantity`. */
export const DEMAND_TRACE: TraceFormat<Trace> = {
  kind: 'demand',
  parse: (text, file) => {
    const { trace, problems } = parseTrace(text, file);
    return { value: trace, problems };
  },
};

/**
 * Traces already read and parsed, by format and resolved file path. A caller that loads many
 * variants of one scenario (the cells of a sweep, a worker thread's batches) passes one cache, so
 * a large trace is parsed once, not once per variant; the cache belongs to one set of file contents.
 */
export type TraceCache = Map<string, ParsedTrace<unknown>>;

/** Reads each distinct trace of one format once; keyed by the trace as written in the scenario (a record without a prototype: a trace may be named `constructor`). */
export function readTraces<T>(
  format: TraceFormat<T>,
  refs: readonly TraceRef[],
  scenarioFile: string,
  readFile: ((path: string) => string) | undefined,
  cache: TraceCache = new Map(),
): { traces: Record<string, T>; problems: Problem[] } {
  const traces = record<T>();
  const problems: Problem[] = [];
  const done = new Set<string>();
  for (const { trace, path } of refs) {
    if (done.has(trace)) continue;
    done.add(trace);
    const file = resolveTracePath(scenarioFile, trace);
    // The key holds the format: a file named both as demand and as a forecast is parsed as each.
    const key = `${format.kind}\u0000${file}`;
    const parsed = (cache.get(key) as ParsedTrace<T> | undefined) ?? readTrace(format, file, readFile);
    if ('reason' in parsed) {
      problems.push({ path, text: parsed.reason });
      continue;
    }
    cache.set(key, parsed);
    if (parsed.problems.length === 0) traces[trace] = parsed.value;
    problems.push(...parsed.problems.map((problem) => ({ ...problem, path })));
  }
  return { traces, problems };
}

// A file that cannot be read is not cached: the reason may be passing (the reader's limits).
function readTrace<T>(format: TraceFormat<T>, file: string, readFile: ((path: string) => string) | undefined): ParsedTrace<T> | { reason: string } {
  if (!readFile) return { reason: MSG.traceNeedsReader(file) };
  try {
    return format.parse(readFile(file), file);
  } catch (error) {
    return { reason: MSG.traceUnreadable(file, error instanceof Error ? error.message : String(error)) };
  }
}

/** `trace` relative to the directory of the scenario file (absolute paths stay as they are). */
export function resolveTracePath(scenarioFile: string, trace: string): string {
  if (trace.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trace)) return trace;
  const cut = Math.max(scenarioFile.lastIndexOf('/'), scenarioFile.lastIndexOf('\\'));
  const parts = (cut < 0 ? trace : `${scenarioFile.slice(0, cut + 1)}${trace}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.') continue;
    if (part === '..' && out.length > 0 && out.at(-1) !== '..' && out.at(-1) !== '') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Parses a trace file; each problem names the file and line (and `path`, the scenario's trace key). */
export function parseTrace(text: string, file: string, path: Path = []): { trace: Trace; problems: Problem[] } {
  const trace: Trace = { times: [], quantities: [] };
  return { trace, problems: parseRows(text, file, path, DEMAND_COLUMNS, (line) => rowProblem(line, trace)) };
}

/**
 * Hands each non-blank row after the header `columns` (any case, spaces around fields allowed)
 * to `row`, which returns the row's problem or null; forgiving of a BOM and CRLF line ends.
 * Problems name the file and line, at most MAX_PROBLEMS_PER_FILE of them and a count of the rest.
 */
export function parseRows(text: string, file: string, path: Path, columns: readonly [string, string], row: (line: string) => string | null): Problem[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: Problem[] = [];
  let errors = 0;
  const fail = (line: number, message: string): void => {
    if (++errors <= MAX_PROBLEMS_PER_FILE) problems.push({ path, text: message, at: { file, line } });
  };
  // A file without the header is no trace (a mistyped path, /etc/passwd): one problem, and
  // nothing of its content, which may be private, goes into a message.
  if (!isHeader(lines[0], columns)) return [{ path, text: MSG.csvHeader(columns.join(',')), at: { file, line: 1 } }];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const message = row(lines[i]);
    if (message !== null) fail(i + 1, message);
  }
  if (errors > MAX_PROBLEMS_PER_FILE) problems.push({ path, text: MSG.csvMore(errors - MAX_PROBLEMS_PER_FILE), at: { file, line: lines.length } });
  return problems;
}

/** A row's two fields as finite numbers, or null when it has not exactly two numbers. */
export function rowNumbers(line: string): [number, number] | null {
  const fields = line.split(',').map((field) => field.trim());
  const [a, b] = fields.map((field) => (field === '' ? Number.NaN : Number(field)));
  return fields.length === 2 && Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
}

function isHeader(line: string, columns: readonly [string, string]): boolean {
  const header = line.split(',').map((field) => field.trim().toLowerCase());
  return header.length === 2 && header[0] === columns[0] && header[1] === columns[1];
}

// Appends a good row to the trace; returns the problem of a bad one.
function rowProblem(line: string, trace: Trace): string | null {
  const numbers = rowNumbers(line);
  if (numbers === null) return MSG.csvRow(DEMAND_COLUMNS.join(','), line);
  const [time, quantity] = numbers;
  if (time < 0) return MSG.csvTime(time);
  const previous = trace.times.at(-1) ?? 0;
  if (time < previous) return MSG.csvAscending(previous, time);
  if (!(quantity > 0)) return MSG.csvQuantity(quantity);
  trace.times.push(time);
  trace.quantities.push(quantity);
  return null;
}
