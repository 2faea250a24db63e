import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatNumber } from '../../sim/index.js';
import type { TheoryRow } from '../state/theory.js';

/** Theory beside the simulation: each derived EOQ/EPQ and reorder point, and how far the simulation lands. */
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
    .note,
    p.none {
      color: #64748b;
    }
  `;

  @property({ attribute: false }) rows: TheoryRow[] = [];

  override render() {
    if (this.rows.length === 0) {
      return html`<p class="none">No derived values: set <code>quantity: eoq</code> or <code>reorderPoint: { serviceLevel: 0.95 }</code> on a policy to see the formulas beside the simulation.</p>`;
    }
    return html`<dl>
      ${this.rows.map((row) => {
        const share = row.simulated.label === 'fill rate';
        const show = (v: number) => (share ? `${(v * 100).toFixed(1)}%` : formatNumber(v));
        const gap = row.predicted && !share && row.predicted.value !== 0 ? ` (${row.simulated.value >= row.predicted.value ? '+' : ''}${((100 * (row.simulated.value - row.predicted.value)) / row.predicted.value).toFixed(1)}% against the formula)` : '';
        return html`<dt>${row.strategy} · ${row.item}</dt>
          <dd><code>${row.formula}</code></dd>
          ${row.predicted ? html`<dd>Formula: ${row.predicted.label} ${show(row.predicted.value)}.</dd>` : ''}
          <dd>Simulation: ${row.simulated.label} ${show(row.simulated.value)} ± ${show(row.simulated.halfWidth)}${gap}.</dd>
          <dd class="note">${row.note}</dd>`;
      })}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'theory-panel': TheoryPanel;
  }
}
