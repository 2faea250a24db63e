import { LitElement, html, nothing } from 'lit';
import { customElement, queryAll, state } from 'lit/decorators.js';
import { buildStrategy, type ExperimentResult } from '../sim/index.js';
import { appStyles } from './app-styles.js';
import { BUNDLED } from './bundled-scenarios.js';
import type { Spec } from './charts/common.js';
import { dashboardCharts, sweepChart, type ChartEntry } from './charts/dashboard.js';
import './components/chart-view.js';
import type { ChartView } from './components/chart-view.js';
import './components/comparison-list.js';
import './components/presentation-view.js';
import './components/kpi-table.js';
import './components/scenario-editor.js';
import './components/strategy-sliders.js';
import './components/sweep-panel.js';
import type { SweepRequest } from './components/sweep-panel.js';
import './components/theory-panel.js';
import './components/warning-list.js';
import { exportResults, type ExportKind } from './export/exports.js';
import { fileStem } from './export/download.js';
import { STRATEGY_COLOURS } from './palette.js';
import { SimulationController } from './simulation-controller.js';
import { loadSession, saveSession } from './state/saved-edits.js';
import { decodeShareState, encodeShareState, type ShareState } from './state/share-link.js';
import { slidersFor, type SliderDef } from './state/sliders.js';
import { theoryRows, type TheoryRow } from './state/theory.js';


/**
 * The sandbox page: scenario picker, sliders and YAML editor on the left; charts, KPI table,
 * comparisons, theory and sweeps on the right. Running lives in SimulationController.
 */
@customElement('sawtooth-app')
export class SawtoothApp extends LitElement {
  static override styles = appStyles;

