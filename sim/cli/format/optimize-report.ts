import { renderCsv, type OptimizeResult } from '../../experiment/index.js';
import { cellStatusText, formatEstimate, formatNumber, optimizeSentences } from '../../report/index.js';
import { escapeControls } from '../messages.js';
import { markdownText, renderMarkdown, renderText, type Table } from './table.js';

function cellTable(result: OptimizeResult, limit: number): Table {
  const paths = Object.keys(result.cells[0]?.values ?? {});
  const kpis = [result.objective, ...result.constraints.map((c) => c.slice(0, c.search(/[<>]=/)))].filter((k, i, all) => all.indexOf(k) === i);
  const shown = result.cells.slice(0, limit);
  return {
    title: `Cells of ${result.strategy}, best first${result.cells.length > limit ? ` (first ${limit} of ${result.cells.length})` : ''}`,
    header: ['rank', ...paths, ...kpis, 'replications', 'status'],
    rows: shown.map((cell, rank) => [
      String(rank + 1),
      ...paths.map((p) => formatNumber(cell.values[p])),
      ...kpis.map((k) => formatEstimate(cell.kpis[k], k)),
      String(cell.replications),
      cellStatusText(cell),
    ]),
  };
}

function heading(result: OptimizeResult): string {
  const goal = result.goal === 'minimize' ? 'lowest' : 'highest';
  const subject = result.constraints.length > 0 ? `, subject to ${result.constraints.join(', ')}` : '';
  return `Optimize ${result.strategy}: ${goal} ${result.objective}${subject}, over ${result.search?.cells ?? result.cells.length} cells`;
}

/** The outcome for a terminal: the best cell, its guarantee, the replications spent, then the cells. */
export function optimizeText(result: OptimizeResult): string {
  const s = optimizeSentences(result);
  const lines = [heading(result), ...(s.search === null ? [] : [s.search]), s.best, s.guarantee, s.replications];
  return [...lines.map((line, i) => `${i === 0 ? '' : '  '}${escapeControls(line)}`), '', renderText(cellTable(result, 25))].join('\n') + '\n';
}

export function optimizeMarkdown(result: OptimizeResult): string {
  const s = optimizeSentences(result);
  const paragraphs = [...(s.search === null ? [] : [s.search]), s.best, s.guarantee, s.replications].map(markdownText).join('\n\n');
  return `## ${markdownText(heading(result))}\n\n${paragraphs}\n\n${renderMarkdown(cellTable(result, Infinity))}\n`;
}

/** Every cell with every KPI's mean and interval, its replications and status: one row per cell and KPI. */
export function optimizeCsv(result: OptimizeResult): string {
  const paths = Object.keys(result.cells[0]?.values ?? {});
  const rows = result.cells.flatMap((cell, rank) =>
    Object.entries(cell.kpis).map(([kpi, v]) => [
      rank + 1,
      ...paths.map((p) => cell.values[p]),
      cell.status,
      cell.replications,
      kpi,
      v.mean,
      v.sd,
      v.ci95?.[0] ?? '',
      v.ci95?.[1] ?? '',
      v.n,
    ]),
  );
  return renderCsv(['rank', ...paths, 'status', 'replications', 'kpi', 'mean', 'sd', 'ci95_low', 'ci95_high', 'n'], rows);
}

export function optimizeJson(result: OptimizeResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
