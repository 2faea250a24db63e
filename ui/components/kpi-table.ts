import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExperimentResult, KpiSummary } from '../../sim/index.js';
import { formatEstimate } from '../../sim/index.js';

const OVERALL: [string, string][] = [
  ['totalCost', 'Total cost'],
  ['throughput', 'Throughput'],
  ['wip', 'WIP'],
  ['avgCustomerWait', 'Customer wait'],
];
const ITEM: [string, string][] = [
  ['fillRate', 'fill rate'],
  ['avgOnHand', 'avg on hand'],
  ['avgBackorders', 'avg backorders'],
  ['stockoutEvents', 'stockouts'],
  ['replenishmentOrders', 'orders'],
];

/** The KPI table: mean ± 95% half-width for every strategy side by side. */
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
    const items = Object.keys(result.strategies[0]?.items ?? {});
    const row = (label: string, pick: (s: ExperimentResult['strategies'][number]) => KpiSummary, kpi: string) =>
      html`<tr><th scope="row">${label}</th>${result.strategies.map((s) => html`<td>${formatEstimate(pick(s), kpi)}</td>`)}</tr>`;
    return html`<table>
      <caption class="visually-hidden">KPIs per strategy, mean ± 95% half-width over ${result.replications} replications</caption>
      <thead>
        <tr>
          <th scope="col">KPI (mean ± 95% half-width)</th>
          ${result.strategies.map((s, i) => html`<th scope="col"><span class="swatch" style="background:${this.colours[i]}"></span>${s.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${OVERALL.map(([kpi, label]) => row(label, (s) => s.kpis[kpi as keyof typeof s.kpis], kpi))}
        ${items.flatMap((item) => ITEM.map(([kpi, label]) => row(`${item} ${label}`, (s) => s.items[item][kpi as keyof (typeof s.items)[string]], kpi)))}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kpi-table': KpiTable;
  }
}
