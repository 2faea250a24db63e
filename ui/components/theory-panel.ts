import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SHARE_KPIS, THEORY_TRIGGERS, formatPercent, formatterOf } from '../../sim/index.js';
import type { TheoryRow } from '../../sim/index.js';

/** Theory beside the simulation: each derived EOQ/EPQ, reorder point and DDMRP buffer, and how far the simulation lands. */
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
      return html`<p class="none">
        No derived values: set <code>${THEORY_TRIGGERS.quantity}</code> or <code>${THEORY_TRIGGERS.reorderPoint}</code> on a policy, or use a
        <code>${THEORY_TRIGGERS.buffer}</code> buffer, to see the formulas beside the simulation.
      </p>`;
    }
    return html`<dl>
      ${this.rows.map((row) => {
        const { simulated, predicted } = row;
        const show = formatterOf(simulated.kpi);
        // A gap between two shares in percent of a share would read as percentage points: left out.
        const gap =
          predicted && !SHARE_KPIS.has(simulated.kpi) && predicted.value !== 0 && simulated.measured
            ? ` (${simulated.value >= predicted.value ? '+' : ''}${formatPercent((simulated.value - predicted.value) / predicted.value)} against the formula)`
            : '';
        // No interval is said in words: "± 0" would claim a certainty one replication cannot give.
        const spread = simulated.halfWidth === null ? ' (1 replication, no interval)' : ` ± ${show(simulated.halfWidth)}`;
        return html`<dt>${row.strategy} · ${row.item}</dt>
          <dd><code>${row.formula}</code></dd>
          ${row.levels ? html`<dd>Levels: ${row.levels.map((l) => `${l.label} ${show(l.value)}`).join(' · ')}.</dd>` : ''}
          ${predicted ? html`<dd>Formula: ${predicted.label} ${show(predicted.value)}.</dd>` : ''}
          <dd>Simulation: ${simulated.label} ${simulated.measured ? `${show(simulated.value)}${spread}${gap}` : 'no data (nothing was demanded)'}.</dd>
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
