import { describe, expect, it } from 'vitest';
import { ShiftCalendar, openShareOf, type CalendarSpec } from '../../../sim/model/index.js';

const H = 24; // hours in a day
const WEEK = 7 * H;

/** A calendar in hours: the week's open intervals, closed stretches, phase. */
function hours(open: [number, number][], closed: [number, number][] = [], phase = 0): ShiftCalendar {
  return new ShiftCalendar({ week: WEEK, open, closed, phase });
}

/** Monday to Friday, 06:00 to 22:00: two shifts. */
const twoShifts = hours([0, 1, 2, 3, 4].map((d): [number, number] => [d * H + 6, d * H + 22]));

describe('a shift calendar', () => {
  it('isOpen(t) is true in open hours, an opening included and a closing not', () => {
    expect([0, 5.99, 6, 12, 21.99, 22, 23].map((t) => twoShifts.isOpen(t))).toEqual([false, false, true, true, true, false, false]);
    expect(twoShifts.isOpen(5 * H + 12)).toBe(false); // Saturday noon
    expect(twoShifts.isOpen(WEEK + 7)).toBe(true); // the next Monday
  });

  it('nextOpening(t) is t when open, else the next opening, over nights and weekends', () => {
    expect(twoShifts.nextOpening(0)).toBe(6);
    expect(twoShifts.nextOpening(10)).toBe(10);
    expect(twoShifts.nextOpening(22)).toBe(H + 6);
    expect(twoShifts.nextOpening(4 * H + 22)).toBe(WEEK + 6);
  });

  it('nextClosing(t) is the end of the open period holding t, or of the next one', () => {
    expect(twoShifts.nextClosing(10)).toBe(22);
    expect(twoShifts.nextClosing(22)).toBe(H + 22);
    expect(twoShifts.nextClosing(5 * H)).toBe(WEEK + 22);
  });

  it('openTimeBetween(a, b) counts open hours: 80 of a week, 16 of a working day', () => {
    expect(twoShifts.openTimeBetween(0, WEEK)).toBe(80);
    expect(twoShifts.openTimeBetween(H, 2 * H)).toBe(16);
    expect(twoShifts.openTimeBetween(10, 30)).toBe(12 + 0); // 10-22 on Monday, Tuesday opens at 30
    expect(twoShifts.openTimeBetween(3 * WEEK + 20, 3 * WEEK + 31)).toBe(3);
    expect(twoShifts.openTimeBetween(50, 50)).toBe(0);
  });

  it('runs a shift that ends at or before it starts past midnight, Sunday night into Monday', () => {
    // Sunday 22:00 to Monday 06:00, as the scenario layer splits it at the week's end.
    const night = hours([
      [0, 6],
      [6 * H + 22, WEEK],
    ]);
    expect(night.isOpen(0)).toBe(true);
    expect(night.nextClosing(6 * H + 23)).toBe(WEEK + 6);
    expect(night.nextClosing(WEEK + 1)).toBe(WEEK + 6);
    expect(night.nextOpening(6)).toBe(6 * H + 22);
    expect(night.openTimeBetween(0, WEEK)).toBe(8);
  });

  it('is closed on holidays, which cut a shift that runs into them', () => {
    const tuesdayOff = hours(
      [0, 1, 2, 3, 4].map((d): [number, number] => [d * H + 22, d * H + 30]),
      [[H, 2 * H]],
    );
    expect(tuesdayOff.nextClosing(22)).toBe(H); // Monday night shift stops at midnight
    expect(tuesdayOff.isOpen(H + 1)).toBe(false);
    expect(tuesdayOff.nextOpening(H)).toBe(2 * H); // Tuesday night's shift runs past the holiday: open from Wednesday 00:00
    expect(tuesdayOff.nextClosing(2 * H)).toBe(2 * H + 6);
    expect(tuesdayOff.openTimeBetween(0, WEEK)).toBe(40 - 8);
    const offDays = hours(twoShiftsOpen(), [[H, 3 * H]]);
    expect(offDays.nextOpening(22)).toBe(3 * H + 6);
    expect(offDays.openTimeBetween(0, 2 * WEEK)).toBe(160 - 32);
  });

  it('lays the week on its phase: with phase 24 time 0 is a Tuesday', () => {
    const mondays = hours([[6, 22]], [], H);
    expect(mondays.nextOpening(0)).toBe(WEEK - H + 6);
    expect(mondays.isOpen(WEEK - H + 7)).toBe(true);
  });

  it('never closes when open all week', () => {
    const always = hours([[0, WEEK]]);
    expect(always.nextClosing(1000)).toBe(Infinity);
    expect(always.openTimeBetween(3, 1000)).toBe(997);
  });

  it('works in days as well as hours', () => {
    const days = new ShiftCalendar({ week: 7, open: [0, 1, 2, 3, 4].map((d): [number, number] => [d + 0.25, d + 22 / 24]), closed: [], phase: 0 });
    expect(days.nextOpening(0)).toBe(0.25);
    expect(days.openTimeBetween(0, 7)).toBeCloseTo(80 / 24, 12);
  });

  it('agrees with itself: nextOpening, nextClosing and openTimeBetween over any instant', () => {
    const wrapping: [number, number][] = [
      [0, 6],
      [6 * H + 22, WEEK],
    ];
    const calendars = [twoShifts, hours(twoShiftsOpen(), [[2 * H, 3 * H]], 7.5), hours(wrapping, [[WEEK, WEEK + 30]]), hours(wrapping, [], 3.25)];
    const wrong: string[] = [];
    const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;
    calendars.forEach((calendar, c) => {
      for (let t = 0; t < 3 * WEEK; t += 0.25) {
        const opening = calendar.nextOpening(t);
        const closing = calendar.nextClosing(t);
        const slice = calendar.isOpen(t + 0.125) ? 0.25 : 0;
        if (!(opening >= t) || calendar.isOpen(t) !== (opening === t) || !(closing > opening)) wrong.push(`${c} at ${t}: ${opening}, ${closing}`);
        if (closing < Infinity && !near(calendar.openTimeBetween(opening, closing), closing - opening)) wrong.push(`${c} open period at ${t}`);
        if (!near(calendar.openTimeBetween(t, opening), 0)) wrong.push(`${c} closed until ${opening} at ${t}`);
        // A quarter hour's open time is what isOpen says of it (every boundary is on a quarter hour).
        if (!near(calendar.openTimeBetween(t, t + 0.25), slice)) wrong.push(`${c} quarter hour at ${t}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  it('openShareOf a stretch is its open time over its length; 1 without a calendar', () => {
    const spec: CalendarSpec = {
      week: WEEK,
      open: [
        [8, 16],
        ...twoShiftsOpen()
          .slice(1)
          .map(([a]): [number, number] => [a + 2, a + 10]),
      ],
      closed: [],
      phase: 0,
    };
    expect(openShareOf(spec, 0, 10 * WEEK)).toBeCloseTo(40 / 168, 12);
    expect(openShareOf(null, 0, 100)).toBe(1);
  });

  it('refuses a calendar that is never open', () => {
    expect(() => new ShiftCalendar({ week: WEEK, open: [], closed: [], phase: 0 })).toThrow(RangeError);
  });
});

function twoShiftsOpen(): [number, number][] {
  return [0, 1, 2, 3, 4].map((d): [number, number] => [d * H + 6, d * H + 22]);
}
