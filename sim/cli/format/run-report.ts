import { resultsCsv, sameInEveryReplication, type ExperimentResult, type KpiSummary, type Warning } from '../../experiment/index.js';
import { kpiInfo, kpiOf, unitText } from '../../model/index.js';
import { DOUBTED_NOTE, datedSpan, formatEstimate, formatNumber, formatterOf, isSignificant, kpiRows, kpiSummaryOf } from '../../report/index.js';
import { escapeControls } from '../messages.js';
import { markdownText, renderMarkdown, renderText, type Table } from './table.js';

/** Marks an average that a warning puts in doubt (a growing backlog is no steady-state value). */
const DOUBT = ' †';

/** The KPI table: one column per strategy, mean ± 95% half-width per cell; rows named by their keys (as --kpi takes them). */
export function kpiTable(result: ExperimentResult, currency: string): Table {
  const strategies = result.strategies;
  const unit = result.time.unit;
  const body = kpiRows(result, 'all').map((row) => {
    const units = row.scope === 'overall' ? unitText(kpiInfo('overall', row.kpi).unit, result.time, currency) : '';
    const label = row.entity === '' ? (units === '' ? row.kpi : `${row.kpi} (${units})`) : `${row.entity} ${row.kpi}`;
    return [label, ...row.cells.map((cell) => cellText(result, cell.summary, row.kpi) + (cell.doubted ? DOUBT : ''))];
  });
  const replications = result.replications === 1 ? '1 replication (no intervals)' : `${result.replications} replications`;
  const marked = body.some((row) => row.some((c) => c.endsWith(DOUBT)));
  const span = datedSpan(result.time);
  return {
    title: `${result.scenario} — ${replications}, horizon ${result.time.horizon} ${unit} (warm-up ${result.time.warmup})${span === null ? '' : `, ${span}`}, seed ${result.seed}`,
    header: [result.replications === 1 ? 'KPI (one replication)' : 'KPI (mean ± 95% half-width)', ...strategies.map((s) => s.name)],
    rows: body,
    ...(marked ? { note: `† ${DOUBTED_NOTE}` } : {}),
  };
}

/**
 * Paired differences a − b of the overall KPIs and of each customer item's service, with the size
 * relative to b (shares in percentage points). An item's difference that is 0 in every replication
 * (no stockouts under either strategy) is left out: rows of nothing would bury the rest.
 */
export function comparisonTable(result: ExperimentResult): Table {
  const shown = result.comparisons.filter((c) => !c.kpi.includes('.') || !(c.meanDiff === 0 && c.ci95 !== null && c.ci95[0] === 0 && c.ci95[1] === 0));
  return {
    title: 'Paired differences (a − b over the same random numbers; 95% CI)',
    header: ['KPI', 'a − b', 'difference', '95% CI', 'relative to b'],
    rows: shown.map((c) => {
      const base = kpiSummaryOf(result, c.b, c.kpi)?.mean ?? 0;
      const unit = kpiOf(c.kpi)?.unit;
      const share = unit === 'share';
      const sign = c.meanDiff < 0 ? '' : '+';
      // A wait relative to a wait near 0 (+15,000%) says nothing: waits are compared in time units only.
      const relative = share
        ? `${sign}${(100 * c.meanDiff).toFixed(1)} points`
        : base !== 0 && unit !== 'time'
          ? `${sign}${((100 * c.meanDiff) / Math.abs(base)).toFixed(1)}%`
          : '–';
      const difference = share ? `${sign}${(100 * c.meanDiff).toFixed(2)} pt` : formatNumber(c.meanDiff);
      if (c.ci95 === null) return [c.kpi, `${c.a} − ${c.b}`, difference, 'no interval', `${relative} (no claim)`];
      if (c.ci95[0] === 0 && c.ci95[1] === 0) return [c.kpi, `${c.a} − ${c.b}`, '0', '–', 'equal in every replication'];
      // A difference that is the same in every replication has no interval to show: "x … x" would read as precision.
      if (sameInEveryReplication(c.ci95, c.meanDiff)) return [c.kpi, `${c.a} − ${c.b}`, difference, 'same in every replication', relative];
      const significant = isSignificant(c) ? '' : ' (not significant)';
      const bound = (x: number): string => (share ? `${(100 * x).toFixed(2)} pt` : formatNumber(x));
      return [c.kpi, `${c.a} − ${c.b}`, difference, `${bound(c.ci95[0])} … ${bound(c.ci95[1])}`, relative + significant];
    }),
  };
}

