import { describe, expect, it } from 'vitest';
import { buildStrategy } from '../../../sim/scenario/index.js';
import { buildCalendar, dayNumber, parseInterval, weekdaysOf } from '../../../sim/scenario/calendars.js';
import { PLANT, load, problems } from './helpers.js';

const H = 24;

/** PLANT in hours with a calendar on the press; `calendars` is written as given. */
const withCalendar = (calendars: string, machine = 'press: { calendar: twoShifts }', unit = 'hour'): string =>
  PLANT.replace('time: { horizon: 100 }', `time: { unit: ${unit}, horizon: 100 }\ncalendars:\n  ${calendars}`).replace('press: {}', machine);

describe('calendars as written', () => {
  it('weekdaysOf names a day or a range of days, Monday 0, wrapping past Sunday', () => {
    expect(weekdaysOf('mon')).toEqual([0]);
    expect(weekdaysOf('mon-fri')).toEqual([0, 1, 2, 3, 4]);
    expect(weekdaysOf('sat-sun')).toEqual([5, 6]);
    expect(weekdaysOf('fri-mon')).toEqual([4, 5, 6, 0]);
    expect(weekdaysOf('monday')).toBeNull();
    expect(weekdaysOf('mon-fri-sat')).toBeNull();
  });

  it('parseInterval reads HH:MM-HH:MM in minutes, an end at or before the start past midnight', () => {
    expect(parseInterval('06:00-22:00')).toEqual([360, 1320]);
    expect(parseInterval('6:30 - 14:15')).toEqual([390, 855]);
    expect(parseInterval('22:00-06:00')).toEqual([1320, 1800]);
    expect(parseInterval('00:00-24:00')).toEqual([0, 1440]);
    expect(parseInterval('22:00-00:00')).toEqual([1320, 1440]);
    expect(parseInterval('06:00-06:00')).toBe('empty');
    for (const bad of ['24:00-06:00', '06:00-24:30', '06:60-07:00', '6-22', 'closed']) expect(parseInterval(bad), bad).toBe('form');
  });

  it('dayNumber counts days from 1970-01-01 and knows which dates exist', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-01-01')).toBe(19723);
    expect(dayNumber('2024-02-29')).toBe(19782);
    expect(dayNumber('2025-02-29')).toBeNull();
    expect(dayNumber('2025-13-01')).toBeNull();
  });
});

describe('buildCalendar', () => {
  it('lays the open hours of each day on a week in the time unit, holidays as whole days from time 0', () => {
    const calendar = buildCalendar({ hours: { 'mon-fri': '06:00-22:00' }, holidays: [3] }, 24);
    expect(calendar).toEqual({
      week: 168,
      open: [0, 1, 2, 3, 4].map((d) => [d * H + 6, d * H + 22]),
      closed: [[72, 96]],
      phase: 0,
    });
    expect(buildCalendar({ hours: { 'mon-fri': '06:00-18:00' }, holidays: [3] }, 1)).toMatchObject({
      week: 7,
      open: [
        [0.25, 0.75],
        [1.25, 1.75],
        [2.25, 2.75],
        [3.25, 3.75],
        [4.25, 4.75],
      ],
      closed: [[3, 4]],
    });
  });

  it('joins touching and overlapping intervals, and runs night shifts into the next day and Sunday night into Monday', () => {
    expect(buildCalendar({ hours: { mon: '06:00-14:00, 14:00-22:00', tue: ['06:00-12:00', '10:00-14:00'] }, holidays: [] }, 24).open).toEqual([
      [6, 22],
      [30, 38],
    ]);
    expect(buildCalendar({ hours: { 'sat-sun': '22:00-06:00' }, holidays: [] }, 24).open).toEqual([
      [0, 6],
      [5 * H + 22, 6 * H + 6],
      [6 * H + 22, 168],
    ]);
  });

  it('takes the phase and the holidays written as dates from the date of time 0', () => {
    // 2025-01-08 is a Wednesday: a Monday 00:00 was two days before time 0.
    const calendar = buildCalendar({ hours: { mon: '06:00-22:00' }, holidays: ['2025-01-09', 3, '2025-01-01'] }, 24, '2025-01-08');
    expect(calendar.phase).toBe(48);
    expect(calendar.closed).toEqual([
      [24, 48],
      [72, 96],
    ]);
  });
});

