import type { ExperimentResult, KpiSummary } from './results.js';

/**
 * One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). A text that
 * starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading `'`, so a
 * spreadsheet shows a strategy named `=HYPERLINK(…)` instead of running it (OWASP, CSV
 * injection); numbers, negative ones too, stay numbers.
 */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutralized(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function neutralized(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** CSV lines from a header and rows. */
export function renderCsv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/** One KPI of one strategy over replications: the flat form every table, export and chart filters. */
export interface ResultRow {
  strategy: string;
  scope: 'overall' | 'item' | 'machine';
  /** The item or machine; '' for an overall KPI. */
  entity: string;
  kpi: string;
  mean: number;
  sd: number;
  ci95: [number, number] | null;
  n: number;
}

/** Every KPI summary of an experiment, strategy by strategy: overall, then each item's, then each machine's. */
export function resultRows(result: ExperimentResult): ResultRow[] {
  const out: ResultRow[] = [];
  for (const s of result.strategies) {
    const push = (scope: ResultRow['scope'], entity: string, kpis: Record<string, KpiSummary>): void => {
      for (const [kpi, v] of Object.entries(kpis)) out.push({ strategy: s.name, scope, entity, kpi, mean: v.mean, sd: v.sd, ci95: v.ci95, n: v.n });
    };
    push('overall', '', s.kpis);
    for (const [item, kpis] of Object.entries(s.items)) push('item', item, kpis);
    for (const [machine, kpis] of Object.entries(s.machines)) push('machine', machine, kpis);
  }
  return out;
}

/**
 * Every KPI summary of an experiment as a long CSV: one row per strategy, scope and KPI; then one
 * row per warning (scope `warning`, its path as the name, its code as the kpi, its text as the
 * message), so a results file written with --out keeps what makes its numbers doubtful. The
 * strategies a warning concerns are joined with `;` (empty: all of them).
 */
export function resultsCsv(result: ExperimentResult): string {
  const rows: (string | number)[][] = resultRows(result).map((r) => [
    r.strategy,
    r.scope,
    r.entity,
    r.kpi,
    r.mean,
    r.sd,
    r.ci95?.[0] ?? '',
    r.ci95?.[1] ?? '',
    r.n,
    '',
  ]);
  for (const w of result.warnings) rows.push([(w.strategies ?? []).join(';'), 'warning', w.path, w.code, '', '', '', '', '', w.message]);
  return renderCsv(['strategy', 'scope', 'name', 'kpi', 'mean', 'sd', 'ci95_low', 'ci95_high', 'n', 'message'], rows);
}
