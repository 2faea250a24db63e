import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExperimentResult } from '../../sim/index.js';
import { formatEstimate, formatNumber } from '../format.js';

/**
 * Theory beside the simulation: each derived EOQ/EPQ and reorder point with its formula, and what
 * the simulation found (the cost balance EOQ predicts, the service the reorder point aimed at).
 */
@customElement('theory-panel')
export class TheoryPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.88rem;
    }
    dl {
      margin: 0;
    }
    dt {
      font-weight: 600;
      margin-top: 0.6rem;
    }
    dd {
      margin: 0.15rem 0 0 0;
    }
    code {
      font-size: 0.85rem;
      background: #f1f5f9;
      padding: 0.05rem 0.3rem;
      border-radius: 3px;
    }
    p.none {
      color: #64748b;
    }
  `;

  @property({ attribute: false }) result: ExperimentResult | null = null;

  override render() {
    const entries = (this.result?.strategies ?? []).flatMap((s) => Object.entries(s.derived).map(([item, d]) => ({ s, item, d })));
    if (entries.length === 0) {
      return html`<p class="none">No derived values: set <code>quantity: eoq</code> or <code>reorderPoint: { serviceLevel: 0.95 }</code> on a policy to see the formulas beside the simulation.</p>`;
    }
    return html`<dl>
      ${entries.map(({ s, item, d }) => {
        const k = s.items[item];
        const cycleCost = k.orderingCost.mean + k.setupCost.mean;
        return html`<dt>${s.name} · ${item}</dt>
          ${d.formulas.quantity
            ? html`<dd><code>${d.formulas.quantity}</code></dd>
                <dd>Simulated: ordering/setup cost ${formatNumber(cycleCost)} vs holding cost ${formatNumber(k.holdingCost.mean)} — at the EOQ the two are equal in theory (safety stock adds holding).</dd>`
            : ''}
          ${d.formulas.reorderPoint
            ? html`<dd><code>${d.formulas.reorderPoint}</code></dd>
                <dd>Simulated fill rate ${formatEstimate(k.fillRate, 'fillRate')}, ${formatNumber(k.stockoutEvents.mean)} stockouts (queueing and variable lead times are ignored by the formula).</dd>`
            : ''}`;
      })}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'theory-panel': TheoryPanel;
  }
}
