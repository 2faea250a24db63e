import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  ALPHA,
  GAP_UNITS,
  MIN_VALUES,
  candidateSpec,
  fitNotes,
  fitSnippet,
  formatNumber,
  formatPValue,
  formatParameters,
  type Candidate,
  type Family,
  type FitRequest,
  type GapUnit,
} from '../../sim/index.js';
import type { Spec } from '../charts/common.js';
import { familyColour, fitHistogramSpec, fitQqSpec } from '../charts/fit-spec.js';
import type { FitPageOutcome, FitPageResponse } from '../worker/fit-data.js';
import './chart-view.js';

/** A file the panel can fit, with the columns of its header row. */
export interface FitFile {
  name: string;
  columns: string[];
}

/** What the panel asks the page to fit: a file and the request `sawtooth fit` would get. */
export interface FitPanelRequest {
  file: string;
  request: FitRequest;
}

/**
 * Input analysis on the page, as `sawtooth fit`: pick a file, a column of values or the gaps
 * between the times of a column (per item with an item column), and see every family ranked, the
 * data's histogram with the fitted densities, a Q–Q plot and the chosen fit as a scenario line.
 * Fires `fit-request`; the page fits in a worker and hands back `response`.
 */
@customElement('fit-panel')
export class FitPanel extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.75rem;
      font-size: 0.85rem;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.9rem;
      align-items: end;
    }
    .field,
    label.item {
      display: grid;
      gap: 0.15rem;
    }
    select,
    button {
      font: inherit;
      padding: 0.25rem 0.35rem;
    }
    button.fit {
      padding: 0.35rem 1rem;
      background: #0072b2;
      color: white;
      border: none;
      border-radius: 5px;
      cursor: pointer;
    }
    button[disabled] {
      opacity: 0.6;
    }
    p {
      margin: 0;
      line-height: 1.45;
    }
    .hint {
      color: #64748b;
    }
    .problems {
      margin: 0;
      padding: 0.5rem 0.75rem 0.5rem 1.8rem;
      background: #fef2f2;
      border: 1px solid #fecaca;
      border-radius: 6px;
      color: #7f1d1d;
      line-height: 1.45;
    }
    .problems li + li {
      margin-top: 0.3rem;
    }
    h3 {
      margin: 0;
      font-size: 0.95rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid #e2e8f0;
      text-align: right;
      white-space: nowrap;
    }
    th:nth-child(-n + 3),
    td:nth-child(-n + 3) {
      text-align: left;
    }
    td.parameters {
      white-space: normal;
    }
    tr.chosen {
      background: #f0f9ff;
    }
    .swatch {
      display: inline-block;
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 2px;
      margin-right: 0.35rem;
      vertical-align: -0.05rem;
    }
    .rejected {
      color: #b91c1c;
    }
    .notes {
      margin: 0;
      padding-left: 1.2rem;
      color: #475569;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 1rem;
    }
    .snippet {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .snippet code {
      padding: 0.35rem 0.55rem;
      background: #f1f5f9;
      border: 1px solid #e2e8f0;
      border-radius: 5px;
      font-size: 0.82rem;
      overflow-wrap: anywhere;
    }
    .snippet button {
      padding: 0.2rem 0.7rem;
      border: 1px solid #0072b2;
      border-radius: 4px;
      color: #0072b2;
      background: white;
      cursor: pointer;
    }
    @media (max-width: 1000px) {
      .charts {
        grid-template-columns: 1fr;
      }
    }
  `;

  @property({ attribute: false }) files: FitFile[] = [];
  /** The fit of the last request (null before any), and whether a fit is running. */
  @property({ attribute: false }) response: FitPageResponse | null = null;
  @property({ attribute: false }) subject: FitPanelRequest | null = null;
  @property({ type: Boolean }) fitting = false;
  @state() private file = '';
  @state() private mode: 'column' | 'interarrival' = 'column';
  @state() private column = '';
  @state() private time = '';
  @state() private item = '';
  @state() private unit: GapUnit = 'day';
  /** The item shown (an index into the fits), and the family drawn bold, in the Q–Q plot and the snippet. */
  @state() private shown = 0;
  @state() private chosen: Family | null = null;
  /** The snippet last copied, for its button to say so. */
  @state() private copied: string | null = null;
  private specs: { histogram: Spec; qq: Spec } | null = null;

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('files')) this.pickFile();
    if (changed.has('response')) {
      this.shown = 0;
      this.chosen = this.fitShown()?.report?.candidates[0]?.family ?? null;
      this.copied = null;
    }
    if (changed.has('response') || changed.has('shown') || changed.has('chosen')) this.specs = this.makeSpecs();
  }

  /** Keeps the chosen file when it is still there; else the newest. */
  private pickFile(): void {
    if (!this.files.some((f) => f.name === this.file)) this.chooseFile(this.files.at(-1)?.name ?? '');
  }

  /** Chooses a file, and its columns by their names: a quantity, a date or time, no item column. */
  private chooseFile(name: string): void {
    this.file = name;
    const columns = this.columns;
    this.column = columns.find((c) => /^(qty|quantity|amount|units?|demand|menge)$/i.test(c)) ?? columns[1] ?? columns[0] ?? '';
    this.time = columns.find((c) => /date|time|day|when/i.test(c)) ?? columns[0] ?? '';
    this.item = '';
  }

  private get columns(): string[] {
    return this.files.find((f) => f.name === this.file)?.columns ?? [];
  }

  private fitShown(): FitPageOutcome | null {
    const response = this.response;
    return response?.kind === 'fitted' ? (response.fits[this.shown] ?? null) : null;
  }

  /** What the fitted values are, for titles and axes: the column, or the gaps between its times and their unit. */
  private what(): string {
    const subject = this.subject?.request;
    if (!subject) return '';
    if (subject.kind === 'column') return subject.column;
    const times = this.response?.kind === 'fitted' ? this.response.times : null;
    return `gaps between ${subject.time} (${times === 'numbers' ? "the file's time unit" : `${subject.unit}s`})`;
  }

  private makeSpecs(): { histogram: Spec; qq: Spec } | null {
    const fit = this.fitShown();
    if (!fit?.charts || !this.chosen) return null;
    return { histogram: fitHistogramSpec(fit.charts, this.chosen, this.what()), qq: fitQqSpec(fit.charts, this.chosen, this.what()) };
  }

  override render() {
    if (this.files.length === 0) {
      return html`<p class="hint">Give the page a CSV file (choose it beside the editor, or drop it on the page) to fit the scenario's distributions to its data,
        as <code>npx sawtooth fit</code> does: a column of values, or the gaps between orders.</p>`;
    }
    return html`${this.renderForm()}${this.renderResponse()}`;
  }

  private renderForm() {
    const columns = this.columns;
    const options = (chosen: string) => columns.map((c) => html`<option .value=${c} ?selected=${c === chosen}>${c}</option>`);
    const value = (e: Event) => (e.target as HTMLSelectElement).value;
    // Each select is named by its label alone (a label around a select would add the chosen option to its name).
    const field = (id: string, label: string, select: unknown) => html`<div class="field"><label for=${id}>${label}</label>${select}</div>`;
    return html`<form @submit=${this._onSubmit}>
      ${field(
        'fit-file',
        'File',
        html`<select id="fit-file" @change=${(e: Event) => this.chooseFile(value(e))}>
          ${this.files.map((f) => html`<option .value=${f.name} ?selected=${f.name === this.file}>${f.name}</option>`)}
        </select>`,
      )}
      ${field(
        'fit-mode',
        'Fit',
        html`<select id="fit-mode" @change=${(e: Event) => (this.mode = value(e) as 'column' | 'interarrival')}>
          <option value="column" ?selected=${this.mode === 'column'}>the values of a column</option>
          <option value="interarrival" ?selected=${this.mode === 'interarrival'}>the gaps between orders</option>
        </select>`,
      )}
      ${
        this.mode === 'column'
          ? field('fit-column', 'Column', html`<select id="fit-column" @change=${(e: Event) => (this.column = value(e))}>${options(this.column)}</select>`)
          : html`${field('fit-time', 'Time column', html`<select id="fit-time" @change=${(e: Event) => (this.time = value(e))}>${options(this.time)}</select>`)}
            ${field(
              'fit-unit',
              'Gaps of dates in',
              html`<select id="fit-unit" @change=${(e: Event) => (this.unit = value(e) as GapUnit)}>
                ${Object.keys(GAP_UNITS).map((u) => html`<option .value=${u} ?selected=${u === this.unit}>${u}s</option>`)}</select>`,
            )}`
      }
      ${field(
        'fit-item',
        'Per item',
        html`<select id="fit-item" @change=${(e: Event) => (this.item = value(e))}>
          <option value="" ?selected=${this.item === ''}>no: every row together</option>
          ${columns.map((c) => html`<option .value=${c} ?selected=${c === this.item}>one fit per ${c}</option>`)}
        </select>`,
      )}
      <button class="fit" type="submit" ?disabled=${this.fitting || this.file === ''}>${this.fitting ? 'Fitting…' : 'Fit'}</button>
    </form>`;
  }

  /** The file and its choices as `sawtooth fit` takes them. */
  private _onSubmit(event: Event): void {
    event.preventDefault();
    const item = this.item === '' ? null : this.item;
    const request: FitRequest =
      this.mode === 'column' ? { kind: 'column', column: this.column, item } : { kind: 'interarrival', time: this.time, item, unit: this.unit };
    this.dispatchEvent(new CustomEvent<FitPanelRequest>('fit-request', { detail: { file: this.file, request }, bubbles: true, composed: true }));
  }

  private renderResponse() {
    const response = this.response;
    if (response === null) return nothing;
    if (response.kind === 'failed') return html`<p class="problems" role="alert">The fit could not be made: ${response.message}.</p>`;
    if (response.kind === 'problems') {
      return html`<ul class="problems" role="alert" aria-label="Problems in the file">
        ${response.problems.map((p) => html`<li>${p.line === null ? nothing : html`${this.subject?.file} line ${p.line}: `}${p.text}</li>`)}
      </ul>`;
    }
    const fits = response.fits;
    const fit = fits[this.shown];
    if (fit === undefined) return html`<p class="problems" role="alert">The file has no rows to fit.</p>`;
    const perItem = this.subject?.request.item ?? null;
    return html`
      ${
        fits.length > 1
          ? html`<label class="item">Item (${perItem})
            <select aria-label=${`Item (${perItem})`} @change=${(e: Event) => {
              this.shown = Number((e.target as HTMLSelectElement).value);
              this.chosen = fits[this.shown]?.report?.candidates[0]?.family ?? null;
            }}>${fits.map((f, i) => html`<option .value=${String(i)} ?selected=${i === this.shown}>${f.item} (${f.n})</option>`)}</select></label>`
          : nothing
      }
      ${response.itemsLeftOut > 0 ? html`<p class="hint">The first ${fits.length} items are fitted; ${response.itemsLeftOut} more are left out (npx sawtooth fit fits every one).</p>` : nothing}
      ${this.renderFit(fit, response.field, perItem)}
    `;
  }

  private renderFit(fit: FitPageOutcome, field: 'quantity' | 'interarrival', perItem: string | null) {
    const noun = field === 'quantity' ? 'value' : 'gap';
    const title = `${fit.item === null ? '' : `${perItem} ${fit.item}: `}${fit.n} ${noun}${fit.n === 1 ? '' : 's'} of ${this.what()}`;
    const report = fit.report;
    if (report === null) return html`<h3>${title}</h3><p role="alert">Too few to fit: the fit needs at least ${MIN_VALUES}.</p>`;
    const notes = fitNotes(field, report);
    const chosen = report.candidates.find((c) => c.family === this.chosen) ?? report.candidates[0];
    return html`
      <h3>${title}</h3>
      ${report.constant !== null ? html`<p>Every value is ${formatNumber(report.constant)}: a constant.</p>` : this.renderTable(report.candidates, report.counts)}
      ${notes.length > 0 ? html`<ul class="notes" aria-label="Notes on the fit">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing}
      ${
        this.specs
          ? html`<div class="charts">
            <chart-view id="chart-fit-histogram" name="fit-histogram" .spec=${this.specs.histogram}></chart-view>
            <chart-view id="chart-fit-qq" name="fit-qq" .spec=${this.specs.qq}></chart-view>
          </div>`
          : nothing
      }
      ${report.constant !== null ? this.renderSnippet(fitSnippet(field, report.constant), 'The fit') : nothing}
      ${chosen ? this.renderSnippet(fitSnippet(field, candidateSpec(chosen)), chosen === report.candidates[0] ? 'The best fit' : `The ${chosen.family} fit`) : nothing}
      ${report.fallback !== null ? this.renderSnippet(fitSnippet(field, report.fallback), 'Or the data themselves') : nothing}
    `;
  }

  private renderTable(candidates: Candidate[], counts: boolean) {
    return html`<table aria-label="Fitted families, best first">
      <thead>
        <tr><th scope="col">Show</th><th scope="col">Family</th><th scope="col">Parameters</th><th scope="col">AIC</th><th scope="col">ΔAIC</th>
          <th scope="col">${counts ? 'χ² (df)' : 'KS D'}</th><th scope="col">p-value</th><th scope="col">Verdict at ${ALPHA * 100}%</th></tr>
      </thead>
      <tbody>
        ${candidates.map(
          (c, i) => html`<tr class=${c.family === this.chosen ? 'chosen' : ''} data-family=${c.family}>
            <td><input type="radio" name="family" .checked=${c.family === this.chosen} aria-label=${`Show ${c.family} in the charts and the snippet`}
              @change=${() => (this.chosen = c.family)} /></td>
            <td><span class="swatch" style=${`background:${familyColour(c.family)}`}></span>${i + 1}. ${c.family}</td>
            <td class="parameters">${formatParameters(c)}</td>
            <td>${c.aic.toFixed(1)}</td>
            <td>${c.deltaAic.toFixed(1)}</td>
            <td>${c.gof.test === 'ks' ? c.gof.statistic.toFixed(4) : `${formatNumber(c.gof.statistic)} (${c.gof.df})`}</td>
            <td>${formatPValue(c.gof.pValue)}</td>
            <td class=${c.rejected ? 'rejected' : ''}>${Number.isNaN(c.gof.pValue) ? 'not tested' : c.rejected ? 'rejected' : 'not rejected'}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderSnippet(line: string, label: string) {
    return html`<div class="snippet">
      <span>${label}, for a demand line:</span>
      <code>${line}</code>
      <button type="button" @click=${() => this._copy(line)} aria-label=${`Copy: ${line}`}>${this.copied === line ? 'Copied' : 'Copy'}</button>
    </div>`;
  }

  private async _copy(line: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(line);
      this.copied = line;
    } catch {
      // No clipboard permission: the line stays on the page to copy by hand; select it.
      const code = [...this.renderRoot.querySelectorAll('.snippet code')].find((c) => c.textContent === line);
      if (code) getSelection()?.selectAllChildren(code);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fit-panel': FitPanel;
  }
}
