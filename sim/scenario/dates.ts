// Simulation times as the planner's calendar reads them, when `time.start` dates the scenario: the
// inverse of reading dates in order histories and calendars. Pure arithmetic on UTC milliseconds
// (Hinnant's civil_from_days), so the CLI and the page print the same text in every time zone.
import { datedClock, type DatedClock } from './order-history.js';

/** The fields of a run's clock that date it: the unit and, when dated, the date of time 0. */
export interface RunTime {
  unit: string;
  start?: string;
}

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** True when `time.start` dates the run (its unit is then a day or an hour). */
export function isDated(time: RunTime): boolean {
  return datedClock(time) !== null;
}

/** Milliseconds since 1970 (UTC) of simulation time `t` of a dated run, to the millisecond; null when the run is not dated. */
export function timeMs(time: RunTime, t: number): number | null {
  const clock = datedClock(time);
  return clock === null ? null : msAt(clock, t);
}

// Rounded to the millisecond: a sum of float time steps (6.9999999999 days) is still day 7.
function msAt(clock: DatedClock, t: number): number {
  return Math.round(clock.start + t * clock.unit);
}

/**
 * Time `t` as a date: `2025-01-06` in a day unit (the day the time falls in; its fraction stays
 * in the time column), `2025-01-06 14:00` in an hour unit (to the minute, cut down); null when
 * the run is not dated.
 */
export function dateText(time: RunTime, t: number): string | null {
  const clock = datedClock(time);
  if (clock === null) return null;
  const ms = msAt(clock, t);
  const day = Math.floor(ms / MS_PER_DAY);
  if (clock.unit === MS_PER_DAY) return isoDate(day);
  const minutes = Math.floor((ms - day * MS_PER_DAY) / MS_PER_MINUTE);
  return `${isoDate(day)} ${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

/** The date (or date and time, as dateText) at which bucket `index` of `bucket` time units, counted from time 0, starts; null when not dated. */
export function bucketDate(time: RunTime, bucket: number, index: number): string | null {
  return dateText(time, index * bucket);
}

/** The ISO date (`YYYY-MM-DD`, proleptic Gregorian) of a day number, days since 1970-01-01: the inverse of dayNumber. */
export function isoDate(dayNumber: number): string {
  // Howard Hinnant's civil_from_days: eras of 400 years (146 097 days) starting on 1 March.
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
