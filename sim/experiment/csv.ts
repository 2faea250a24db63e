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

/** Every KPI summary of an experiment as a long CSV: one row per strategy, scope and KPI. */
export function resultsCsv(result: ExperimentResult): string {
  const out: (string | number)[][] = [];
  for (const s of result.strategies) {
    const push = (scope: string, name: string, kpis: Record<string, KpiSummary>): void => {
      for (const [kpi, v] of Object.entries(kpis)) out.push([s.name, scope, name, kpi, v.mean, v.sd, v.ci95?.[0] ?? '', v.ci95?.[1] ?? '', v.n]);
    };
    push('overall', '', s.kpis);
    for (const [item, kpis] of Object.entries(s.items)) push('item', item, kpis);
    for (const [machine, kpis] of Object.entries(s.machines)) push('machine', machine, kpis);
  }
  return renderCsv(['strategy', 'scope', 'name', 'kpi', 'mean', 'sd', 'ci95_low', 'ci95_high', 'n'], out);
}
