// A fit in words, shared by `sawtooth fit` and the page's fit panel: a fitted family as a line of
// scenario YAML, and the notes on the data (zeros, families not fitted, a small sample, a normal
// reaching below 0, untested families, every family rejected).
import { stringify } from 'yaml';
import { ALPHA, SMALL_SAMPLE, type Candidate, type FitReport } from '../stats/fit/index.js';
import { formatNumber, formatPercent } from './numbers.js';

/** The scenario field a fit fills: a demand line's quantity, or its interarrival (the gaps between orders). */
export type FitField = 'quantity' | 'interarrival';

/** `field: { family: { … } }`: a line a scenario takes as it is. */
export function fitSnippet(field: string, distribution: unknown): string {
  return `${field}: ${stringify(distribution, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`;
}

/** A fitted family as a scenario writes it, its numbers to 4 significant digits. */
export function candidateSpec(candidate: Candidate): Record<string, Record<string, number>> {
  return { [candidate.family]: Object.fromEntries(Object.entries(candidate.parameters).map(([name, value]) => [name, Number(value.toPrecision(4))])) };
}

/** The best fit as a scenario writes it (4 significant digits), the constant, or null when nothing was fitted. */
export function bestSpec(report: FitReport): Record<string, Record<string, number>> | number | null {
  if (report.constant !== null) return report.constant;
  const best = report.candidates[0];
  return best === undefined ? null : candidateSpec(best);
}

/** What a reader of the ranking should know about the data and the fit, one sentence each. */
export function fitNotes(field: FitField, report: FitReport): string[] {
  const lines: string[] = [];
  if (report.zeros > 0) {
    const are = `${report.zeros === 1 ? 'is' : 'are'} 0`;
    lines.push(
      field === 'quantity' ? `${count(report.zeros, 'value')} ${are} (kept: they are data)` : `${count(report.zeros, 'gap')} ${are} (rows at the same time)`,
    );
  }
  if (report.skipped.length > 0) {
    lines.push(`${report.skipped.map((s) => s.family).join(' and ')} not fitted: ${report.skipped.length === 1 ? 'it draws' : 'they draw'} only values > 0`);
  }
  if (report.smallSample && report.constant === null) lines.push(`only ${report.n} values: with fewer than ${SMALL_SAMPLE} the ranking is uncertain`);
  const best = report.candidates[0];
  if (best?.censoredShare !== undefined && best.censoredShare >= 0.01) {
    lines.push(`the normal puts ${formatPercent(best.censoredShare)} of its draws below 0, which a scenario draws as 0 (its mean is then higher)`);
  }
  const untested = report.candidates.filter((c) => Number.isNaN(c.gof.pValue)).length;
  if (untested > 0) lines.push(`–: too few cells for the chi-square test of ${untested === 1 ? 'this family' : 'these families'} (cells − 1 − parameters < 1)`);
  if (report.allRejected) {
    const every = untested > 0 ? 'every family tested' : 'every family';
    lines.push(
      `${every} is rejected at the ${ALPHA * 100}% level${report.fallback === null ? '; consider replaying the history itself (a demand trace)' : ''}`,
    );
  }
  return lines;
}

/** A goodness-of-fit p-value as the tables show it: `<0.001`, three decimals, or – when untested. */
export function formatPValue(p: number): string {
  if (Number.isNaN(p)) return '–';
  return p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** A candidate's parameters as `mean 0.7941, sd 0.3997`. */
export function formatParameters(candidate: Candidate): string {
  return Object.entries(candidate.parameters)
    .map(([name, value]) => `${name} ${formatNumber(value)}`)
    .join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