/** The verdict on each pair: one sentence each (sim/experiment/summary.ts words them). */
export function summaryLines(result: ExperimentResult): string[] {
  return result.summary.map((pair) => pair.sentence);
}

/** Derived values (EOQ, EPQ, reorder points) with the formula that produced them. */
export function derivedTable(result: ExperimentResult): Table | null {
  const body: string[][] = [];
  for (const s of result.strategies) {
    for (const [item, values] of Object.entries(s.derived)) {
      if (values.quantity !== undefined && values.formulas.quantity) body.push([s.name, item, 'quantity', String(values.quantity), values.formulas.quantity]);
      if (values.reorderPoint !== undefined && values.formulas.reorderPoint)
        body.push([s.name, item, 'reorderPoint', String(values.reorderPoint), values.formulas.reorderPoint]);
      if (values.zones !== undefined && values.formulas.zones) body.push([s.name, item, 'zones', formatNumber(values.zones.topOfGreen), values.formulas.zones]);
    }
  }
  if (body.length === 0) return null;
  return { title: 'Derived values', header: ['strategy', 'item', 'value', 'used', 'formula'], rows: body };
}

/** The KPI cell: with one replication the title already says there are no intervals. */
function cellText(result: ExperimentResult, summary: KpiSummary, kpi: string): string {
  return result.replications === 1 ? formatterOf(kpi)(summary.mean) : formatEstimate(summary, kpi);
}

function tables(result: ExperimentResult, currency: string): Table[] {
  const list = [kpiTable(result, currency)];
  const derived = derivedTable(result);
  if (derived) list.push(derived);
  if (result.comparisons.length > 0) list.push(comparisonTable(result));
  return list;
}

/**
 * The run report for a terminal: the verdict first, then the tables. With `warnings` (a report
 * written to a file with --out) the warnings close it, since stderr does not reach the file.
 */
export function runText(result: ExperimentResult, currency: string, options: { warnings?: boolean } = {}): string {
  const verdict =
    result.summary.length === 0
      ? []
      : [['Verdict (95% CIs over the same random numbers)', ...summaryLines(result).map((line) => `  ${escapeControls(line)}`)].join('\n')];
  const body = tables(result, currency).map((t) => {
    // The derived table reads better with the formula left-aligned: render it by hand.
    if (t.title === 'Derived values') return [t.title, ...t.rows.map((r) => escapeControls(`  ${r[0]} · ${r[1]} ${r[2]} = ${r[3]}    ${r[4]}`))].join('\n');
    return renderText(t);
  });
  const warnings =
    options.warnings === true && result.warnings.length > 0
      ? [['Warnings', ...warningLines(result.warnings, result.strategies.length).map((line) => `  ${line}`)].join('\n')]
      : [];
  return [...verdict, ...body, ...warnings].join('\n\n') + '\n';
}

/** One line per warning, as the terminal shows them: `warning: [strategy] message (code, path)` (or `note:`); no strategy when there is one. */
export function warningLines(warnings: Warning[], strategies: number): string[] {
  const tag = (w: Warning): string => (w.strategies === undefined || strategies < 2 ? '' : `[${w.strategies.join(', ')}] `);
  return warnings.map((w) => escapeControls(`${w.level ?? 'warning'}: ${tag(w)}${w.message} (${w.code}, ${w.path})`));
}

/** The run report as Markdown, its warnings first. */
export function runMarkdown(result: ExperimentResult, currency: string): string {
  const item = (w: Warning): string => markdownText(`- ${w.strategies === undefined ? '' : `**${w.strategies.join(', ')}**: `}${w.message}`);
  const warnings = result.warnings.length === 0 ? '' : `### Warnings\n\n${result.warnings.map(item).join('\n')}\n\n`;
  const verdict = result.summary.length === 0 ? '' : `### Verdict\n\n${result.summary.map((pair) => markdownText(`- ${pair.sentence}`)).join('\n')}\n\n`;
  return `## ${markdownText(result.scenario)}\n\n` + verdict + warnings + tables(result, currency).map(renderMarkdown).join('\n\n') + '\n';
}

/** Every KPI summary as a long CSV: one row per strategy, scope and KPI. */
export function runCsv(result: ExperimentResult): string {
  return resultsCsv(result);
}

/** The design's JSON object, pretty-printed. */
export function runJson(result: ExperimentResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
