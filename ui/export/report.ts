import { DOUBTED_NOTE, datedSpan, describeComparison, formatEstimate, kpiRows, type ExperimentResult, type Warning } from '../../sim/index.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

export interface ReportInput {
  description: string;
  yaml: string;
  result: ExperimentResult;
  /** Chart SVGs made by Vega from our own specs, and the plant diagram drawn by the page (names escaped by its serializer). */
  charts: { title: string; svg: string }[];
}

/** The warnings as the page's banner shows them: message, strategy, where in the scenario. */
function warningsHtml(warnings: Warning[]): string {
  if (warnings.length === 0) return '';
  const items = warnings.map(
    (w) => `<li><strong>${escapeHtml(w.strategies?.join(', ') ?? 'All strategies')}:</strong> ${escapeHtml(w.message)} <code>${escapeHtml(w.path)}</code></li>`,
  );
  return `<section class="warnings" aria-labelledby="warnings"><h2 id="warnings"><span role="img" aria-label="Warning">⚠</span> Read before trusting these numbers</h2>
<ul aria-label="Warnings">${items.join('')}</ul></section>`;
}

/**
 * A one-file HTML report a consultant can send: the warnings, the charts, the KPI table, the paired
 * differences and the scenario. Every user-supplied text is escaped; nothing in it runs script.
 */
export function reportHtml({ description, yaml, result, charts }: ReportInput): string {
  const strategies = result.strategies;
  const rows = kpiRows(result, 'headline');
  const tableRows = rows
    .map((row) => {
      const cells = row.cells.map(({ summary, doubted }) => {
        const text = escapeHtml(formatEstimate(summary, row.kpi));
        return doubted ? `<td title="${DOUBTED_NOTE}">${text}†</td>` : `<td>${text}</td>`;
      });
      return `<tr><th>${escapeHtml(row.label)}</th>${cells.join('')}</tr>`;
    })
    .join('\n');
  const anyWarned = rows.some((r) => r.cells.some((c) => c.doubted));
  const span = datedSpan(result.time);
  const runs = result.replications === 1 ? '1 replication per strategy' : `${result.replications} replications per strategy with common random numbers`;
  const cells =
    result.replications === 1
      ? 'Cells show the mean of the one replication: no confidence interval can be computed.'
      : 'Cells show the mean ± the half-width of the 95% confidence interval.';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(result.scenario)} — Sawtooth report</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{padding:.3rem .6rem;border-bottom:1px solid #e5e7eb;text-align:right}
th:first-child{text-align:left}.warnings{background:#fffbeb;border:1px solid #f59e0b;border-left-width:6px;border-radius:8px;padding:.2rem 1rem .6rem;color:#451a03}
.warnings h2{color:#92400e;font-size:1.1rem}code{font-size:.85em}.footnote{font-size:.85rem;color:#92400e}figure{margin:1.5rem 0}figcaption{font-weight:600}pre{background:#f8fafc;padding:1rem;overflow:auto;font-size:.8rem}
</style></head><body>
<h1>${escapeHtml(result.scenario)}</h1>
<p>${escapeHtml(description)}</p>
<p>${runs}, horizon ${result.time.horizon} ${escapeHtml(result.time.unit)} (warm-up ${result.time.warmup})${span === null ? '' : `, ${escapeHtml(span)}`}, seed ${escapeHtml(String(result.seed))}. ${cells}</p>
${warningsHtml(result.warnings)}
${result.summary.length === 0 ? '' : `<h2>Verdict</h2>\n<ul>${result.summary.map((pair) => `<li>${escapeHtml(pair.sentence)}</li>`).join('')}</ul>`}
<h2>Key figures</h2>
<table><thead><tr><th>KPI</th>${strategies.map((s) => `<th>${escapeHtml(s.name)}</th>`).join('')}</tr></thead>
<tbody>
${tableRows}
</tbody></table>
${anyWarned ? `<p class="footnote">† ${DOUBTED_NOTE}.</p>` : ''}
<h2>Paired differences</h2>
<ul>${result.comparisons
    .filter((c) => c.kpi !== 'throughput')
    .map((c) => `<li>${escapeHtml(describeComparison(c, result))}</li>`)
    .join('')}</ul>
<h2>Charts</h2>
${charts.map((c) => `<figure><figcaption>${escapeHtml(c.title)}</figcaption>${c.svg}</figure>`).join('\n')}
<h2>Scenario</h2>
<pre>${escapeHtml(yaml)}</pre>
<p><small>Made with Sawtooth.</small></p>
</body></html>
`;
}
