import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExperimentResult } from '../../sim/index.js';
import { describeComparison } from '../format.js';

/** The paired differences between strategies, in plain language. */
@customElement('comparison-list')
export class ComparisonList extends LitElement {
  static override styles = css`
    ul {
      margin: 0;
      padding-left: 1.1rem;
      font-size: 0.9rem;
      line-height: 1.5;
    }
  `;

  @property({ attribute: false }) result: ExperimentResult | null = null;
  @property({ type: Array }) kpis: string[] = ['totalCost', 'avgCustomerWait', 'wip'];

  override render() {
    const result = this.result;
    if (!result || result.comparisons.length === 0) return html``;
    return html`<ul>
      ${result.comparisons.filter((c) => this.kpis.includes(c.kpi)).map((c) => html`<li>${describeComparison(c, result)}</li>`)}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comparison-list': ComparisonList;
  }
}
