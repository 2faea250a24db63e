// Simulation times as dates when time.start dates a scenario: known dates across leap days and
// year ends, checked against the calendar arithmetic that reads dates (dayNumber) and JavaScript's.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../sim/scenario/calendars.js';
import { bucketDate, dateText, isDated, isoDate, timeMs } from '../../../sim/scenario/index.js';

const days = (start: string) => ({ unit: 'day', start });
const hours = (start: string) => ({ unit: 'hour', start });

describe('dates of simulation times', () => {
  it('isoDate(day) is the inverse of dayNumber from 1600 to 2400, and agrees with Date', () => {
    const [first, last] = [dayNumber('1600-01-01')!, dayNumber('2400-12-31')!];
    const wrong: string[] = [];
    for (let day = first; day <= last; day++) {
      const text = isoDate(day);
      if (dayNumber(text) !== day) wrong.push(`${day}: ${text}`);
      if (day % 97 === 0 && text !== new Date(day * 86_400_000).toISOString().slice(0, 10)) wrong.push(`${day}: ${text} (Date)`);
    }
    expect(wrong).toEqual([]);
    expect(isoDate(0)).toBe('1970-01-01');
    expect(isoDate(-1)).toBe('1969-12-31');
  });

  it('dateText in a day unit is the date the time falls in', () => {
    expect(dateText(days('2025-01-06'), 0)).toBe('2025-01-06');
    expect(dateText(days('2025-01-06'), 0.99)).toBe('2025-01-06');
    expect(dateText(days('2025-01-06'), 1)).toBe('2025-01-07');
    expect(dateText(days('2025-01-06'), 364)).toBe('2026-01-05');
  });

  it('dateText crosses leap days: 2024 and 2000 have a 29 February, 2025 and 2100 do not', () => {
    expect(dateText(days('2024-02-28'), 1)).toBe('2024-02-29');
    expect(dateText(days('2024-02-28'), 2)).toBe('2024-03-01');
    expect(dateText(days('2000-02-28'), 1)).toBe('2000-02-29');
    expect(dateText(days('2025-02-28'), 1)).toBe('2025-03-01');
    expect(dateText(days('2100-02-28'), 1)).toBe('2100-03-01');
    expect(dateText(days('2024-01-01'), 366)).toBe('2025-01-01');
    expect(dateText(days('2025-01-01'), 365)).toBe('2026-01-01');
  });

  it('dateText crosses year ends, in days and in hours', () => {
    expect(dateText(days('2025-12-31'), 0.5)).toBe('2025-12-31');
    expect(dateText(days('2025-12-31'), 1)).toBe('2026-01-01');
    expect(dateText(hours('2025-12-31'), 23.5)).toBe('2025-12-31 23:30');
    expect(dateText(hours('2025-12-31'), 24)).toBe('2026-01-01 00:00');
    expect(dateText(hours('1999-12-31'), 24 + 14.25)).toBe('2000-01-01 14:15');
  });

  it('dateText in an hour unit gives the date and the time to the minute, cut down', () => {
    expect(dateText(hours('2025-01-06'), 14)).toBe('2025-01-06 14:00');
    expect(dateText(hours('2025-01-06'), 14 + 59.9 / 60)).toBe('2025-01-06 14:59');
    expect(dateText(hours('2025-01-06'), 24 * 7 + 6)).toBe('2025-01-13 06:00');
    expect(dateText({ unit: 'hours', start: '2024-02-28' }, 36)).toBe('2024-02-29 12:00');
  });

  it('a time a hair below a whole day from summed float steps is that day', () => {
    let t = 0;
    for (let i = 0; i < 10; i++) t += 0.1;
    expect(t).toBeLessThan(1);
    expect(dateText(days('2025-01-06'), t)).toBe('2025-01-07');
    expect(dateText(hours('2025-01-06'), t * 24)).toBe('2025-01-07 00:00');
  });

  it('timeMs is UTC milliseconds since 1970, as Date reads them', () => {
    expect(timeMs(days('1970-01-01'), 1)).toBe(86_400_000);
    expect(timeMs(days('2025-01-06'), 2.5)).toBe(Date.UTC(2025, 0, 8, 12));
    expect(timeMs(hours('2025-01-06'), 14)).toBe(Date.UTC(2025, 0, 6, 14));
  });

  it('bucketDate(time, bucket, k) is the date bucket k starts on', () => {
    expect(bucketDate(days('2025-01-06'), 7, 0)).toBe('2025-01-06');
    expect(bucketDate(days('2025-01-06'), 7, 52)).toBe('2026-01-05');
    expect(bucketDate(hours('2025-01-06'), 8, 5)).toBe('2025-01-07 16:00');
  });

  it('nothing is dated without time.start, or in a unit without dates', () => {
    expect(isDated({ unit: 'day' })).toBe(false);
    expect(isDated({ unit: 'minute', start: '2025-01-06' })).toBe(false);
    expect(isDated(days('2025-01-06'))).toBe(true);
    expect(dateText({ unit: 'day' }, 3)).toBeNull();
    expect(timeMs({ unit: 'week', start: '2025-01-06' }, 3)).toBeNull();
    expect(bucketDate({ unit: 'day' }, 7, 1)).toBeNull();
  });
});
