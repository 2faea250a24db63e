import { renderCsv, type SweepResult } from '../../experiment/index.js';
import { formatEstimate, formatNumber } from '../../report/index.js';
import type { Format } from '../args.js';
import { renderMarkdown, renderText, type Table } from './table.js';

function sweepTable(result: SweepResult, limit: number): Table {
  const paths = Object.keys(result.cells[0]?.values ?? {});
  const shown = result.cells.slice(0, limit);
  return {
    title: `Sweep of ${result.strategy} by ${result.kpi}, best first${result.cells.length > limit ? ` (best ${limit} of ${result.cells.length})` : ''}`,
    header: ['rank', ...paths, result.kpi],
    rows: shown.map((cell, rank) => [String(rank + 1), ...paths.map((p) => formatNumber(cell.values[p])), formatEstimate(cell.kpis[result.kpi], result.kpi)]),
  };
}

export function sweepText(result: SweepResult): string {
  return renderText(sweepTable(result, 25)) + '\n';
}

export function sweepMarkdown(result: SweepResult): string {
  return renderMarkdown(sweepTable(result, Infinity)) + '\n';
}

/** Every cell with every KPI's mean and interval: one row per cell and KPI. */
export function sweepCsv(result: SweepResult): string {
  const paths = Object.keys(result.cells[0]?.values ?? {});
  const rows = result.cells.flatMap((cell, rank) =>
    Object.entries(cell.kpis).map(([kpi, v]) => [rank + 1, ...paths.map((p) => cell.values[p]), kpi, v.mean, v.sd, v.ci95?.[0] ?? '', v.ci95?.[1] ?? '', v.n]),
  );
  return renderCsv(['rank', ...paths, 'kpi', 'mean', 'sd', 'ci95_low', 'ci95_high', 'n'], rows);
}

export function sweepJson(result: SweepResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** A sweep's output in one format: what `sawtooth sweep` prints, and `sawtooth merge` for the sweep's parts. */
export function sweepReport(result: SweepResult, format: Format): string {
  return { table: sweepText, json: sweepJson, csv: sweepCsv, md: sweepMarkdown }[format](result);
}
