import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { OVERALL_KPIS, kpiInfo, type SweepAxis } from '../../sim/index.js';
import type { SliderDef } from '../state/sliders.js';

export interface SweepRequest {
  axes: SweepAxis[];
  kpi: string;
  strategy: string;
}

interface AxisChoice {
  path: string;
  from: number;
  to: number;
  steps: number;
}

/** Pick one or two parameters and their ranges, a KPI and a strategy; fires `sweep-request`. */
@customElement('sweep-panel')
export class SweepPanel extends LitElement {
  static override styles = css`
    form {
      display: grid;
      gap: 0.5rem;
      font-size: 0.85rem;
    }
    .axis {
      display: grid;
      grid-template-columns: 2fr repeat(3, minmax(4rem, 1fr));
      gap: 0.4rem;
      align-items: end;
    }
    label,
    .cell {
      display: grid;
      gap: 0.15rem;
    }
    input,
    select,
    button {
      font: inherit;
      padding: 0.25rem 0.35rem;
    }
    button {
      justify-self: start;
      padding: 0.35rem 0.9rem;
      background: #0072b2;
      color: white;
      border: none;
      border-radius: 5px;
      cursor: pointer;
    }
    button[disabled] {
      opacity: 0.6;
    }
  `;

  @property({ attribute: false }) sliders: SliderDef[] = [];
  @property({ attribute: false }) strategies: string[] = [];
  @property({ type: Boolean }) running = false;
  /** How far a running sweep is, e.g. `12 of 64 cells`. */
  @property() progress = '';
  @state() private axes: AxisChoice[] = [];
  @state() private kpi = 'totalCost';
  @state() private strategy = '';

  /** The parameters that reach the chosen strategy: sweeping any other would give a flat result. */
  private get options(): SliderDef[] {
    return this.sliders.filter((s) => s.strategies.includes(this.strategy));
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('strategies') && !this.strategies.includes(this.strategy)) this.strategy = this.strategies[0] ?? '';
    const options = this.options;
    if (options.length > 0 && (this.axes.length === 0 || !this.axes.every((a) => options.some((s) => s.path === a.path)))) {
      const own = options.filter((s) => s.path.startsWith('strategies.'));
      this.axes = [
        this.defaultAxis(own.find((s) => s.path.endsWith('.quantity')) ?? options.find((s) => s.path.endsWith('.quantity')) ?? own[0] ?? options[0]),
      ];
    }
  }

  override render() {
    return html`<form @submit=${this._onSubmit}>
      ${this.axes.map(
        (axis, i) => html`<div class="axis">
        <label>Parameter ${i + 1}
          <select .value=${axis.path} @change=${(e: Event) => this.setAxis(i, this.defaultAxis(this.sliders.find((s) => s.path === (e.target as HTMLSelectElement).value)!))}>
            ${this.options.map((s) => html`<option value=${s.path} ?selected=${s.path === axis.path}>${s.label}${s.path.startsWith('strategies.') ? ` (${s.strategies[0]})` : ''}</option>`)}
          </select></label>
        <label>from <input type="number" .value=${String(axis.from)} @change=${(e: Event) => this.setAxis(i, { ...axis, from: Number((e.target as HTMLInputElement).value) })} /></label>
        <label>to <input type="number" .value=${String(axis.to)} @change=${(e: Event) => this.setAxis(i, { ...axis, to: Number((e.target as HTMLInputElement).value) })} /></label>
        <label>steps <input type="number" min="2" max="25" .value=${String(axis.steps)} @change=${(e: Event) => this.setAxis(i, { ...axis, steps: Number((e.target as HTMLInputElement).value) })} /></label>
      </div>`,
      )}
      <div class="axis">
        <label>Rank by
          <select .value=${this.kpi} @change=${(e: Event) => (this.kpi = (e.target as HTMLSelectElement).value)}>
            ${OVERALL_KPIS.map((k) => html`<option value=${k} ?selected=${k === this.kpi}>${kpiInfo('overall', k).label}</option>`)}
          </select></label>
        <label>Strategy
          <select .value=${this.strategy} @change=${(e: Event) => {
            this.strategy = (e.target as HTMLSelectElement).value;
            this.axes = [];
          }}>
            ${this.strategies.map((s) => html`<option ?selected=${s === this.strategy}>${s}</option>`)}
          </select></label>
        <div class="cell">&nbsp;<button type="button" @click=${this._toggleSecond}>${this.axes.length === 1 ? '+ second parameter' : '− second parameter'}</button></div>
      </div>
      <button type="submit" ?disabled=${this.running || this.axes.length === 0}>${this.running ? `Sweeping…${this.progress ? ` ${this.progress}` : ''}` : 'Run sweep'}</button>
    </form>`;
  }

  private defaultAxis(slider: SliderDef): AxisChoice {
    const whole = slider.step >= 1;
    const from = whole ? Math.max(1, Math.round(slider.value / 4)) : slider.value / 4;
    const to = whole ? Math.max(from + 2, Math.round(slider.value * 2)) : slider.value * 2;
    return { path: slider.path, from, to, steps: 8 };
  }

  private setAxis(i: number, axis: AxisChoice): void {
    this.axes = this.axes.map((a, k) => (k === i ? axis : a));
  }

  private _toggleSecond(): void {
    if (this.axes.length === 1) {
      const other = this.options.find((s) => s.path !== this.axes[0].path);
      if (other) this.axes = [...this.axes, this.defaultAxis(other)];
    } else this.axes = this.axes.slice(0, 1);
  }

  private _onSubmit(event: Event): void {
    event.preventDefault();
    const axes: SweepAxis[] = this.axes.map((a) => {
      const steps = Math.max(2, Math.min(25, Math.round(a.steps)));
      const whole = this.options.find((s) => s.path === a.path)!.step >= 1;
      const values = Array.from({ length: steps }, (_, k) => a.from + ((a.to - a.from) * k) / (steps - 1)).map((v) =>
        whole ? Math.round(v) : Number(v.toPrecision(4)),
      );
      return { path: a.path, values: [...new Set(values)] };
    });
    this.dispatchEvent(
      new CustomEvent<SweepRequest>('sweep-request', { detail: { axes, kpi: this.kpi, strategy: this.strategy }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sweep-panel': SweepPanel;
  }
}
