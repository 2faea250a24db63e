import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describeComparison, type Comparison, type ExperimentResult } from '../../sim/index.js';

/** The verdict on each pair of strategies (sim's sentences), then paired differences of other overall KPIs, in plain language. */
@customElement('comparison-list')
export class ComparisonList extends LitElement {
  static override styles = css`
    p {
      margin: 0;
      font-size: 0.9rem;
      color: #64748b;
    }
    ul {
      margin: 0;
      padding-left: 1.1rem;
      font-size: 0.9rem;
      line-height: 1.5;
    }
    ul.verdict {
      margin-bottom: 0.5rem;
      font-size: 0.95rem;
      color: #0f172a;
    }
    ul.verdict li {
      margin-bottom: 0.25rem;
    }
  `;

  @property({ attribute: false }) result: ExperimentResult | null = null;
  /** Overall KPIs listed under the verdict (which already speaks of cost and of each item's service). */
  @property({ type: Array }) kpis: string[] = ['avgCustomerWait', 'wip'];

  override render() {
    const result = this.result;
    if (!result) return html``;
    // Never an empty card: say why there is nothing to compare.
    if (result.strategies.length < 2) return html`<p>One strategy only: add another under <code>strategies</code> to compare.</p>`;
    const shown = result.comparisons.filter((c) => this.kpis.includes(c.kpi) && !identical(c));
    return html`<ul class="verdict" aria-label="Verdict">
        ${result.summary.map((pair) => html`<li>${pair.sentence}</li>`)}
      </ul>
      ${
        shown.length === 0
          ? nothing
          : html`<ul>
            ${shown.map((c) => html`<li>${describeComparison(c, result)}</li>`)}
          </ul>`
      }`;
  }
}

/**
 * A difference that is exactly 0 in every replication (no customer ever waits, say) says nothing;
 * nor does a 0 from a single replication, which has no interval to speak of.
 */
function identical(c: Comparison): boolean {
  return c.meanDiff === 0 && (c.ci95 === null || (c.ci95[0] === 0 && c.ci95[1] === 0));
}

declare global {
  interface HTMLElementTagNameMap {
    'comparison-list': ComparisonList;
  }
}
