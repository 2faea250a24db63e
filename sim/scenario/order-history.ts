// Order histories as an ERP exports them (DESIGN "Planners' own data"): `trace: { file, time,
// quantity, item }` names the columns of a CSV with a header row. Comma or semicolon, quoted
// fields, a byte-order mark and CRLF are read; extra columns are ignored; rows may come in any
// order (they are sorted by time, stably, with a note); a quantity of 0 is skipped with a note;
// times are numbers of time units, or dates and date-times counted from `time.start`. One file may
// hold several items: each demand line takes the rows of its own item. Every problem names the
// file and line, all at once, grouped when many rows share a cause.
import type { Problem } from './errors.js';
import { MSG } from './messages.js';
import type { Trace, TraceFormat } from './traces.js';
import { dayNumber } from './calendars.js';

/** The columns a demand line reads from its file. */
export interface HistoryMapping {
  file: string;
  time: string;
  quantity: string;
  /** The item column; null when every row is the line's item. */
  item: string | null;
}

/** Where dates start and how long a time unit is, for histories with dates; null when time is not dated. */
export interface DatedClock {
  /** Milliseconds since 1970 (UTC) of time 0. */
  start: number;
  /** Milliseconds in one time unit. */
  unit: number;
}

/** A history read: each item's orders (key '' without an item column), sorted by time, and what reading it changed. */
export interface OrderHistory {
  items: Record<string, Trace>;
  notes: string[];
}

/** Rows sharing a cause are reported once with their count when more than this many share it. */
const LISTED_PER_CAUSE = 3;

/** The format of one mapping (its columns are part of the cache key: one file may be read with two mappings). */
export function historyFormat(mapping: HistoryMapping, clock: DatedClock | null): TraceFormat<OrderHistory> {
  return {
    kind: `history\u0000${mapping.time}\u0000${mapping.quantity}\u0000${mapping.item ?? ''}\u0000${clock?.start ?? ''}\u0000${clock?.unit ?? ''}`,
    parse: (text, file) => parseHistory(text, file, mapping, clock),
  };
}

/** The key a mapped file is known by while it is read: the file and its columns. */
export function historyKey(mapping: HistoryMapping): string {
  return JSON.stringify([mapping.file, mapping.time, mapping.quantity, mapping.item]);
}

/** The key of one item's orders in a scenario's traces: the mapped file and, with an item column, the item. */
export function historyTraceKey(mapping: HistoryMapping, item: string): string {
  return `${historyKey(mapping)}\u0000${mapping.item === null ? '' : item}`;
}

/** The mapping of a demand line's trace written as an object (defaults filled by the schema). */
export function mappingOf(trace: { file: string; time: string; quantity: string; item?: string }): HistoryMapping {
  return { file: trace.file, time: trace.time, quantity: trace.quantity, item: trace.item ?? null };
}