  private readonly sim = new SimulationController(this);
  @state() private scenarioId = BUNDLED[0]?.id ?? '';
  @state() private text = BUNDLED[0]?.text ?? '';
  @state() private overrides: Record<string, number | string | boolean> = {};
  @state() private replications = 30;
  @state() private item = '';
  @state() private presenting = false;
  @state() private shareLink = '';
  @state() private sliders: SliderDef[] = [];
  @queryAll('chart-view') private chartViews!: NodeListOf<ChartView>;
  private requestedAt = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.restore();
  }

  /** Opens the shared link in the URL, else the last session, else the headline scenario. */
  private async restore(): Promise<void> {
    const shared = await decodeShareState(location.hash);
    // A shared link is opened once: from then on the session (saved below) holds it and the user's
    // edits, so a reload never falls back to the link's older state.
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    const state = shared ?? loadSession();
    const bundled = BUNDLED.find((b) => b.id === state?.scenario);
    if (state && (bundled || state.text)) {
      this.scenarioId = state.scenario;
      this.text = state.text ?? bundled!.text;
      this.overrides = state.overrides;
      this.replications = state.replications;
    } else {
      this.replications = this.fileReplications(this.text);
    }
    await this.rerun();
  }

  private fileReplications(text: string): number {
    return this.typedReplications(text) ?? 10;
  }

  /** The file's `run.replications` (within the slider's reach), or null when it sets none. */
  private typedReplications(text: string): number | null {
    const match = /replications:\s*(\d+)/.exec(text);
    return match ? Math.max(1, Math.min(100, Number(match[1]))) : null;
  }

  private get session(): ShareState {
    const bundled = BUNDLED.find((b) => b.id === this.scenarioId);
    return {
      scenario: this.scenarioId,
      ...(bundled?.text === this.text ? {} : { text: this.text }),
      overrides: this.overrides,
      replications: this.replications,
    };
  }

  private get file(): string {
    return BUNDLED.find((b) => b.id === this.scenarioId)?.file ?? 'scenario.yaml';
  }

  private runCount = 0;

  private async rerun(): Promise<void> {
    saveSession(this.session);
    const run = ++this.runCount;
    this.requestedAt = performance.now();
    await this.sim.run({ text: this.text, file: this.file, overrides: this.overrides, replications: this.replications });
    if (run !== this.runCount) return; // a newer run replaced this one; it will report
    const scenario = this.sim.scenario;
    if (scenario && this.sim.status === 'done') {
      this.sliders = keepRanges(this.sliders, slidersFor(scenario));
      const items = Object.keys(this.sim.result?.strategies[0]?.items ?? {});
      if (!items.includes(this.item)) this.item = this.demandedItem(items);
    }
    await this.updateComplete;
    await Promise.all([...this.chartViews].map((view) => view.rendered));
    const settledMs = performance.now() - this.requestedAt;
    this.dispatchEvent(new CustomEvent('charts-settled', { detail: { settledMs, runMs: this.sim.elapsedMs }, bubbles: true, composed: true }));
  }

  /** The item customers buy (the one whose sawtooth matters most), else the first. */
  private demandedItem(items: string[]): string {
    const demanded = this.sim.scenario?.document.demand?.map((d) => d.item) ?? [];
    return items.find((i) => demanded.includes(i)) ?? items[0] ?? '';
  }

  private chartCache: { result: ExperimentResult | null; item: string; charts: ChartEntry[] } = { result: null, item: '', charts: [] };

  /** Chart specs, rebuilt only for new results or another item: an unchanged spec is not redrawn. */
  private charts(result: ExperimentResult): ChartEntry[] {
    const cache = this.chartCache;
    if (cache.result !== result || cache.item !== this.item) {
      const scenario = this.sim.scenario!;
      const policies = Object.fromEntries(Object.entries(this.sim.policies).map(([name, p]) => [name, p[this.item]]));
      this.chartCache = { result, item: this.item, charts: dashboardCharts(result, this.item, policies, scenario.time.unit, scenario.currency) };
    }
    return this.chartCache.charts;
  }

  private theory(result: ExperimentResult): TheoryRow[] {
    const scenario = this.sim.scenario;
    if (!scenario) return [];
    return theoryRows(result, Object.fromEntries(result.strategies.map((s) => [s.name, buildStrategy(scenario, s.name).plant])));
  }

  private sweepSpec(): Spec | null {
    const { sweep, scenario } = this.sim;
    return sweep ? sweepChart(sweep, scenario ? buildStrategy(scenario, sweep.strategy).plant : null) : null;
  }

  override render() {
    const { result, scenario, stale, issues, status } = this.sim;
    const strategies = result?.strategies.map((s) => s.name) ?? [];
    const colours = strategies.map((_, i) => STRATEGY_COLOURS[i % STRATEGY_COLOURS.length]);
    const charts = result && scenario ? this.charts(result) : [];
    const items = Object.keys(result?.strategies[0]?.items ?? {});
    const description = scenario?.description ?? '';
    return html`
      <header>
        <h1>Sawtooth</h1>
        <label class="picker">Scenario
          <select @change=${this._onPick} aria-label="Scenario">
            ${BUNDLED.map((b) => html`<option value=${b.id} ?selected=${b.id === this.scenarioId}>${b.id}</option>`)}
          </select>
        </label>
        <span class="status" role="status" aria-live="polite">${this.statusText()}</span>
        <nav aria-label="Share and export">
          <button @click=${this._onShare}>Share link</button>
          <button @click=${this._onReset} title="Bring back the bundled scenario">Reset</button>
          <button @click=${() => this._export('json')} ?disabled=${!result}>JSON</button>
          <button @click=${() => this._export('csv')} ?disabled=${!result}>CSV</button>
          <button @click=${() => this._export('report')} ?disabled=${!result}>HTML report</button>
          <button @click=${() => (this.presenting = true)} ?disabled=${!result}>Present</button>
        </nav>
      </header>
      ${this.shareLink ? html`<div class="share"><label>Link to this exact scenario and settings <input readonly .value=${this.shareLink} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label></div>` : nothing}
      <aside>
        <section class="description">
          <h2>${scenario?.name ?? this.scenarioId}</h2>
          <p>${description}</p>
        </section>
        <section>
          <h2>What if…</h2>
          <strategy-sliders .sliders=${this.sliders.map((s) => ({ ...s, value: Number(this.overrides[s.path] ?? s.value) }))} .replications=${this.replications}
            @override=${this._onOverride}></strategy-sliders>
        </section>
        <section>
          <scenario-editor .text=${this.text} .issues=${issues} @scenario-draft=${this._onDraft} @scenario-input=${this._onEdit}></scenario-editor>
        </section>
      </aside>
      <main class=${stale || status === 'invalid' ? 'stale' : ''} aria-busy=${status === 'running'}>
        ${stale ? html`<p class="stale-note" role="note">Showing the last good results: ${issues.length > 0 ? 'fix the scenario to update them' : this.sim.error}.</p>` : nothing}
        ${result
          ? html`
              ${result.warnings.length > 0 ? html`<warning-list .warnings=${result.warnings}></warning-list>` : nothing}
              <section class="card wide">
                <h2>Comparison</h2>
                <comparison-list .result=${result}></comparison-list>
              </section>
              ${charts.map((c) => html`<section class="card ${c.id === 'stock' || c.id === 'kpis' ? 'wide' : ''}">
                ${c.id === 'stock' && items.length > 1
                  ? html`<label class="item-picker">Item <select @change=${(e: Event) => (this.item = (e.target as HTMLSelectElement).value)}>
                      ${items.map((i) => html`<option ?selected=${i === this.item}>${i}</option>`)}</select></label>`
                  : nothing}
                <chart-view id=${`chart-${c.id}`} name=${`${fileStem(result.scenario)}-${c.id}`} .spec=${c.spec}></chart-view>
              </section>`)}
              <section class="card wide">
                <h2>KPIs (${result.replications === 1 ? 'mean of 1 replication, no intervals' : `mean ± 95% half-width, ${result.replications} replications`})</h2>
                <kpi-table .result=${result} .colours=${colours}></kpi-table>
              </section>
              <section class="card">
                <h2>Theory beside the simulation</h2>
                <theory-panel .rows=${this.theory(result)}></theory-panel>
              </section>
              <section class="card wide">
                <h2>Sweep</h2>
                <sweep-panel .sliders=${this.sliders} .strategies=${strategies} ?running=${this.sim.sweepStatus === 'running'} @sweep-request=${this._onSweep}></sweep-panel>
                ${this.sim.sweepStatus === 'error' ? html`<p class="sweep-error" role="alert">The sweep could not run: ${this.sim.sweepError}</p>` : nothing}
                ${this.sim.sweep && this.sim.sweepStatus !== 'error' ? html`<chart-view id="chart-sweep" name=${`${fileStem(result.scenario)}-sweep`} .spec=${this.sweepSpec()}></chart-view>` : nothing}
              </section>
            `
          : html`<p class="empty">${status === 'running' ? 'Simulating…' : status === 'invalid' ? 'The scenario has problems: see the list beside the editor.' : ''}</p>`}
      </main>
      ${this.presenting && result
        ? html`<presentation-view .charts=${charts} .result=${result} @close=${() => (this.presenting = false)}></presentation-view>`
        : nothing}
    `;
  }

  private statusText(): string {
    switch (this.sim.status) {
      case 'running':
        return 'Simulating…';
      case 'done': {
        const n = this.sim.result?.replications;
        return `${n} replication${n === 1 ? '' : 's'} in ${Math.round(this.sim.elapsedMs)} ms`;
      }
      case 'invalid':
        return `${this.sim.issues.length} problem${this.sim.issues.length === 1 ? '' : 's'} in the scenario`;
      case 'error':
        return `Run failed: ${this.sim.error}`;
      default:
        return '';
    }
  }

  private _onPick(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    const bundled = BUNDLED.find((b) => b.id === id)!;
    this.scenarioId = id;
    this.text = bundled.text;
    this.overrides = {};
    this.replications = this.fileReplications(bundled.text);
    this.sim.sweep = null;
    this.sliders = [];
    this.shareLink = '';
    void this.rerun();
  }

  private _onDraft(event: CustomEvent<string>): void {
    saveSession({ ...this.session, text: event.detail });
  }

  private _onEdit(event: CustomEvent<string>): void {
    // A replications count typed in the file is what the user asked for: the slider follows it.
    // Other edits leave the slider's value alone.
    const typed = this.typedReplications(event.detail);
    if (typed !== null && typed !== this.typedReplications(this.text)) this.replications = typed;
    this.text = event.detail;
    void this.rerun();
  }

  private _onOverride(event: CustomEvent<{ path: string; value: number }>): void {
    const { path, value } = event.detail;
    if (path === 'replications') this.replications = value;
    else this.overrides = { ...this.overrides, [path]: value };
    void this.rerun();
  }

  private _onReset(): void {
    const bundled = BUNDLED.find((b) => b.id === this.scenarioId) ?? BUNDLED[0];
    this.scenarioId = bundled.id;
    this.text = bundled.text;
    this.overrides = {};
    this.replications = this.fileReplications(bundled.text);
    this.shareLink = '';
    this.sliders = [];
    void this.rerun();
  }

  private async _onShare(): Promise<void> {
    // The link is shown and copied, not put in the address bar: later edits must not be shadowed by it.
    this.shareLink = `${location.origin}${location.pathname}${location.search}${await encodeShareState(this.session)}`;
    try {
      await navigator.clipboard?.writeText(this.shareLink);
    } catch {
      // No clipboard permission (or headless): the link is shown in the box to copy by hand.
    }
  }

  private _onSweep(event: CustomEvent<SweepRequest>): void {
    const { axes, kpi, strategy } = event.detail;
    void this.sim.runSweep({ text: this.text, file: this.file, overrides: this.overrides, replications: Math.min(this.replications, 10) }, axes, kpi, strategy);
  }

  private _export(kind: ExportKind): void {
    void exportResults(kind, this.sim.result!, this.text, this.sim.scenario?.description ?? '', [...this.chartViews]);
  }
}

/** New slider definitions with the ranges of the old ones kept, so a range never jumps under a moving thumb. */
function keepRanges(previous: SliderDef[], next: SliderDef[]): SliderDef[] {
  const old = new Map(previous.map((s) => [s.path, s]));
  return next.map((s) => {
    const before = old.get(s.path);
    return before ? { ...s, min: before.min, max: before.max, step: before.step } : s;
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'sawtooth-app': SawtoothApp;
  }
}