describe('calendars in a scenario', () => {
  it('give a machine the calendar it names, and none to a machine that names none', () => {
    const scenario = load(withCalendar('twoShifts: { hours: { mon-fri: "06:00-22:00" }, holidays: [4] }'));
    const { plant } = buildStrategy(scenario, 'base');
    expect(plant.machines.press.calendar).toMatchObject({ week: 168, closed: [[96, 120]], phase: 0 });
    const none = buildStrategy(load(PLANT), 'base').plant;
    expect(none.machines.press.calendar).toBeNull();
  });

  it('may be changed by a strategy, as everything else', () => {
    const text = `${withCalendar('twoShifts: { hours: { mon-fri: "06:00-22:00" } }')}strategies:\n  two: {}\n  three: { calendars: { twoShifts: { hours: { mon-fri: "00:00-24:00" } } } }\n`;
    const scenario = load(text);
    expect(buildStrategy(scenario, 'three').plant.machines.press.calendar?.open).toEqual([[0, 120]]);
  });

  it('must be named under calendars', () => {
    expect(problems(withCalendar('twoShifts: { hours: { mon: "06:00-22:00" } }', 'press: { calendar: night }'))).toEqual([
      'x.yaml: machines.press.calendar: expected one of the calendars (twoShifts), got "night"',
    ]);
  });

  it('need a time unit of day or hour', () => {
    expect(problems(withCalendar('twoShifts: { hours: { mon: "06:00-22:00" } }', undefined, 'week'))).toEqual([
      'x.yaml: calendars.twoShifts: expected time.unit day or hour (a calendar lays the hours of a week on the time unit), got time.unit week',
    ]);
  });

  it('name weekdays or ranges of them, each day once', () => {
    expect(problems(withCalendar('twoShifts: { hours: { monday: "06:00-22:00", mon-fri: "06:00-14:00", fri: "06:00-12:00" } }'))).toEqual([
      'x.yaml: calendars.twoShifts.hours.monday: expected a weekday (mon, tue, wed, thu, fri, sat, sun) or a range of them (mon-fri), got "monday"',
      'x.yaml: calendars.twoShifts.hours.fri: expected each weekday under one key only (fri is in mon-fri too), got "fri"',
    ]);
  });

  it('read every interval as HH:MM-HH:MM with a start and an end that differ', () => {
    expect(problems(withCalendar('twoShifts: { hours: { mon: "6-22", tue: ["06:00-14:00", "08:00-08:00"], wed: 7 } }'))).toEqual([
      'x.yaml: calendars.twoShifts.hours.wed: expected open hours as a text such as "06:00-22:00" (several separated by commas) or a non-empty list of such texts, got 7',
    ]);
    expect(problems(withCalendar('twoShifts: { hours: { mon: "6-22", tue: ["06:00-14:00", "08:00-08:00"] } }'))).toEqual([
      'x.yaml: calendars.twoShifts.hours.mon: expected open hours as HH:MM-HH:MM, from 00:00 to 24:00 (an end at or before the start runs past midnight: 22:00-06:00), got "6-22"',
      'x.yaml: calendars.twoShifts.hours.tue[1]: expected an interval whose start and end differ (00:00-24:00 for the whole day), got "08:00-08:00"',
    ]);
  });

  it('must open on some day', () => {
    expect(problems(withCalendar('twoShifts: { hours: {} }'))).toEqual([
      'x.yaml: calendars.twoShifts.hours: expected open hours on at least one day (a machine on this calendar would never work), got none',
    ]);
  });

  it('take holidays as day numbers, or as dates counted from time.start', () => {
    const needsStart =
      'x.yaml: calendars.twoShifts.holidays[0]: expected a day number counted from time 0 (day 0 begins at time 0), or time.start to count dates from, got "2025-12-25"';
    expect(problems(withCalendar('twoShifts: { hours: { mon: "06:00-22:00" }, holidays: [2025-12-25, 2025-02-30, -1] }'))).toEqual([
      'x.yaml: calendars.twoShifts.holidays[2]: expected a day number >= 0 (days counted from time 0) or a date YYYY-MM-DD, got -1',
      // Schema and references report together: the date is refused too.
      needsStart,
    ]);
    expect(problems(withCalendar('twoShifts: { hours: { mon: "06:00-22:00" }, holidays: [1.5] }'))).toEqual([
      'x.yaml: calendars.twoShifts.holidays[0]: expected a day number >= 0 (days counted from time 0) or a date YYYY-MM-DD, got 1.5',
    ]);
    expect(problems(withCalendar('twoShifts: { hours: { mon: "06:00-22:00" }, holidays: [2025-02-30] }'))).toEqual([
      'x.yaml: calendars.twoShifts.holidays[0]: expected a date that exists, YYYY-MM-DD, got "2025-02-30"',
    ]);
    expect(problems(withCalendar('twoShifts: { hours: { mon: "06:00-22:00" }, holidays: [2025-12-25] }'))).toEqual([needsStart]);
  });

  it('are laid on the week of time.start when it dates time 0, holidays as dates too', () => {
    // 2025-12-24 is a Wednesday: Christmas is day 1, and Monday 00:00 two days before time 0.
    const text = withCalendar('twoShifts: { hours: { mon-fri: "06:00-22:00" }, holidays: [2025-12-25, 2025-12-01, 3] }').replace(
      'unit: hour,',
      'unit: hour, start: 2025-12-24,',
    );
    const calendar = buildStrategy(load(text), 'base').plant.machines.press.calendar;
    expect(calendar).toMatchObject({
      phase: 48,
      closed: [
        [24, 48],
        [72, 96],
      ],
    });
  });
});