export function parseHistory(text: string, file: string, mapping: HistoryMapping, clock: DatedClock | null): { value: OrderHistory; problems: Problem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const value: OrderHistory = { items: Object.create(null) as Record<string, Trace>, notes: [] };
  const delimiter = (lines[0].match(/;/g)?.length ?? 0) > (lines[0].match(/,/g)?.length ?? 0) ? ';' : ',';
  const header = splitRow(lines[0], delimiter).map((name) => name.trim().toLowerCase());
  const column = (name: string): number => header.indexOf(name.trim().toLowerCase());
  const wanted = [mapping.time, mapping.quantity, ...(mapping.item === null ? [] : [mapping.item])];
  const missing = wanted.filter((name) => column(name) < 0);
  // Only the header's own names are quoted: the rows may be private, and a file without the header is likely the wrong file.
  if (missing.length > 0) return { value, problems: [{ path: [], text: MSG.historyColumns(missing, header.length), at: { file, line: 1 } }] };
  const [timeAt, quantityAt, itemAt] = [column(mapping.time), column(mapping.quantity), mapping.item === null ? -1 : column(mapping.item)];

  const causes = new Map<string, number[]>();
  const fail = (cause: string, line: number): void => void (causes.get(cause) ?? causes.set(cause, []).get(cause)!).push(line);
  const rows: { time: number; quantity: number; item: string; line: number }[] = [];
  let zeros = 0;
  let early = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const fields = splitRow(lines[i], delimiter);
    const time = timeOf(fields[timeAt]?.trim() ?? '', clock);
    const quantityText = fields[quantityAt]?.trim() ?? '';
    const quantity = quantityText === '' ? Number.NaN : Number(quantityText.replace(/\s/g, ''));
    if (typeof time === 'string') fail(time, i + 1);
    else if (!Number.isFinite(quantity)) fail(MSG.historyQuantityMissing(mapping.quantity), i + 1);
    else if (quantity < 0) fail(MSG.historyQuantityNegative(mapping.quantity), i + 1);
    else if (quantity === 0) zeros++;
    else if (time < 0) early++;
    else rows.push({ time, quantity, item: itemAt < 0 ? '' : (fields[itemAt]?.trim() ?? ''), line: i + 1 });
  }
  const problems = [...causes].flatMap(([cause, at]) =>
    at.length <= LISTED_PER_CAUSE
      ? at.map((line) => ({ path: [], text: cause, at: { file, line } }))
      : [{ path: [], text: MSG.historyManyRows(cause, at.length), at: { file, line: at[0] } }],
  );
  if (problems.length > 0) return { value, problems };

  // Sorted by time, stably: rows at one time keep the file's order.
  let moved = 0;
  let latest = -Infinity;
  for (const row of rows) {
    if (row.time < latest) moved++;
    latest = Math.max(latest, row.time);
  }
  rows.sort((a, b) => a.time - b.time || a.line - b.line);
  for (const row of rows) {
    const trace = (value.items[row.item] ??= { times: [], quantities: [] });
    trace.times.push(row.time);
    trace.quantities.push(row.quantity);
  }
  if (moved > 0) value.notes.push(MSG.historySorted(file, moved));
  if (zeros > 0) value.notes.push(MSG.historyZeros(file, zeros));
  if (early > 0) value.notes.push(MSG.historyBeforeStart(file, early));
  return { value, problems };
}

/** One CSV row's fields: `"…"` quotes a field (a doubled quote inside it is one quote). */
export function splitRow(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?Z?$/;

/** A time field as time units: a number, or a date (time) counted from the clock's start; a string is the problem. */
function timeOf(text: string, clock: DatedClock | null): number | string {
  if (text === '') return MSG.historyTimeMissing();
  const number = Number(text);
  if (Number.isFinite(number)) return number;
  const date = DATE.exec(text);
  if (date === null) return MSG.historyTimeUnreadable();
  if (clock === null) return MSG.historyDateWithoutStart();
  const [, y, m, d, hh, mm, ss] = date;
  const day = dayNumber(`${y}-${m}-${d}`);
  if (day === null) return MSG.historyTimeUnreadable();
  const ms = day * 86_400_000 + Number(hh ?? 0) * 3_600_000 + Number(mm ?? 0) * 60_000 + Number(ss ?? 0) * 1000;
  return (ms - clock.start) / clock.unit;
}

/** Milliseconds in a time unit that dated time allows (day, hour), or null. */
export function msPerUnit(unit: string): number | null {
  const u = unit.toLowerCase();
  if (u === 'day' || u === 'days') return 86_400_000;
  if (u === 'hour' || u === 'hours') return 3_600_000;
  return null;
}

/** The clock of a dated scenario, or null when time.start is absent. */
export function datedClock(time: { unit: string; start?: string }): DatedClock | null {
  if (time.start === undefined) return null;
  const start = dateMs(time.start);
  const unit = msPerUnit(time.unit);
  return start === null || unit === null ? null : { start, unit };
}

/** Milliseconds since 1970 (UTC) of an ISO date `YYYY-MM-DD` (the time.start of a dated scenario), or null when it is no date. */
export function dateMs(text: string): number | null {
  const day = dayNumber(text);
  return day === null ? null : day * 86_400_000;
}
