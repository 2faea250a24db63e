import { resultsCsv, type ExperimentResult } from '../../sim/index.js';
import type { ChartView } from '../components/chart-view.js';
import { download, fileStem } from './download.js';
import { reportHtml } from './report.js';

export type ExportKind = 'json' | 'csv' | 'report';

/** Saves the results as JSON or CSV, or a one-file HTML report with `figures` (SVGs drawn by the page: the plant) and every drawn chart as SVG. */
export async function exportResults(
  kind: ExportKind,
  result: ExperimentResult,
  yaml: string,
  description: string,
  charts: ChartView[],
  figures: { title: string; svg: string }[] = [],
): Promise<void> {
  const stem = fileStem(result.scenario);
  if (kind === 'json') return download(`${stem}.json`, JSON.stringify(result, null, 2), 'application/json');
  if (kind === 'csv') return download(`${stem}.csv`, resultsCsv(result), 'text/csv');
  // Charts off screen may still show an older run (chart-view draws them when seen): drawn now.
  await Promise.all(charts.map((v) => v.drawPending()));
  const svgs = await Promise.all(charts.filter((v) => v.view).map(async (v) => ({ title: v.name, svg: await v.view!.toSVG() })));
  download(`${stem}-report.html`, reportHtml({ description, yaml, result, charts: [...figures, ...svgs] }), 'text/html');
}
