import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DOUBTED_NOTE, formatEstimate, kpiRows, type ExperimentResult, type KpiSummary } from '../../sim/index.js';

/**
 * The KPI table: mean ± 95% half-width for every strategy side by side. A value a warning puts in
 * doubt (the average of a backlog that keeps growing, say) is marked † with the reason.
 */
@customElement('kpi-table')
export class KpiTable extends LitElement {
  static override styles = css`
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.85rem;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.3rem 0.5rem;
      border-bottom: 1px solid #e5e7eb;
      text-align: right;
      white-space: nowrap;
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    tbody th {
      font-weight: 500;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .warned {
      color: #b45309;
      font-weight: 700;
      margin-left: 0.15rem;
      cursor: help;
    }
    .footnote {
      margin: 0.4rem 0 0;
      font-size: 0.8rem;
      color: #92400e;
    }
    .swatch {
      display: inline-block;
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 2px;
      margin-right: 0.3rem;
      vertical-align: -1px;
    }
  `;

  @property({ attribute: false }) result: ExperimentResult | null = null;
  @property({ attribute: false }) colours: string[] = [];

  override render() {
    const result = this.result;
    if (!result) return html``;
    const rows = kpiRows(result, 'headline');
    const cell = (summary: KpiSummary, kpi: string, marked: boolean) =>
      marked
        ? html`<td title=${DOUBTED_NOTE}>${formatEstimate(summary, kpi)}<span class="warned" aria-hidden="true">†</span><span class="visually-hidden"> (${DOUBTED_NOTE})</span></td>`
        : html`<td>${formatEstimate(summary, kpi)}</td>`;
    const runs = `${result.replications} replication${result.replications === 1 ? '' : 's'}`;
    return html`<table>
        <caption class="visually-hidden">KPIs per strategy, mean ± 95% half-width over ${runs}</caption>
        <thead>
          <tr>
            <th scope="col">KPI (mean ± 95% half-width)</th>
            ${result.strategies.map((s, i) => html`<th scope="col"><span class="swatch" style="background:${this.colours[i]}"></span>${s.name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.cells.map((c) => cell(c.summary, r.kpi, c.doubted))}</tr>`)}
        </tbody>
      </table>
      ${rows.some((r) => r.cells.some((c) => c.doubted)) ? html`<p class="footnote"><span aria-hidden="true">†</span> ${DOUBTED_NOTE}.</p>` : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-table': KpiTable;
  }
}
