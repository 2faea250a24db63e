import { MIN_VALUES, fitWithCharts, readFitInput, type FitCharts, type FitField, type FitInput, type FitReport, type FitRequest } from '../../sim/index.js';

/** What the fit panel asks: a CSV file (its name and text) and what to fit of it, as `sawtooth fit` takes it. */
export interface FitPageRequest {
  file: string;
  text: string;
  request: FitRequest;
}

/** One item's fit (item null for one fit of every row); report and charts null when there were too few values. */
export interface FitPageOutcome {
  item: string | null;
  n: number;
  report: FitReport | null;
  charts: FitCharts | null;
}

/**
 * What the panel shows: the file's problems (its line and what is wrong), or the fits per item
 * with the field a snippet fills, what the times were and how many items were left out.
 */
export type FitPageResponse =
  | { kind: 'problems'; problems: { line: number | null; text: string }[] }
  | { kind: 'fitted'; field: FitField; times: FitInput['times']; fits: FitPageOutcome[]; itemsLeftOut: number }
  | { kind: 'failed'; message: string };

/** Items fitted at most: each comes with its pictures' data, and the panel shows one at a time. */
export const MAX_FIT_ITEMS = 100;

/** `sawtooth fit`'s input analysis for the page: the same reading of the file, the same fit of every series of at least MIN_VALUES values. */
export function fitForPage({ file, text, request }: FitPageRequest): Exclude<FitPageResponse, { kind: 'failed' }> {
  const { value, problems } = readFitInput(text, file, request);
  if (problems.length > 0) return { kind: 'problems', problems: problems.map((p) => ({ line: p.at?.line ?? null, text: p.text })) };
  const fits = value.series.slice(0, MAX_FIT_ITEMS).map(({ item, values }): FitPageOutcome => {
    if (values.length < MIN_VALUES) return { item, n: values.length, report: null, charts: null };
    const { report, charts } = fitWithCharts(values);
    return { item, n: values.length, report, charts };
  });
  return {
    kind: 'fitted',
    field: request.kind === 'column' ? 'quantity' : 'interarrival',
    times: value.times,
    fits,
    itemsLeftOut: Math.max(0, value.series.length - MAX_FIT_ITEMS),
  };
}
