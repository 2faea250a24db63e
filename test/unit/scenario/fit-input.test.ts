import { describe, expect, it } from 'vitest';
import { dateTimeMs, readFitInput, type FitRequest } from '../../../sim/scenario/fit-input.js';

const column = (name: string, item: string | null = null): FitRequest => ({ kind: 'column', column: name, item });
const gaps = (time: string, item: string | null = null, unit: 'day' | 'hour' = 'day'): FitRequest => ({ kind: 'interarrival', time, item, unit });
const lines = (problems: { text: string; at?: { line: number } }[]) => problems.map((p) => `${p.at?.line}: ${p.text}`);

describe('readFitInput(text, file, request)', () => {
  it('reads a column by its name in any case, other columns ignored', () => {
    const { value, problems } = readFitInput('id,Qty,note\n1,3,a\n2,0,b\n3, 4.5 ,c\n', 'o.csv', column('qty'));
    expect(problems).toEqual([]);
    expect(value).toEqual({ series: [{ item: null, values: [3, 0, 4.5] }], times: null });
  });

  it('reads an export: byte-order mark, semicolons, quoted fields with the delimiter and quotes, CRLF, blank lines', () => {
    const text = '\uFEFFsku;"qty";comment\r\nA;2;"x; ""y"""\r\n\r\nB;5;z\r\n';
    expect(readFitInput(text, 'o.csv', column('qty')).value.series).toEqual([{ item: null, values: [2, 5] }]);
  });

  it('gives one series per item, in the order the items first appear', () => {
    const { value } = readFitInput('sku,qty\nB,1\nA,2\nB,3\n', 'o.csv', column('qty', 'sku'));
    expect(value.series).toEqual([
      { item: 'B', values: [1, 3] },
      { item: 'A', values: [2] },
    ]);
  });

  it('fits the gaps between sorted numeric times, in the file’s unit', () => {
    const { value } = readFitInput('t\n5\n1\n2.5\n2.5\n', 'o.csv', gaps('t', null, 'hour'));
    expect(value).toEqual({ series: [{ item: null, values: [1.5, 0, 2.5] }], times: 'numbers' });
  });

  it('counts the gaps between dates in days, and between date-times in the unit asked for', () => {
    const dates = readFitInput('date,sku\n2025-01-06,A\n2025-01-09,A\n2025-01-07,B\n2025-01-06,A\n2025-03-01,B\n', 'o.csv', gaps('date', 'sku'));
    expect(dates.value).toEqual({
      series: [
        { item: 'A', values: [0, 3] },
        { item: 'B', values: [53] },
      ],
      times: 'dates',
    });
    const times = readFitInput('at\n2025-01-06T08:00\n2025-01-06 09:30:30\n2025-01-07T09:30:30Z\n', 'o.csv', gaps('at', null, 'hour'));
    expect(times.value.times).toBe('date-times');
    expect(times.value.series[0].values[0]).toBeCloseTo(1.5 + 30 / 3600, 12);
    expect(times.value.series[0].values[1]).toBeCloseTo(24, 12);
  });

  it('reports every bad row with its line, all at once, rows sharing a cause once with their count', () => {
    const text = 'qty\n1\n\n-2\nabc\nx\ny\nz\n   \n\n3\n';
    expect(lines(readFitInput(text, 'o.csv', column('qty')).problems)).toEqual([
      '4: expected a number >= 0 in the qty column (a scenario draws no negative values), got a negative number',
      '5: expected a number in the qty column, got something else — on this line and 3 more',
    ]);
    // A value missing from a short row.
    expect(lines(readFitInput('a,qty\n1\n', 'o.csv', column('qty')).problems)).toEqual(['2: expected a number in the qty column, got nothing']);
  });

  it('refuses a time that is no date, mixed numbers and dates, and a row without its item', () => {
    const text = 'date,sku\n2025-01-06,A\n2025-02-30,A\n7,B\n,A\n2025-01-09,\n';
    expect(lines(readFitInput(text, 'o.csv', gaps('date', 'sku')).problems)).toEqual([
      '3: expected a number, a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM[:SS] in the date column, got something else',
      '4: expected a date in the date column, as on line 2, got a number',
      '5: expected a time in the date column, got nothing',
      '6: expected an item in the sku column, got nothing',
    ]);
  });

  it('names the missing columns and the header it found, on line 1', () => {
    expect(lines(readFitInput('date;amount\n1;2\n', 'o.csv', gaps('order_date', 'sku')).problems)).toEqual([
      '1: expected a header row naming the columns "order_date", "sku", got the columns "date", "amount"',
    ]);
    expect(lines(readFitInput('', 'o.csv', column('qty')).problems)).toEqual(['1: expected a header row naming the column "qty", got an empty first line']);
    expect(lines(readFitInput('qty\n\n', 'o.csv', column('qty')).problems)).toEqual(['1: expected rows of data after the header row, got none']);
  });
});

describe('dateTimeMs(text)', () => {
  it('reads dates and date-times in UTC', () => {
    expect(dateTimeMs('2025-01-06')).toBe(Date.UTC(2025, 0, 6));
    expect(dateTimeMs('2024-02-29T23:59:59.5')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 500));
  });

  it('refuses what is no calendar date or time', () => {
    for (const text of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-01-32', '2025-01-06T24:00', '2025-01-06T10:60', '6/1/2025', '2025-1-6']) {
      expect(dateTimeMs(text), text).toBeNull();
    }
  });
});
