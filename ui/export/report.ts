import type { ExperimentResult } from '../../sim/index.js';
import { describeComparison, formatEstimate } from '../../sim/index.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

export interface ReportInput {
  description: string;
  yaml: string;
  result: ExperimentResult;
  /** Chart SVGs made by Vega from our own specs. */
  charts: { title: string; svg: string }[];
}

/**
 * A one-file HTML report a consultant can send: the charts, the KPI table, the paired differences
 * and the scenario. Every user-supplied text is escaped; nothing in it runs script.
 */
export function reportHtml({ description, yaml, result, charts }: ReportInput): string {
  const strategies = result.strategies;
  const kpiRows = (['totalCost', 'throughput', 'wip', 'avgCustomerWait'] as const)
    .map((kpi) => `<tr><th>${kpi}</th>${strategies.map((s) => `<td>${escapeHtml(formatEstimate(s.kpis[kpi], kpi))}</td>`).join('')}</tr>`)
    .join('\n');
  const itemRows = Object.keys(strategies[0]?.items ?? {})
    .flatMap((item) =>
      (['fillRate', 'avgOnHand', 'avgBackorders', 'holdingCost'] as const).map(
        (kpi) => `<tr><th>${escapeHtml(item)} ${kpi}</th>${strategies.map((s) => `<td>${escapeHtml(formatEstimate(s.items[item][kpi], kpi))}</td>`).join('')}</tr>`,
      ),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(result.scenario)} — Sawtooth report</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}
table{border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{padding:.3rem .6rem;border-bottom:1px solid #e5e7eb;text-align:right}
th:first-child{text-align:left}figure{margin:1.5rem 0}figcaption{font-weight:600}pre{background:#f8fafc;padding:1rem;overflow:auto;font-size:.8rem}
</style></head><body>
<h1>${escapeHtml(result.scenario)}</h1>
<p>${escapeHtml(description)}</p>
<p>${result.replications} replications per strategy with common random numbers, horizon ${result.time.horizon} ${escapeHtml(result.time.unit)} (warm-up ${result.time.warmup}), seed ${escapeHtml(String(result.seed))}. Cells show the mean ± the half-width of the 95% confidence interval.</p>
<h2>Key figures</h2>
<table><thead><tr><th>KPI</th>${strategies.map((s) => `<th>${escapeHtml(s.name)}</th>`).join('')}</tr></thead>
<tbody>
${kpiRows}
${itemRows}
</tbody></table>
<h2>Paired differences</h2>
<ul>${result.comparisons.filter((c) => c.kpi !== 'throughput').map((c) => `<li>${escapeHtml(describeComparison(c, result))}</li>`).join('')}</ul>
<h2>Charts</h2>
${charts.map((c) => `<figure><figcaption>${escapeHtml(c.title)}</figcaption>${c.svg}</figure>`).join('\n')}
<h2>Scenario</h2>
<pre>${escapeHtml(yaml)}</pre>
<p><small>Made with Sawtooth.</small></p>
</body></html>
`;
}
