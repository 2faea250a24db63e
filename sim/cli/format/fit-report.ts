// `sawtooth fit`'s report: per item a table of the fitted families, best first, notes on the
// data, and the best fit as a line of scenario YAML; or all of it as JSON.
import { bestSpec, fitNotes, fitSnippet as snippet, formatNumber, formatPValue as pValue, formatParameters } from '../../report/index.js';
import type { FitInput, GapUnit } from '../../scenario/fit-input.js';
import { MIN_VALUES, type Candidate, type FitReport } from '../../stats/fit/index.js';
import { renderText, type Table } from './table.js';

/** Where the fitted values came from. */
export interface FitSubject {
  file: string;
  /** The scenario field a snippet fills: a demand line's quantity, or its interarrival. */
  field: 'quantity' | 'interarrival';
  /** The column of the values, or of the times whose gaps were fitted. */
  column: string;
  /** The column naming each row's item; null for one fit of every row. */
  item: string | null;
  /** The unit of gaps between dates; null for a column of values. */
  unit: GapUnit | null;
  times: FitInput['times'];
}

/** One item's values fitted; report null when there were too few values to fit. */
export interface FitOutcome {
  item: string | null;
  n: number;
  report: FitReport | null;
}

/** The report for a terminal. */
export function fitText(subject: FitSubject, outcomes: readonly FitOutcome[]): string {
  const blocks = outcomes.map((outcome) => {
    const title = `${outcome.item === null ? '' : `${subject.item} ${outcome.item}: `}${count(outcome.n, subject.field === 'quantity' ? 'value' : 'gap')}`;
    if (outcome.report === null) return `${title}, too few to fit (at least ${MIN_VALUES})`;
    const { report } = outcome;
    const lines = report.constant === null ? [renderText(candidateTable(title, report))] : [`${title}, all ${formatNumber(report.constant)}: a constant`];
    lines.push(...fitNotes(subject.field, report));
    const best = bestSpec(report);
    if (best !== null) lines.push(`best: ${snippet(subject.field, best)}`);
    if (report.fallback !== null) lines.push(`or the data themselves: ${snippet(subject.field, report.fallback)}`);
    return lines.join('\n');
  });
  return `${[heading(subject), ...blocks].join('\n\n')}\n`;
}

/** The report as JSON: every candidate with full-precision numbers, the best as a distribution and as its snippet. */
export function fitJson(subject: FitSubject, outcomes: readonly FitOutcome[]): string {
  const fits = outcomes.map(({ item, n, report }) => {
    if (report === null) return { item, n, fitted: false };
    const best = bestSpec(report);
    return {
      item,
      fitted: true,
      ...report,
      candidates: report.candidates.map((c, i) => ({ rank: i + 1, ...c })),
      best,
      snippet: best === null ? null : snippet(subject.field, best),
    };
  });
  return `${JSON.stringify({ ...subject, fits }, null, 2)}\n`;
}

function heading(subject: FitSubject): string {
  const perItem = subject.item === null ? '' : `, per ${subject.item}`;
  if (subject.field === 'quantity') return `${subject.file}: the values of ${subject.column}${perItem}`;
  const unit = subject.times === 'numbers' ? "in the file's unit" : `in ${subject.unit}s`;
  const dates = subject.times === 'dates' ? ' (the times are dates without a time of day, so the gaps are whole days)' : '';
  return `${subject.file}: the gaps between consecutive times of ${subject.column}${perItem}, ${unit}${dates}`;
}

function candidateTable(title: string, report: FitReport): Table {
  return {
    title,
    header: ['family', 'parameters', 'AIC', 'ΔAIC', report.counts ? 'χ² (df)' : 'KS D', 'p-value'],
    rows: report.candidates.map((c, i) => [
      `${i + 1}. ${c.family}`,
      formatParameters(c),
      c.aic.toFixed(1),
      c.deltaAic.toFixed(1),
      statistic(c),
      pValue(c.gof.pValue),
    ]),
    ...(report.counts ? { note: 'Whole numbers: fitted as counts (the chance of each whole number) and tested by chi-square.' } : {}),
  };
}

function statistic(c: Candidate): string {
  return c.gof.test === 'ks' ? c.gof.statistic.toFixed(4) : `${formatNumber(c.gof.statistic)} (${c.gof.df})`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
