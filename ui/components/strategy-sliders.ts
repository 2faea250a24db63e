import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SliderDef } from '../state/sliders.js';

/** Sliders for the main numbers of each strategy; moving one fires `override` with its path and value. */
@customElement('strategy-sliders')
export class StrategySliders extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.9rem;
    }
    fieldset {
      border: 1px solid #e2e8f0;
      border-radius: 6px;
      padding: 0.5rem 0.75rem 0.75rem;
      margin: 0;
    }
    legend {
      font-weight: 600;
      font-size: 0.9rem;
      padding: 0 0.25rem;
    }
    .row {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: center;
      gap: 0 0.5rem;
      margin-top: 0.4rem;
      font-size: 0.85rem;
    }
    .row input {
      grid-column: 1 / -1;
      width: 100%;
      accent-color: #0072b2;
    }
    output {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
  `;

  @property({ attribute: false }) sliders: SliderDef[] = [];
  @property({ type: Number }) replications = 10;

  override render() {
    const groups = new Map<string, SliderDef[]>();
    for (const slider of this.sliders) {
      const key = slider.strategies.length === 1 && slider.path.startsWith('strategies.') ? slider.strategies[0] : 'All strategies';
      groups.set(key, [...(groups.get(key) ?? []), slider]);
    }
    return html`
      <fieldset>
        <legend>Run</legend>
        ${this.row('replications', 'replications', this.replications, 2, 100, 1, (v) => this._emit('replications', v))}
      </fieldset>
      ${[...groups].map(
        ([group, sliders]) => html`<fieldset>
          <legend>${group}</legend>
          ${sliders.map((s) => this.row(s.path, s.label, s.value, s.min, Math.max(s.max, s.value), s.step, (v) => this._emit(s.path, v)))}
        </fieldset>`,
      )}
    `;
  }

  private row(id: string, label: string, value: number, min: number, max: number, step: number, onInput: (value: number) => void) {
    const inputId = `s-${id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
    return html`<div class="row">
      <label for=${inputId}>${label}</label>
      <output for=${inputId}>${Number(value.toPrecision(4))}</output>
      <input id=${inputId} type="range" data-path=${id} min=${min} max=${max} step=${step} .value=${String(value)}
        @input=${(e: Event) => onInput(Number((e.target as HTMLInputElement).value))} />
    </div>`;
  }

  private _emit(path: string, value: number): void {
    this.dispatchEvent(new CustomEvent('override', { detail: { path, value }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'strategy-sliders': StrategySliders;
  }
}
