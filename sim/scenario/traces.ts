// CSV demand traces (`trace: data/demand.csv`): a header `time,quantity`, then one customer
// order a row, times >= 0 ascending, quantities > 0. Files are read through the caller's
// readFile, so this runs in a browser Web Worker too.
import type { Problem } from './errors.js';
import { record } from './json.js';
import { MSG } from './messages.js';
import type { Path } from './paths.js';

/** Customer orders replayed as is. */
export interface Trace {
  times: number[];
  quantities: number[];
}

/** A trace named in a document, with the path that names it. */
export interface TraceRef {
  trace: string;
  path: Path;
}

const MAX_PROBLEMS_PER_FILE = 20;

/** A trace file parsed, with its problems (paths empty: each reference adds its own). */
export interface ParsedTrace {
  trace: Trace;
  problems: Problem[];
}

/**
 * Traces already read and parsed, by resolved file path. A caller that loads many variants of
 * one scenario (the cells of a sweep, a worker thread's batches) passes one cache, so a large
 * trace is parsed once, not once per variant; the cache belongs to one set of file contents.
 */
export type TraceCache = Map<string, ParsedTrace>;

/** Reads each distinct trace once; keyed by the trace as written in the scenario (a record without a prototype: a trace may be named `constructor`). */
export function readTraces(
  refs: readonly TraceRef[],
  scenarioFile: string,
  readFile: ((path: string) => string) | undefined,
  cache: TraceCache = new Map(),
): { traces: Record<string, Trace>; problems: Problem[] } {
  const traces = record<Trace>();
  const problems: Problem[] = [];
  const done = new Set<string>();
  for (const { trace, path } of refs) {
    if (done.has(trace)) continue;
    done.add(trace);
    const file = resolveTracePath(scenarioFile, trace);
    const parsed = cache.get(file) ?? readTrace(file, readFile);
    if ('reason' in parsed) {
      problems.push({ path, text: parsed.reason });
      continue;
    }
    cache.set(file, parsed);
    if (parsed.problems.length === 0) traces[trace] = parsed.trace;
    problems.push(...parsed.problems.map((problem) => ({ ...problem, path })));
  }
  return { traces, problems };
}

// A file that cannot be read is not cached: the reason may be passing (the reader's limits).
function readTrace(file: string, readFile: ((path: string) => string) | undefined): ParsedTrace | { reason: string } {
  if (!readFile) return { reason: MSG.traceNeedsReader(file) };
  try {
    return parseTrace(readFile(file), file);
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
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const trace: Trace = { times: [], quantities: [] };
  const problems: Problem[] = [];
  let errors = 0;
  const fail = (line: number, message: string): void => {
    if (++errors <= MAX_PROBLEMS_PER_FILE) problems.push({ path, text: message, at: { file, line } });
  };
  // A file without the header is no trace (a mistyped path, /etc/passwd): one problem, and
  // nothing of its content, which may be private, goes into a message.
  if (!isHeader(lines[0])) return { trace, problems: [{ path, text: MSG.csvHeader(), at: { file, line: 1 } }] };
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const message = rowProblem(lines[i], trace);
    if (message !== null) fail(i + 1, message);
  }
  if (errors > MAX_PROBLEMS_PER_FILE) problems.push({ path, text: MSG.csvMore(errors - MAX_PROBLEMS_PER_FILE), at: { file, line: lines.length } });
  return { trace, problems };
}

function isHeader(line: string): boolean {
  const header = line.split(',').map((field) => field.trim().toLowerCase());
  return header.length === 2 && header[0] === 'time' && header[1] === 'quantity';
}

// Appends a good row to the trace; returns the problem of a bad one.
function rowProblem(line: string, trace: Trace): string | null {
  const fields = line.split(',').map((field) => field.trim());
  const [time, quantity] = fields.map((field) => (field === '' ? Number.NaN : Number(field)));
  if (fields.length !== 2 || !Number.isFinite(time) || !Number.isFinite(quantity)) return MSG.csvRow(line);
  if (time < 0) return MSG.csvTime(time);
  const previous = trace.times.at(-1) ?? 0;
  if (time < previous) return MSG.csvAscending(previous, time);
  if (!(quantity > 0)) return MSG.csvQuantity(quantity);
  trace.times.push(time);
  trace.quantities.push(quantity);
  return null;
}
