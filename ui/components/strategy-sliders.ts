import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { isLocked, type SliderDef } from '../state/sliders.js';

/**
 * Sliders for the main numbers of each strategy; moving one fires `override` with its path and
 * value. In challenge mode (`levers` set) only the challenge's levers move, each with a box to type
 * its value; every other slider stays in view, disabled, saying it is locked by the challenge.
 */
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
    .row.locked {
      color: #64748b;
    }
    .row.locked input {
      accent-color: #94a3b8;
    }
    .lock {
      grid-column: 1 / -1;
      font-size: 0.75rem;
      color: #64748b;
    }
    .group-lock {
      margin: 0.1rem 0 0;
    }
    fieldset.locked legend {
      color: #64748b;
    }
    /* A lever's value is in its box; the output stays for assistive technology. */
    .row.lever output {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .row.lever input[type='range'] {
      grid-column: 1;
    }
    .row.lever input[type='number'] {
      grid-column: 2;
      width: 5.5rem;
      font: inherit;
      padding: 0.1rem 0.3rem;
    }
    .row.lever label {
      font-weight: 600;
      color: #0f172a;
    }
  `;

  @property({ attribute: false }) sliders: SliderDef[] = [];
  @property({ type: Number }) replications = 10;
  /** The challenge's levers (challenge mode): every other slider is locked. Null outside a challenge. */
  @property({ attribute: false }) levers: readonly string[] | null = null;

  override render() {
    const groups = new Map<string, SliderDef[]>();
    for (const slider of this.sliders) {
      const key = slider.strategies.length === 1 && slider.path.startsWith('strategies.') ? slider.strategies[0] : 'All strategies';
      groups.set(key, [...(groups.get(key) ?? []), slider]);
    }
    // In challenge mode the levers come first: they are what the student moves.
    const ordered = [...groups].sort(([, a], [, b]) => Number(this.allLocked(a.map((s) => s.path))) - Number(this.allLocked(b.map((s) => s.path))));
    return html`
      ${this.levers === null ? this.runGroup() : nothing}
      ${ordered.map(([group, sliders]) => {
        const whole = this.allLocked(sliders.map((s) => s.path));
        const noteId = `lock-${group.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
        return html`<fieldset class=${whole ? 'locked' : ''}>
          <legend>${group}</legend>
          ${whole ? html`<p class="lock group-lock" id=${noteId}>Locked by the challenge: shown for reference.</p>` : nothing}
          ${sliders.map((s) =>
            this.row(
              s.path,
              s.label,
              s.value,
              Math.min(s.min, s.value),
              Math.max(s.max, s.value),
              s.step,
              (v) => this._emit(s.path, v),
              isLocked(s.path, this.levers),
              whole ? noteId : null,
            ),
          )}
        </fieldset>`;
      })}
      ${this.levers !== null ? this.runGroup() : nothing}
    `;
  }

  private runGroup() {
    const locked = isLocked('replications', this.levers);
    return html`<fieldset class=${locked ? 'locked' : ''}>
      <legend>Run</legend>
      ${locked ? html`<p class="lock group-lock" id="lock-run">Locked by the challenge: it is graded on the file's own replications.</p>` : nothing}
      ${this.row('replications', 'replications', this.replications, 2, 100, 1, (v) => this._emit('replications', v), locked, locked ? 'lock-run' : null)}
    </fieldset>`;
  }

  /** True in challenge mode when none of these paths is a lever. */
  private allLocked(paths: string[]): boolean {
    return this.levers !== null && paths.every((p) => isLocked(p, this.levers));
  }

  /** One slider; a locked one is disabled and says so, by the group's note (`groupNote`) or its own. */
  private row(
    id: string,
    label: string,
    value: number,
    min: number,
    max: number,
    step: number,
    onInput: (value: number) => void,
    locked: boolean,
    groupNote: string | null = null,
  ) {
    const inputId = `s-${id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
    const lever = this.levers !== null && !locked;
    const note = locked ? (groupNote ?? `${inputId}-lock`) : null;
    return html`<div class="row ${locked ? 'locked' : ''} ${lever ? 'lever' : ''}">
      <label for=${inputId}>${label}</label>
      <output for=${inputId}>${Number(value.toPrecision(4))}</output>
      <input id=${inputId} type="range" data-path=${id} min=${min} max=${max} step=${step} .value=${String(value)} ?disabled=${locked}
        aria-describedby=${note ?? nothing}
        @input=${(e: Event) => onInput(Number((e.target as HTMLInputElement).value))} />
      ${
        lever
          ? html`<input type="number" aria-label=${`${label} (type a value)`} data-lever=${id} step="any" .value=${live(String(value))}
              @change=${(e: Event) => this._typed(e.target as HTMLInputElement, onInput)} />`
          : nothing
      }
      ${locked && groupNote === null ? html`<span class="lock" id=${note}>locked by the challenge</span>` : nothing}
    </div>`;
  }

  /** A typed lever value: taken when it is a number (the scenario's checks judge its range); otherwise the box shows the value again. */
  private _typed(box: HTMLInputElement, onInput: (value: number) => void): void {
    const value = box.valueAsNumber;
    if (Number.isFinite(value)) onInput(value);
    else box.value = String(this.sliders.find((s) => box.dataset.lever === s.path)?.value ?? '');
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
