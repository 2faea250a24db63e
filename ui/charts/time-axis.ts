import { dateText, timeMs, type ExperimentResult } from '../../sim/index.js';
import { chartText } from './common.js';

/**
 * The x axis of a chart over simulation time. When time.start dates the result, a time is its UTC
 * milliseconds on a temporal axis with a UTC scale (the same labels in every time zone) and its
 * tooltip is sim's dateText; otherwise it stays in time units on a quantitative axis.
 */
export interface TimeAxis {
  dated: boolean;
  /** Where time t sits on the axis: epoch milliseconds when dated, t otherwise (for x2 fields). */
  x(t: number): number;
  /** A datum's time fields: `t`, the position, and when dated `date`, the text its tooltip shows. */
  at(t: number): { t: number; date?: string };
  /** The x encoding of field t: `title (unit)` in time units, `datedTitle (years)` when dated; over the run's time 0 to `end` when given. */
  encoding(title: string, datedTitle: string, end?: number): Record<string, unknown>;
  /** The tooltip entry of field t (or the date). */
  tooltip(title: string): Record<string, unknown>;
}

/** The time axis of charts of `result`, whose times are in `unit`. */
export function timeAxis(result: ExperimentResult, unit: string): TimeAxis {
  const time = result.time;
  if (timeMs(time, 0) === null) {
    return {
      dated: false,
      x: (t) => t,
      at: (t) => ({ t }),
      encoding: (title, _datedTitle, end) => ({
        field: 't',
        type: 'quantitative',
        title: `${title} (${chartText(unit)})`,
        ...(end === undefined ? {} : { scale: { domain: [0, end] } }),
      }),
      tooltip: (title) => ({ field: 't', title, format: ',.4~r' }),
    };
  }
  const x = (t: number): number => timeMs(time, t)!;
  // The axis labels (`Jan 12`, `June`) name a year only at its start: the title says which.
  const [first, last] = [dateText(time, 0)!.slice(0, 4), dateText(time, time.horizon)!.slice(0, 4)];
  const years = first === last ? first : `${first}–${last}`;
  return {
    dated: true,
    x,
    at: (t) => ({ t: x(t), date: dateText(time, t)! }),
    encoding: (_title, datedTitle, end) => ({
      field: 't',
      type: 'temporal',
      title: `${datedTitle} (${years})`,
      // domainMin/Max, not domain: Vega-Lite warns of conflicting domains when a layered temporal x has an x2.
      scale: { type: 'utc', ...(end === undefined ? {} : { domainMin: utcDateTime(x(0)), domainMax: utcDateTime(x(end)) }) },
    }),
    tooltip: (title) => ({ field: 'date', title }),
  };
}

/**
 * Epoch milliseconds as a Vega-Lite DateTime in UTC. A bare number in a temporal scale's domainMin
 * would become Vega's `datetime(ms)`, which reads it as a year: the axis loses every label.
 */
function utcDateTime(ms: number): Record<string, number | boolean> {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate(), hours: d.getUTCHours(), minutes: d.getUTCMinutes(), utc: true };
}
