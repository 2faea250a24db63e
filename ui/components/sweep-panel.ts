import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  DEFAULT_INITIAL,
  ITEM_KPIS,
  OVERALL_KPIS,
  SHARE_KPIS,
  defaultTolerance,
  kpiInfo,
  kpiOf,
  unitText,
  type Constraint,
  type ExperimentResult,
  type SweepAxis,
} from '../../sim/index.js';
import type { SliderDef } from '../state/sliders.js';

export interface SweepRequest {
  axes: SweepAxis[];
  kpi: string;
  strategy: string;
}

/** "Find the best": the grid's cell whose `objective` is best, within `delta`, with probability `confidence`, among those meeting `constraints`. */
export interface OptimizeRequest {
  axes: SweepAxis[];
  objective: string;
  strategy: string;
  delta: number;
  confidence: number;
  constraints: Constraint[];
}

/** The confidences offered for the guarantee. */
const CONFIDENCES = [0.9, 0.95, 0.99];

interface AxisChoice {
  path: string;
  from: number;
  to: number;
  steps: number;
}

/**
 * Pick one or two parameters and their ranges, a KPI and a strategy; fires `sweep-request`. Or find
 * the best cell by that KPI with a guarantee (within δ, at a confidence, subject to a constraint):
 * fires `optimize-request`.
 */
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
    fieldset {
      display: grid;
      gap: 0.4rem;
      margin: 0;
      padding: 0.4rem 0.6rem 0.6rem;
      border: 1px solid #e2e8f0;
      border-radius: 6px;
    }
    legend {
      padding: 0 0.3rem;
      color: #334155;
    }
    .best {
      display: grid;
      grid-template-columns: minmax(5rem, 1fr) minmax(4.5rem, 0.7fr) 2fr minmax(3.5rem, 0.5fr) minmax(4rem, 0.8fr);
      gap: 0.4rem;
      align-items: end;
    }
    .best input,
    .best select {
      min-width: 0;
      width: 100%;
      box-sizing: border-box;
    }
    .hint {
      margin: 0;
      color: #475569;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.6rem;
    }
  `;

  @property({ attribute: false }) sliders: SliderDef[] = [];
  @property({ attribute: false }) strategies: string[] = [];
  /** The results shown: the current means set δ's default and the constraint's value. */
  @property({ attribute: false }) result: ExperimentResult | null = null;
  /** The scenario's currency, for δ's unit. */
  @property() currency = '';
  /** True while a sweep or a search for the best runs (`task` says which). */
  @property({ type: Boolean }) running = false;
  @property() task: 'sweep' | 'optimize' = 'sweep';
  /** How far a running sweep or search is, e.g. `12 of 64 cells`. */
  @property() progress = '';
  @state() private axes: AxisChoice[] = [];
  @state() private kpi = 'totalCost';
  @state() private strategy = '';
  /** δ as typed; empty for the default (2% of the KPI's current mean). */
  @state() private delta = '';
  @state() private confidence = 0.95;
  /** The constrained KPI (`widget.fillRate`), or empty for none; its direction and bound as typed. */
  @state() private constraintKpi = '';
  @state() private constraintOp: Constraint['op'] = '>=';
  @state() private constraintValue = '';

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
    // Another scenario may not have the constrained item.
    const item = this.constraintKpi.slice(0, Math.max(0, this.constraintKpi.lastIndexOf('.')));
    if (changed.has('result') && item !== '' && !Object.hasOwn(this.result?.strategies[0]?.items ?? {}, item)) this.constraintKpi = '';
  }

  // Each box's choice is set on its options (`.selected`), not on the box (`.value`): a value set
  // before another scenario's options are drawn selects nothing, and the box showed blank.
  override render() {
    return html`<form @submit=${this._onSubmit}>
      ${this.axes.map(
        (axis, i) => html`<div class="axis">
        <label>Parameter ${i + 1}
          <select @change=${(e: Event) => this.setAxis(i, this.defaultAxis(this.sliders.find((s) => s.path === (e.target as HTMLSelectElement).value)!))}>
            ${this.options.map((s) => html`<option value=${s.path} .selected=${s.path === axis.path}>${s.label}${s.path.startsWith('strategies.') ? ` (${s.strategies[0]})` : ''}</option>`)}
          </select></label>
        <label>from <input type="number" .value=${String(axis.from)} @change=${(e: Event) => this.setAxis(i, { ...axis, from: Number((e.target as HTMLInputElement).value) })} /></label>
        <label>to <input type="number" .value=${String(axis.to)} @change=${(e: Event) => this.setAxis(i, { ...axis, to: Number((e.target as HTMLInputElement).value) })} /></label>
        <label>steps <input type="number" min="2" max="25" .value=${String(axis.steps)} @change=${(e: Event) => this.setAxis(i, { ...axis, steps: Number((e.target as HTMLInputElement).value) })} /></label>
      </div>`,
      )}
      <div class="axis">
        <label>Rank by
          <select @change=${(e: Event) => {
            this.kpi = (e.target as HTMLSelectElement).value;
            this.delta = '';
          }}>
            ${OVERALL_KPIS.map((k) => html`<option value=${k} .selected=${k === this.kpi}>${kpiInfo('overall', k).label}</option>`)}
          </select></label>
        <label>Strategy
          <select @change=${(e: Event) => {
            this.strategy = (e.target as HTMLSelectElement).value;
            this.axes = [];
          }}>
            ${this.strategies.map((s) => html`<option .selected=${s === this.strategy}>${s}</option>`)}
          </select></label>
        <div class="cell">&nbsp;<button type="button" @click=${this._toggleSecond}>${this.axes.length === 1 ? '+ second parameter' : '− second parameter'}</button></div>
      </div>
      ${this.renderBest()}
      <div class="actions">
        <button type="submit" ?disabled=${this.running || this.axes.length === 0}>${this.running && this.task === 'sweep' ? `Sweeping…${this.progress ? ` ${this.progress}` : ''}` : 'Run sweep'}</button>
        <button type="button" @click=${this._onFindBest} ?disabled=${this.running || this.axes.length === 0 || this.bestProblem() !== null}
          title=${this.bestProblem() ?? 'Find the cell whose KPI is best, with the guarantee above'}>${
            this.running && this.task === 'optimize' ? `Searching…${this.progress ? ` ${this.progress}` : ''}` : 'Find the best'
          }</button>
      </div>
    </form>`;
  }

  /** The guarantee's settings: δ (in the KPI's unit), the confidence, and one optional constraint. */
  private renderBest() {
    const info = kpiInfo('overall', this.kpi);
    const unit = this.result ? unitText(info.unit, this.result.time, this.currency) : '';
    const items = Object.keys(this.result?.strategies[0]?.items ?? {});
    const constrained = this.constraintKpi !== '';
    return html`<fieldset>
      <legend>Find the best ${info.label}, with a guarantee</legend>
      <div class="best">
        <label title=${`Differences in ${info.noun} smaller than δ do not matter: the cell found is within δ of the best`}>Within δ${unit ? ` (${unit})` : ''}
          <input type="number" min="0" step="any" .value=${this.delta === '' ? this.defaultDelta() : this.delta}
            @change=${(e: Event) => (this.delta = (e.target as HTMLInputElement).value)} /></label>
        <label>Confidence
          <select @change=${(e: Event) => (this.confidence = Number((e.target as HTMLSelectElement).value))}>
            ${CONFIDENCES.map((c) => html`<option value=${c} .selected=${c === this.confidence}>${Math.round(c * 100)}%</option>`)}
          </select></label>
        <label>Subject to
          <select @change=${(e: Event) => this.setConstraint((e.target as HTMLSelectElement).value)}>
            <option value="" .selected=${!constrained}>no constraint</option>
            ${OVERALL_KPIS.map((k) => html`<option value=${k} .selected=${k === this.constraintKpi}>${kpiInfo('overall', k).label}</option>`)}
            ${items.flatMap((item) =>
              ITEM_KPIS.filter((k) => kpiInfo('item', k).better !== null).map(
                (k) => html`<option value=${`${item}.${k}`} .selected=${`${item}.${k}` === this.constraintKpi}>${item} ${kpiInfo('item', k).label}</option>`,
              ),
            )}
          </select></label>
        <label>Bound
          <select ?disabled=${!constrained} @change=${(e: Event) => (this.constraintOp = (e.target as HTMLSelectElement).value as Constraint['op'])}>
            <option value="&gt;=" .selected=${this.constraintOp === '>='}>≥</option>
            <option value="&lt;=" .selected=${this.constraintOp === '<='}>≤</option>
          </select></label>
        <label title=${constrained && this.constraintValue !== '' ? `Decided within ±${defaultTolerance(this.constraintKpi, Number(this.constraintValue))} of it (its tolerance)` : ''}>Value
          <input type="number" step="any" ?disabled=${!constrained} .value=${this.constraintValue}
            @change=${(e: Event) => (this.constraintValue = (e.target as HTMLInputElement).value)} /></label>
      </div>
      <p class="hint">Every cell runs ${DEFAULT_INITIAL} replications; cells clearly worse are dropped and only close ones run more, all on the same random numbers.</p>
    </fieldset>`;
  }

  /** The chosen strategy's current mean of `kpi`, when the results shown have it. */
  private currentMean(kpi: string): number | null {
    const strategy = this.result?.strategies.find((s) => s.name === this.strategy);
    const dot = kpi.lastIndexOf('.');
    const summary =
      dot < 0
        ? strategy?.kpis[kpi as keyof typeof strategy.kpis]
        : strategy?.items[kpi.slice(0, dot)]?.[kpi.slice(dot + 1) as keyof (typeof strategy.items)[string]];
    return summary && Number.isFinite(summary.mean) ? summary.mean : null;
  }

  /** δ's default: 2% of the KPI's current mean (two significant digits), or empty when it is not known. */
  private defaultDelta(): string {
    const mean = this.currentMean(this.kpi);
    return mean === null || mean === 0 ? '' : String(Number((0.02 * Math.abs(mean)).toPrecision(2)));
  }

  /** A constraint on `kpi` (none when empty): at least (or at most, when lower is better) 95% for a share, else the current mean. */
  private setConstraint(kpi: string): void {
    this.constraintKpi = kpi;
    if (kpi === '') return;
    this.constraintOp = kpiOf(kpi)?.better === 'lower' ? '<=' : '>=';
    const share = SHARE_KPIS.has(kpi.slice(kpi.lastIndexOf('.') + 1));
    const mean = this.currentMean(kpi);
    this.constraintValue = share ? '0.95' : mean === null ? '' : String(Number(mean.toPrecision(3)));
  }

  /** Why "Find the best" cannot run as set, or null. */
  private bestProblem(): string | null {
    const delta = Number(this.delta === '' ? this.defaultDelta() : this.delta);
    if (!(delta > 0) || !Number.isFinite(delta)) return 'Give δ, a number above 0: differences smaller than it do not matter';
    if (this.constraintKpi !== '' && (this.constraintValue.trim() === '' || !Number.isFinite(Number(this.constraintValue))))
      return "Give the constraint's value, or choose no constraint";
    return null;
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
    this.dispatchEvent(
      new CustomEvent<SweepRequest>('sweep-request', {
        detail: { axes: this.chosenAxes(), kpi: this.kpi, strategy: this.strategy },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _onFindBest(): void {
    if (this.bestProblem() !== null) return;
    const value = Number(this.constraintValue);
    const constraints: Constraint[] =
      this.constraintKpi === '' ? [] : [{ kpi: this.constraintKpi, op: this.constraintOp, value, tolerance: defaultTolerance(this.constraintKpi, value) }];
    const detail: OptimizeRequest = {
      axes: this.chosenAxes(),
      objective: this.kpi,
      strategy: this.strategy,
      delta: Number(this.delta === '' ? this.defaultDelta() : this.delta),
      confidence: this.confidence,
      constraints,
    };
    this.dispatchEvent(new CustomEvent<OptimizeRequest>('optimize-request', { detail, bubbles: true, composed: true }));
  }

  /** The axes as chosen: 2 to 25 values from `from` to `to` (whole numbers for a whole-number parameter), repeats dropped. */
  private chosenAxes(): SweepAxis[] {
    return this.axes.map((a) => {
      const steps = Math.max(2, Math.min(25, Math.round(a.steps)));
      const whole = this.options.find((s) => s.path === a.path)!.step >= 1;
      const values = Array.from({ length: steps }, (_, k) => a.from + ((a.to - a.from) * k) / (steps - 1)).map((v) =>
        whole ? Math.round(v) : Number(v.toPrecision(4)),
      );
      return { path: a.path, values: [...new Set(values)] };
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sweep-panel': SweepPanel;
  }
}
