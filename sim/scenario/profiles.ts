// Demand profiles (`profile: { weekly: […] }` or `{ yearly: […] }`) as the model runs them: the
// periods of one cycle in the scenario's time unit. Time 0 is a Monday at 00:00 and January 1
// (a year of 365 days: the model has no calendar yet).
import type { RateProfile } from '../model/index.js';

export type ProfileDoc = { weekly: number[] } | { yearly: number[] };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Time units in a day for the units a profile can be laid on; null for any other (a shift, a period). */
export function unitsPerDay(unit: string): number | null {
  switch (unit.toLowerCase()) {
    case 'day':
    case 'days':
      return 1;
    case 'hour':
    case 'hours':
      return 24;
    case 'minute':
    case 'minutes':
      return 24 * 60;
    case 'week':
    case 'weeks':
      return 1 / 7;
    default:
      return null;
  }
}

/**
 * The profile's periods in time units; the unit must be one unitsPerDay knows (references.ts
 * checks it). With `start` (time.start, days since 1970) time 0 falls on that date's weekday and
 * day of the year; without, on a Monday, 1 January.
 */
export function rateProfile(doc: ProfileDoc, unit: string, start: number | null = null): RateProfile {
  const perDay = unitsPerDay(unit);
  if (perDay === null) throw new Error(`rateProfile: a profile needs a time unit of days, hours, minutes or weeks, got ${unit}`);
  const days = 'weekly' in doc ? doc.weekly.map(() => 1) : DAYS_IN_MONTH;
  const factors = 'weekly' in doc ? doc.weekly : doc.yearly;
  const edges: number[] = [];
  let at = 0;
  for (const length of days) {
    edges.push(at * perDay);
    at += length;
  }
  return { edges, factors: [...factors], cycle: at * perDay, phase: phaseOf(doc, start) * perDay };
}

/** Days from the cycle's start (a Monday, or 1 January) to the date `start` (days since 1970-01-01, a Thursday). */
function phaseOf(doc: ProfileDoc, start: number | null): number {
  if (start === null) return 0;
  if ('weekly' in doc) return (((start + 3) % 7) + 7) % 7;
  // The day of a 365-day year: the days since 1 January of the date's own year, 29 February counted as 1 March.
  let day = start;
  let year = 1970;
  for (;;) {
    const length = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
    if (day >= 0 && day < length) return length === 366 && day >= 59 ? day - 1 : day;
    if (day < 0) {
      year--;
      day += (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
    } else {
      day -= length;
      year++;
    }
  }
}

/** The profile's mean factor over its cycle, each period weighted by its length: the long-run multiple of the base rate. */
export function meanFactor(profile: RateProfile): number {
  let sum = 0;
  profile.factors.forEach((factor, k) => {
    const end = k + 1 < profile.edges.length ? profile.edges[k + 1] : profile.cycle;
    sum += factor * (end - profile.edges[k]);
  });
  return sum / profile.cycle;
}
