// The data `sawtooth fit` reads from a CSV file: a numeric column, or the gaps between the times
// of consecutive rows (per item with an item column). The file is read as order histories are
// (order-history.ts): a header row, comma or semicolon, quoted fields, a byte-order mark, CRLF;
// other columns are ignored. Every problem names the file and line, all at once, rows sharing a
// cause reported once with their count. Runs in the browser too: no Node API, no wall clock.
import type { Problem } from './errors.js';
import { FIT_MSG } from './fit-messages.js';
import { splitRow } from './order-history.js';

/** Milliseconds in each unit the gaps between dates may be given in. */
export const GAP_UNITS = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;
export type GapUnit = keyof typeof GAP_UNITS;

/** What to read: a column's values, or the gaps between consecutive times; per item when `item` names a column. */
export type FitRequest = { kind: 'column'; column: string; item: string | null } | { kind: 'interarrival'; time: string; item: string | null; unit: GapUnit };

/** One item's values (item null without an item column), in the file's order for a column, time order for gaps. */
export interface FitSeries {
  item: string | null;
  values: number[];
}

export interface FitInput {
  /** One series per item, in the order the items first appear. */
  series: FitSeries[];
  /** What the times were (gaps only): plain numbers keep their unit; dates (with or without a time of day) give gaps in the request's unit. */
  times: 'numbers' | 'dates' | 'date-times' | null;
}

/** Rows sharing a cause are reported once with their count when more than this many share it. */
const LISTED_PER_CAUSE = 3;

/** Reads the values a fit request asks for from CSV text; `file` names it in problems. */
export function readFitInput(text: string, file: string, request: FitRequest): { value: FitInput; problems: Problem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const empty: FitInput = { series: [], times: null };
  const delimiter = delimiterOf(lines[0]);
  const header = splitRow(lines[0], delimiter).map((name) => name.trim());
  const at = (name: string): number => header.findIndex((h) => h.toLowerCase() === name.trim().toLowerCase());
  const wanted = [request.kind === 'column' ? request.column : request.time, ...(request.item === null ? [] : [request.item])];
  const missing = wanted.filter((name) => at(name) < 0);
  if (missing.length > 0) return { value: empty, problems: [{ path: [], text: FIT_MSG.columns(missing, header), at: { file, line: 1 } }] };

  const causes = new Map<string, number[]>();
  const fail = (cause: string, line: number): void => void (causes.get(cause) ?? causes.set(cause, []).get(cause)!).push(line);
  const times = request.kind === 'interarrival' ? timeReader(request.time) : null;
  const dateUnit = request.kind === 'interarrival' ? GAP_UNITS[request.unit] : 1;
  const read = times ?? numberReader(wanted[0]);
  const valueAt = at(wanted[0]);
  const itemAt = request.item === null ? -1 : at(request.item);
  const rows: { item: string | null; value: number }[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const fields = splitRow(lines[i], delimiter);
    const value = read(fields[valueAt]?.trim() ?? '', i + 1);
    const item = itemAt < 0 ? null : (fields[itemAt]?.trim() ?? '');
    if (typeof value === 'string') fail(value, i + 1);
    else if (item === '') fail(FIT_MSG.itemMissing(request.item!), i + 1);
    else rows.push({ item, value });
  }
  const problems = grouped(causes, file);
  if (problems.length === 0 && rows.length === 0) problems.push({ path: [], text: FIT_MSG.noRows(), at: { file, line: 1 } });
  if (problems.length > 0) return { value: empty, problems };
  const series = byItem(rows);
  if (times === null) return { value: { series, times: null }, problems };
  // Dates are read as milliseconds, exact in a double, and only their gaps are scaled to the unit.
  const kind = times.kind();
  const unit = kind === 'numbers' ? 1 : dateUnit;
  return { value: { series: series.map(({ item, values }) => ({ item, values: gaps(values).map((gap) => gap / unit) })), times: kind }, problems };
}

/** The column names of a CSV's header row, as readFitInput reads them (for a choice of columns). */
export function csvColumns(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  return splitRow(first, delimiterOf(first))
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

// Semicolons when the header has more of them than commas (a European spreadsheet's export).
function delimiterOf(header: string): ';' | ',' {
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
}

// One problem a cause when many rows share it; in the order of the lines.
function grouped(causes: Map<string, number[]>, file: string): Problem[] {
  return [...causes]
    .flatMap(([cause, lines]) =>
      lines.length <= LISTED_PER_CAUSE
        ? lines.map((line) => ({ path: [], text: cause, at: { file, line } }))
        : [{ path: [], text: FIT_MSG.manyRows(cause, lines.length), at: { file, line: lines[0] } }],
    )
    .sort((a, b) => a.at.line - b.at.line);
}

function byItem(rows: readonly { item: string | null; value: number }[]): FitSeries[] {
  const series = new Map<string | null, number[]>();
  for (const { item, value } of rows) (series.get(item) ?? series.set(item, []).get(item)!).push(value);
  return [...series].map(([item, values]) => ({ item, values }));
}

/** The gaps between consecutive times, after sorting them. */
function gaps(times: readonly number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((t, i) => t - sorted[i]);
}

type Reader = (text: string, line: number) => number | string;

function numberReader(column: string): Reader {
  return (text) => {
    if (text === '') return FIT_MSG.valueMissing(column);
    const value = Number(text.replace(/\s/g, ''));
    if (!Number.isFinite(value)) return FIT_MSG.valueText(column);
    return value < 0 ? FIT_MSG.valueNegative(column) : value;
  };
}

// Times are all numbers or all dates (read as milliseconds), as the first good row is: gaps between a number and a date mean nothing.
function timeReader(column: string): Reader & { kind: () => FitInput['times'] } {
  let first: { kind: 'number' | 'date'; line: number } | null = null;
  let clock = false;
  const read = (text: string, line: number): number | string => {
    if (text === '') return FIT_MSG.timeMissing(column);
    const number = Number(text);
    const ms = Number.isFinite(number) ? null : dateTimeMs(text);
    if (!Number.isFinite(number) && ms === null) return FIT_MSG.timeUnreadable(column);
    const kind = ms === null ? 'number' : 'date';
    first ??= { kind, line };
    if (kind !== first.kind) return FIT_MSG.timeMixed(column, first.kind, first.line);
    if (ms === null) return number;
    clock ||= /[T ]/.test(text);
    return ms;
  };
  return Object.assign(read, { kind: (): FitInput['times'] => (first?.kind !== 'date' ? 'numbers' : clock ? 'date-times' : 'dates') });
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?Z?$/;

/** Milliseconds since 1970 (UTC) of an ISO date `YYYY-MM-DD` or date-time `YYYY-MM-DDTHH:MM[:SS[.s]]`; null when it is no such date. */
export function dateTimeMs(text: string): number | null {
  const match = DATE_TIME.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const days = (Date.UTC(year, month, 1) - Date.UTC(year, month - 1, 1)) / GAP_UNITS.day;
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second >= 60) return null;
  return Date.UTC(year, month - 1, day, hour, minute) + second * 1000;
}
