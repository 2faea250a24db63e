import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Comparison, ExperimentResult } from '../../sim/index.js';
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
      ${result.comparisons.filter((c) => this.kpis.includes(c.kpi) && !identical(c)).map((c) => html`<li>${describeComparison(c, result)}</li>`)}
    </ul>`;
  }
}

/** A difference that is exactly 0 in every replication (no customer ever waits, say) says nothing. */
function identical(c: Comparison): boolean {
  return c.meanDiff === 0 && c.ci95[0] === 0 && c.ci95[1] === 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'comparison-list': ComparisonList;
  }
}
