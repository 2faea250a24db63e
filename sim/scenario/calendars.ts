// Shift calendars (`calendars: { twoShifts: { hours: { mon-fri: "06:00-22:00" }, holidays: [0, 4] } }`):
// the written forms read, and the calendar the model runs built from them. Time 0 is a Monday at
// 00:00, or 00:00 of time.start when it is set (which sets the built calendar's phase); a holiday
// is a day number counted from time 0 (day 0 is [0, 1 day)), or a date counted from time.start.
import type { CalendarSpec } from '../model/index.js';
import { unitsPerDay } from './profiles.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** What `hours` keys look like: a weekday or a range of them (the JSON Schema's pattern). */
export const WEEKDAY_KEY = `^(${WEEKDAYS.join('|')})(-(${WEEKDAYS.join('|')}))?$`;

/** A holiday written as a date. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** A calendar as the scenario file writes it (schema-checked). */
export interface CalendarDoc {
  hours: Record<string, string | string[]>;
  holidays: (number | string)[];
}

/** The days a key names, Monday = 0: `mon` → [0], `mon-fri` → [0, …, 4], `fri-mon` → [4, 5, 6, 0]; null for anything else. */
export function weekdaysOf(key: string): number[] | null {
  const [first, last, ...rest] = key.split('-');
  const from = WEEKDAYS.indexOf(first as (typeof WEEKDAYS)[number]);
  const to = last === undefined ? from : WEEKDAYS.indexOf(last as (typeof WEEKDAYS)[number]);
  if (from < 0 || to < 0 || rest.length > 0) return null;
  const days = [from];
  for (let d = from; d !== to;) days.push((d = (d + 1) % 7));
  return days;
}

/** The intervals of one day's value: `"06:00-14:00, 22:00-06:00"` or a list of such texts, each as written. */
export function intervalTexts(value: string | string[]): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((text) => text.split(',')).map((text) => text.trim());
}

/**
 * One interval `06:00-22:00` as minutes from the day's 00:00, [start, end); an end at or before the
 * start runs past midnight into the next day (22:00-06:00 ends at 06:00 of the next day). 'form'
 * for a text that is no HH:MM-HH:MM, 'empty' for an interval of no time (06:00-06:00).
 */
export function parseInterval(text: string): [number, number] | 'form' | 'empty' {
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text);
  if (match === null) return 'form';
  const [, h1, m1, h2, m2] = match.map(Number);
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  if (h1 > 23 || m1 > 59 || m2 > 59 || end > DAY) return 'form';
  if (start === end) return 'empty';
  return [start, end > start ? end : end + DAY];
}

/** Units in a day for the units a calendar can be laid on (day, hour); null for any other. */
export function calendarUnitsPerDay(unit: string): number | null {
  const perDay = unitsPerDay(unit);
  return perDay === 1 || perDay === 24 ? perDay : null;
}

/** Days since 1970-01-01 of a valid ISO date (proleptic Gregorian); null when the date does not exist (2025-02-30). */
export function dayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (match === null) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (length === undefined || d < 1 || d > length) return null;
  // Howard Hinnant's days_from_civil.
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The calendar the model runs. `perDay`: time units in a day (1 or 24). `start`: the date of time 0
 * (time.start; time 0 is its 00:00), which sets the phase and places holidays written as dates;
 * null: time 0 is a Monday at 00:00 and every holiday is a day number.
 */
export function buildCalendar(doc: CalendarDoc, perDay: number, start: string | null = null): CalendarSpec {
  const scale = (minutes: number): number => (minutes / DAY) * perDay;
  const open = mergeIntervals(weekMinutes(doc.hours)).map(([a, b]): [number, number] => [scale(a), scale(b)]);
  const origin = start === null ? null : dayNumber(start);
  const days = doc.holidays.map((h) => {
    if (typeof h === 'number') return h;
    const day = dayNumber(h);
    if (day === null || origin === null) throw new Error(`buildCalendar: holiday ${h} needs a valid date and time.start`);
    return day - origin;
  });
  const closed = mergeIntervals(days.filter((d) => d >= 0).map((d): [number, number] => [d * DAY, (d + 1) * DAY])).map(([a, b]): [number, number] => [
    scale(a),
    scale(b),
  ]);
  // 1970-01-01 was a Thursday: weekday 3 with Monday 0.
  const phase = origin === null ? 0 : (((origin + 3) % 7) + 7) % 7;
  return { week: 7 * perDay, open, closed, phase: phase * perDay };
}

/** Every open interval of the week in minutes from Monday 00:00; one past Sunday midnight is split at the week's end. */
function weekMinutes(hours: Record<string, string | string[]>): [number, number][] {
  const out: [number, number][] = [];
  for (const [key, value] of Object.entries(hours)) {
    const days = weekdaysOf(key) ?? [];
    for (const text of intervalTexts(value)) {
      const interval = parseInterval(text);
      if (typeof interval === 'string') continue; // the schema refuses it
      for (const day of days) {
        const [a, b] = [day * DAY + interval[0], day * DAY + interval[1]];
        if (b <= WEEK) out.push([a, b]);
        else out.push([a, WEEK], [0, b - WEEK]);
      }
    }
  }
  return out;
}

/** Sorted, with overlapping and touching intervals joined. */
function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
