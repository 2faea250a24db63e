import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ExperimentResult } from '../../sim/index.js';
import type { ChartEntry } from '../charts/dashboard.js';
import { fileStem } from '../export/download.js';
import './chart-view.js';
import './comparison-list.js';
import './warning-list.js';

/** One chart at a time, large, with the strategy comparison: for presenting. ← → go round, Esc closes. */
@customElement('presentation-view')
export class PresentationView extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      background: white;
      /* above vega-embed's action menus (z-index 1000–1001) */
      z-index: 2000;
      display: grid;
      grid-template-rows: auto 1fr auto;
      grid-template-columns: minmax(0, 1fr);
      padding: 1rem 2rem;
      gap: 1rem;
      overflow: auto;
      font-family: inherit;
    }
    .present-head {
      display: grid;
      gap: 0.4rem;
    }
    .present-bar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      font-size: 1.1rem;
    }
    button {
      font: inherit;
      font-size: 1rem;
      padding: 0.3rem 0.8rem;
      margin-left: 0.3rem;
    }
    button:focus-visible {
      outline: 3px solid #e69f00;
    }
    .present-chart {
      min-width: 0;
      overflow: hidden;
    }
    comparison-list {
      font-size: 1.15rem;
    }
  `;

  @property({ attribute: false }) charts: ChartEntry[] = [];
  @property({ attribute: false }) result: ExperimentResult | null = null;
  @property({ type: Number }) index = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKey);
    this.setAttribute('role', 'dialog');
    this.setAttribute('aria-modal', 'true');
    this.setAttribute('aria-label', 'Presentation');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKey);
  }

  override render() {
    const count = this.charts.length;
    const chart = this.charts[Math.min(this.index, count - 1)];
    if (!chart || !this.result) return html``;
    // The warnings share the first grid row with the bar, folded to one line, so the chart keeps the
    // row that grows; notes on precision are left to the page.
    const warnings = this.result.warnings.filter((w) => w.level !== 'note');
    return html`
      <div class="present-head">
        <div class="present-bar">
          <span><strong>${this.result.scenario}</strong> · ${chart.title} (${this.index + 1}/${count})</span>
          <span>
            <button @click=${() => this.go(-1)} aria-label="Previous chart">←</button>
            <button @click=${() => this.go(1)} aria-label="Next chart">→</button>
            <button @click=${this._close}>Close (Esc)</button>
          </span>
        </div>
        ${warnings.length > 0 ? html`<warning-list folded .warnings=${warnings}></warning-list>` : nothing}
      </div>
      <chart-view class="present-chart" name=${`${fileStem(this.result.scenario)}-${chart.id}`} .spec=${chart.spec}></chart-view>
      <comparison-list .result=${this.result}></comparison-list>
    `;
  }

  private go(step: number): void {
    const count = this.charts.length;
    this.index = (this.index + step + count) % count;
  }

  private readonly _onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this._close();
    else if (event.key === 'ArrowRight') this.go(1);
    else if (event.key === 'ArrowLeft') this.go(-1);
  };

  private _close(): void {
    this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'presentation-view': PresentationView;
  }
}
