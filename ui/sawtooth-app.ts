import { LitElement, html, nothing } from 'lit';
import { customElement, query, queryAll, state } from 'lit/decorators.js';
import {
  MAX_LOGGED_ORDERS,
  chainStages,
  challengeFingerprint,
  coursePlace,
  optimizeSentences,
  theoryRows,
  type ExperimentResult,
  type OptimizeResult,
  type TheoryRow,
  decodeShareState,
  leftOutMessage,
  shareWithFiles,
  type ShareState,
  filesNamedIn,
} from '../sim/index.js';
import { appStyles } from './app-styles.js';
import { BUNDLED, type BundledScenario } from './bundled-scenarios.js';
import type { Spec } from './charts/common.js';
import { dashboardCharts, sweepChart, type ChartEntry } from './charts/dashboard.js';
import { optimizeSpec } from './charts/optimize-spec.js';
import { forecastItems, loadMachines } from './charts/planning-spec.js';
import { resolutionFor, type Resolution } from './charts/resolution.js';
import { timelineMachines } from './charts/timeline-spec.js';
import './components/chart-view.js';
import type { ChartView } from './components/chart-view.js';
import './components/comparison-list.js';
import './components/data-files.js';
import type { FitPanelRequest } from './components/fit-panel.js';
import './components/kpi-table.js';
import type { PlantDiagram } from './components/plant-diagram.js';
import type { StrategyPlanning } from './components/mrp-record.js';
import './classroom/challenge-panel.js';
import type { ChallengeSubmission } from './classroom/challenge-panel.js';
import './components/scenario-editor.js';
import './components/strategy-sliders.js';
import type { OptimizeRequest, SweepRequest } from './components/sweep-panel.js';
import './components/theory-panel.js';
import './components/warning-list.js';
import { exportResults, type ExportKind } from './export/exports.js';
import { PANEL_PARTS, PLANT_PART, loadParts } from './later-parts.js';
import { download, fileStem } from './export/download.js';
import { STRATEGY_COLOURS } from './palette.js';
import { DataFilesController, type FilesChange } from './data-files-controller.js';
import { SimulationController, type RunOutcome } from './simulation-controller.js';
import { loadSession, saveSession } from './state/saved-edits.js';
import { fitInWorker } from './worker/fit-client.js';
import type { FitPageResponse } from './worker/fit-data.js';
import { isLocked, type SliderDef } from './state/sliders.js';
import { errorMessage } from './worker/protocol.js';

/**
 * The sandbox page: scenario picker, sliders and YAML editor on the left; charts, KPI table,
 * comparisons, theory and sweeps on the right. Running lives in SimulationController.
 */
@customElement('sawtooth-app')
export class SawtoothApp extends LitElement {
  static override styles = appStyles;

  private readonly sim = new SimulationController(this);
  private readonly dataFiles = new DataFilesController(this, (change) => this.filesChanged(change));
  @state() private scenarioId = BUNDLED[0]?.id ?? '';
  @state() private text = BUNDLED[0]?.text ?? '';
  @state() private overrides: Record<string, number | string | boolean> = {};
  /** The game of the scenario's play block: the orders given so far; null when none is being played. */
  @state() private play: number[] | null = null;
  @state() private replications = 30;
  @state() private item = '';
  /** The item of the forecast chart and the machine of the planned-load chart (the first of each when empty). */
  @state() private forecastItem = '';
  @state() private loadMachine = '';
  @state() private timelineMachine = '';
  /** True while the order log is being written. */
  @state() private writingLog = false;
  @state() private presenting = false;
  @state() private shareLink = '';
  /** What the share box says of files the link does not carry (too large), or null. */
  @state() private shareNote: string | null = null;
  /** The link the challenge card's Submit gave, until the levers move again. */
  @state() private submission: ChallengeSubmission | null = null;
  /** The fit panel's last fit, what it was of, and whether one is running. */
  @state() private fit: { response: FitPageResponse | null; subject: FitPanelRequest | null; running: boolean } = {
    response: null,
    subject: null,
    running: false,
  };
  private cancelFit: () => void = () => {};
  @state() private sliders: SliderDef[] = [];
  /** A message above the page: a link or session the page refused, an export that failed. */
  @state() private notice: string | null = null;
  @queryAll('chart-view') private chartViews!: NodeListOf<ChartView>;
  @query('plant-diagram') private plantDiagram!: PlantDiagram | null;
  private requestedAt = 0;
  /** The charts' resolution the results shown were run at (charts/resolution.ts). */
  private resolution: Resolution = resolutionFor(1000);

  /**
   * Keeps `--header-height` at the sticky header's height, for the sidebar that sticks below it, and
   * the page's scroll padding too: whatever is scrolled into view (a focused slider, a card) stops
   * below the header, not under it.
   */
  private readonly headerSize = new ResizeObserver(([entry]) => {
    // On a phone the header is not sticky (app-styles.ts): nothing to keep clear of.
    const sticky = getComputedStyle(entry.target).position === 'sticky';
    const height = sticky ? Math.ceil(entry.target.getBoundingClientRect().height) : 0;
    this.style.setProperty('--header-height', `${height}px`);
    document.documentElement.style.scrollPaddingTop = `${height + 8}px`;
  });

  /** The plant diagram, loading beside the first run, and the panels below the charts, once they are drawn (later-parts.ts). */
  private plantPart: Promise<void> = Promise.resolve();
  private panelParts: Promise<void> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.restore();
    this.plantPart = this.loadParts(PLANT_PART);
  }

  private loadParts(parts: () => Promise<unknown>[]): Promise<void> {
    return loadParts(parts).then((problem) => {
      if (problem !== null) this.notice = `The page is not complete: ${problem}.`;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.headerSize.disconnect();
  }

  protected override firstUpdated(): void {
    this.headerSize.observe(this.renderRoot.querySelector('header')!);
  }

  /**
   * Opens the shared link in the URL, else the last session, else the headline scenario. A link or
   * session is untrusted: it is read within limits, and its scenario must load (in the loader's
   * worker, within the page's limits) before it is kept; one the page refuses gives a notice
   * saying why, and the bundled scenario instead.
   */
  private async restore(): Promise<void> {
    try {
      // The user's files first: the scenario a link or session reopens may name them.
      const filesNotice = this.dataFiles.restore();
      this.sim.setUserFiles(this.dataFiles.files);
      if (filesNotice) this.notice = filesNotice;
      const hash = location.hash;
      const link = await decodeShareState(hash);
      // A shared link is opened once: from then on the session (saved on every run) holds it and
      // the user's edits, so a reload never falls back to the link's older state.
      if (hash) history.replaceState(null, '', location.pathname + location.search);
      const fromLink = link.kind !== 'none';
      const read = fromLink ? link : loadSession();
      const refusal = fromLink ? 'This link could not be opened' : 'Your last session could not be reopened';
      if (read.kind === 'none') {
        this.replications = this.fileReplications(this.text);
        await this.rerun();
        return;
      }
      if (read.kind === 'refused') return await this.fallBack(refusal, read.reason, null);
      const state = read.state;
      if (state.files) {
        const merged = this.dataFiles.addFromLink(state.files);
        this.sim.setUserFiles(this.dataFiles.files);
        if (merged) this.notice = merged;
      }
      const bundled = bundledById(state.scenario);
      if (!bundled && state.text === undefined) return await this.fallBack(refusal, 'it names a scenario this page does not have', null);
      // Checked before anything of it is shown or kept: a scenario the page refuses never reaches the editor.
      const text = state.text ?? bundled!.text;
      const checked = await this.sim.check({ text, file: bundled?.file ?? 'scenario.yaml', overrides: state.overrides });
      if (checked.kind === 'refused' || checked.kind === 'failed') return await this.fallBack(refusal, checked.message, bundled);
      this.scenarioId = state.scenario;
      this.text = text;
      this.overrides = state.overrides;
      this.play = state.play ?? null;
      // A challenge is graded on its file's replications: the page runs them too (the slider is locked).
      const challenge = checked.kind === 'loaded' && checked.scenario.challenge !== null;
      this.replications = challenge ? this.fileReplications(text) : state.replications;
      await this.rerun();
    } catch (error) {
      this.notice = `The page could not start as it should: ${errorMessage(error)}. Press Reset to start again from the bundled scenario.`;
      await this.announceSettled();
    }
  }

  /** Opens a bundled scenario (the one the state named, else the headline) with a notice saying why. */
  private async fallBack(refusal: string, reason: string, bundled: BundledScenario | undefined | null): Promise<void> {
    const fallback = bundled ?? BUNDLED[0];
    this.notice = `${refusal}: ${reason.replace(/[.\s]+$/, '')}. The bundled scenario ${fallback.id} is shown instead.`;
    this.scenarioId = fallback.id;
    this.text = fallback.text;
    this.overrides = {};
    this.replications = this.fileReplications(fallback.text);
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
    const bundled = bundledById(this.scenarioId);
    return {
      scenario: this.scenarioId,
      ...(bundled?.text === this.text ? {} : { text: this.text }),
      overrides: this.overrides,
      replications: this.replications,
      ...(this.play === null ? {} : { play: this.play }),
    };
  }

  private get file(): string {
    return bundledById(this.scenarioId)?.file ?? 'scenario.yaml';
  }

  private runCount = 0;

  /**
   * Runs the scenario as it stands and reports when its charts are drawn (`charts-settled`). The
   * session is saved once the scenario has loaded (or given the schema's problems, which the editor
   * shows): a scenario the page refuses is never kept.
   */
  private async rerun(): Promise<RunOutcome> {
    const run = ++this.runCount;
    this.submission = null;
    this.requestedAt = performance.now();
    const session = this.session;
    // Series at the charts' resolution, from the width the results area has now.
    const resolution = resolutionFor(this.renderRoot.querySelector('main')?.clientWidth ?? 1000);
    const outcome = await this.sim.run(
      { text: this.text, file: this.file, overrides: this.overrides, replications: this.replications, sliders: this.sliders, seriesPoints: resolution.points },
      () => saveSession(this.withGame(session)),
    );
    if (run !== this.runCount) return outcome; // a newer run replaced this one; it will report
    if (outcome === 'done') {
      this.resolution = resolution;
      this.sliders = this.sim.sliders;
      const items = Object.keys(this.sim.result?.strategies[0]?.items ?? {});
      if (!items.includes(this.item)) this.item = this.demandedItem(items);
    }
    await this.announceSettled();
    return outcome;
  }

  /** Waits for every chart to be drawn and says so (the browser tests and the timing wait on it). */
  private async announceSettled(): Promise<void> {
    await this.plantPart;
    await this.updateComplete;
    await Promise.all([...this.chartViews].map((view) => view.rendered));
    this.panelParts ??= this.loadParts(PANEL_PARTS);
    await this.panelParts;
    await this.updateComplete;
    const settledMs = performance.now() - this.requestedAt;
    this.dispatchEvent(new CustomEvent('charts-settled', { detail: { settledMs, runMs: this.sim.elapsedMs }, bubbles: true, composed: true }));
  }

  /** The item customers buy (the one whose sawtooth matters most), else the first. */
  private demandedItem(items: string[]): string {
    const scenario = this.sim.scenario;
    const demanded = scenario ? Object.values(scenario.compiled).flatMap((s) => s.document.demand.map((d) => d.item)) : [];
    return items.find((i) => demanded.includes(i)) ?? items[0] ?? '';
  }

  private chartCache: { result: ExperimentResult | null; choice: string; charts: ChartEntry[]; error: string | null } = {
    result: null,
    choice: '',
    charts: [],
    error: null,
  };

  /** Chart specs, rebuilt only for new results or another item or machine: an unchanged spec is not redrawn. */
  private charts(result: ExperimentResult): { charts: ChartEntry[]; error: string | null } {
    const cache = this.chartCache;
    const choice = JSON.stringify([this.item, this.forecastItem, this.loadMachine, this.timelineMachine]);
    if (cache.result !== result || cache.choice !== choice) {
      const scenario = this.sim.scenario!;
      try {
        const policies = Object.fromEntries(
          Object.values(scenario.compiled).map((s) => [s.name, Object.hasOwn(s.policies, this.item) ? s.policies[this.item] : undefined]),
        );
        const planning = { forecastItem: this.forecastItem, machine: this.loadMachine, timelineMachine: this.timelineMachine };
        const stages = chainStages(scenario);
        const charts = dashboardCharts(result, this.item, policies, scenario.time.unit, scenario.currency, planning, stages, this.resolution.narrowPoints);
        this.chartCache = { result, choice, charts, error: null };
      } catch (error) {
        this.chartCache = { result, choice, charts: [], error: errorMessage(error) };
      }
    }
    return this.chartCache;
  }

  private readonly memos = new Map<string, { deps: unknown[]; value: unknown }>();

  /** `make()`, computed again only when one of `deps` is not the same (===) as last time. */
  private memo<T>(key: string, deps: unknown[], make: () => T): T {
    const last = this.memos.get(key);
    if (last && last.deps.length === deps.length && last.deps.every((d, i) => d === deps[i])) return last.value as T;
    const value = make();
    this.memos.set(key, { deps, value });
    return value;
  }

  private theory(result: ExperimentResult): { rows: TheoryRow[]; error: string | null } {
    try {
      return { rows: this.sim.scenario ? theoryRows(result, this.sim.scenario) : [], error: null };
    } catch (error) {
      return { rows: [], error: errorMessage(error) };
    }
  }

  /** The chart of the sweep card: the last sweep's, or the last search for the best's (kept while they are, so it is not redrawn). */
  private sweepSpec(): { spec: Spec | null; error: string | null } {
    const { sweep, sweepScenario, optimum } = this.sim;
    return this.memo('sweep-spec', [sweep, sweepScenario, optimum], () => {
      try {
        return { spec: optimum ? optimizeSpec(optimum) : sweep ? sweepChart(sweep, sweepScenario) : null, error: null };
      } catch (error) {
        return { spec: null, error: errorMessage(error) };
      }
    });
  }

  override render() {
    const { result, scenario, stale, issues, status } = this.sim;
    // Derived arrays are kept while their inputs are: a new array would redraw the child it is given
    // (the page re-renders often while a run counts its replications).
    const strategies = this.memo('strategies', [result], () => result?.strategies.map((s) => s.name) ?? []);
    const colours = this.memo('colours', [strategies], () => strategies.map((_, i) => STRATEGY_COLOURS[i % STRATEGY_COLOURS.length]));
    const sliders = this.memo('sliders', [this.sliders, this.overrides], () =>
      this.sliders.map((s) => ({ ...s, value: Number(this.overrides[s.path] ?? s.value) })),
    );
    const { charts, error: chartError } = result && scenario ? this.charts(result) : { charts: [], error: null };
    const items = Object.keys(result?.strategies[0]?.items ?? {});
    const description = scenario?.description ?? '';
    const busy = this.sim.busy || this.sim.sweepStatus === 'running';
    return html`
      <header>
        <h1>Sawtooth</h1>
        <label class="picker">Scenario
          <select @change=${this._onPick} aria-label="Scenario" .value=${this.scenarioId}>
            ${BUNDLED.map((b) => html`<option value=${b.id} ?selected=${b.id === this.scenarioId}>${b.id}</option>`)}
          </select>
        </label>
        <div class="run-state">
          <span class="status" role="status" aria-live="polite">${this.statusText()}</span>
          ${
            this.sim.progress && this.sim.busy
              ? html`<progress max=${this.sim.progress.total} .value=${this.sim.progress.done} aria-label="Replications done" title=${`${this.sim.progress.done} of ${this.sim.progress.total} replications`}></progress>`
              : nothing
          }
          ${
            busy
              ? html`<button class="cancel" @click=${this._onCancel} title="Stop the run in progress; the last results stay">Cancel</button>`
              : status === 'cancelled'
                ? html`<button class="cancel" @click=${this._onRunAgain}>Run again</button>`
                : nothing
          }
        </div>
        <nav aria-label="Share and export">
          <button @click=${this._onShare}>Share link</button>
          <button @click=${this._onReset} title="Bring back the bundled scenario">Reset</button>
          <button @click=${() => this._export('json')} ?disabled=${!result}>JSON</button>
          <button @click=${() => this._export('csv')} ?disabled=${!result}>CSV</button>
          <button @click=${() => this._export('report')} ?disabled=${!result}>HTML report</button>
          <button @click=${this._onOrderLog} ?disabled=${!result || this.writingLog}
            title="Every purchase, production and customer order of each strategy's first replication, as CSV">${this.writingLog ? 'Order log…' : 'Order log'}</button>
          <button @click=${() => (this.presenting = true)} ?disabled=${!result}>Present</button>
        </nav>
      </header>
      ${
        this.notice
          ? html`<div class="notice" role="alert">
            <p>${this.notice}</p>
            <button @click=${() => (this.notice = null)}>Dismiss</button>
          </div>`
          : nothing
      }
      ${
        this.shareLink
          ? html`<div class="share"><label>Link to this exact scenario and settings <input readonly .value=${this.shareLink} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>
            ${this.shareNote ? html`<p class="share-note" role="note">${this.shareNote}</p>` : nothing}</div>`
          : nothing
      }
      ${this.dataFiles.dragging ? html`<div class="drop-zone" aria-hidden="true"><p>Drop CSV files to give them to the page</p></div>` : nothing}
      <aside>
        <section class="description">
          <h2>${scenario?.name ?? this.scenarioId}</h2>
          <p>${description}</p>
          ${this.renderLesson()}
        </section>
        <section>
          <h2>What if…</h2>
          <strategy-sliders .sliders=${sliders} .replications=${this.replications} .levers=${scenario?.challenge?.levers ?? null}
            @override=${this._onOverride}></strategy-sliders>
        </section>
        <section>
          <scenario-editor .text=${this.text} .file=${this.file} .issues=${issues} ?readonly=${!!scenario?.challenge} @scenario-draft=${this._onDraft} @scenario-input=${this._onEdit}></scenario-editor>
        </section>
        <section>
          <h2>Your data (CSV)</h2>
          <data-files .files=${this.memo('data-files', [this.dataFiles.files, this.dataFiles.kept], () => this.dataFiles.entries())}
            @files-given=${(e: CustomEvent<File[]>) => void this.dataFiles.give(e.detail)} @file-remove=${(e: CustomEvent<string>) => this.dataFiles.remove(e.detail)}></data-files>
        </section>
      </aside>
      <main class=${stale || status === 'invalid' ? 'stale' : ''} aria-busy=${this.sim.busy}>
        ${stale ? html`<p class="stale-note" role="note">Showing the last good results${this.staleReason()}.</p>` : nothing}
        ${
          scenario?.challenge
            ? html`<section class="card wide challenge-card">
              <challenge-panel .challenge=${scenario.challenge} .result=${result} ?stale=${stale || this.sim.busy} currency=${scenario.currency}
                .submission=${this.submission} @challenge-submit=${this._onSubmit}></challenge-panel>
            </section>`
            : nothing
        }
        ${
          result
            ? html`
              ${chartError ? html`<p class="run-error" role="alert">The charts could not be drawn: ${chartError}</p>` : nothing}
              ${result.warnings.length > 0 ? html`<warning-list .warnings=${result.warnings}></warning-list>` : nothing}
              ${
                scenario?.play
                  ? html`<section class="card wide play-card">
                    <h2>Play the ${scenario.play.item} yourself</h2>
                    <play-panel .scenario=${scenario} .orders=${this.play} @play-change=${this._onPlayChange} @play-share=${this._onShare}></play-panel>
                  </section>`
                  : nothing
              }
              <section class="card wide">
                <h2>Plant</h2>
                <plant-diagram .scenario=${scenario} .result=${result} name=${fileStem(result.scenario)}></plant-diagram>
              </section>
              <section class="card wide">
                <h2>Comparison</h2>
                <comparison-list .result=${result}></comparison-list>
              </section>
              ${charts.map(
                (c) => html`<section class="card ${WIDE_CHARTS.has(c.id) ? 'wide' : ''}">
                ${this.chartPicker(c.id, result, items)}
                <chart-view id=${`chart-${c.id}`} name=${`${fileStem(result.scenario)}-${c.id}`} .spec=${c.spec}></chart-view>
              </section>`,
              )}
              ${this.renderMrpRecord(result)}
              <section class="card wide replay">
                <h2>Replay the first replication</h2>
                <replay-panel .scenario=${scenario} .result=${result} name=${fileStem(result.scenario)}></replay-panel>
              </section>
              <section class="card wide">
                <h2>KPIs (${result.replications === 1 ? 'mean of 1 replication, no intervals' : `mean ± 95% half-width, ${result.replications} replications`})</h2>
                <kpi-table .result=${result} .colours=${colours}></kpi-table>
              </section>
              ${this.renderTheory(result)}
              ${this.renderSweep(result, strategies)}
            `
            : this.renderEmpty()
        }
        <section class="card wide fit">
          <h2>Fit a distribution to your data</h2>
          <fit-panel .files=${this.dataFiles.fitFiles()} .response=${this.fit.response} .subject=${this.fit.subject} ?fitting=${this.fit.running}
            @fit-request=${this._onFitRequest}></fit-panel>
        </section>
      </main>
      ${
        this.presenting && result
          ? html`<presentation-view .charts=${charts} .result=${result} @close=${() => (this.presenting = false)}></presentation-view>`
          : nothing
      }
    `;
  }

  /** The picker above a chart that shows one of several: the stock chart's item, the forecast's item, the planned load's machine. */
  private chartPicker(id: string, result: ExperimentResult, items: string[]) {
    const picker = (label: string, options: string[], chosen: string, pick: (value: string) => void) =>
      options.length > 1
        ? html`<label class="item-picker">${label} <select @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
            ${options.map((o) => html`<option .value=${o} ?selected=${o === chosen}>${o}</option>`)}</select></label>`
        : nothing;
    if (id === 'stock') return picker('Item', items, this.item, (v) => (this.item = v));
    if (id === 'forecast') return picker('Forecast of', forecastItems(result), this.forecastItem, (v) => (this.forecastItem = v));
    if (id === 'load') return picker('Machine', loadMachines(result), this.loadMachine, (v) => (this.loadMachine = v));
    if (id === 'timeline') return picker('Machine', timelineMachines(result), this.timelineMachine, (v) => (this.timelineMachine = v));
    return nothing;
  }

  /** The MRP record card, when some strategy planned with MRP. */
  private renderMrpRecord(result: ExperimentResult) {
    const strategies = this.memo('planning', [result], () =>
      result.strategies.map((s): StrategyPlanning => ({ name: s.name, planning: s.series?.planning ?? null })),
    );
    if (!strategies.some((s) => (s.planning?.runs.length ?? 0) > 0)) return nothing;
    return html`<section class="card wide">
      <h2>MRP record</h2>
      <mrp-record .strategies=${strategies} unit=${result.time.unit} .start=${result.time.start} .warmup=${result.time.warmup}></mrp-record>
    </section>`;
  }

  private renderTheory(result: ExperimentResult) {
    const { rows, error } = this.memo('theory', [result, this.sim.scenario], () => this.theory(result));
    return html`<section class="card">
      <h2>Theory beside the simulation</h2>
      ${error ? html`<p class="run-error" role="alert">The formulas could not be computed: ${error}</p>` : html`<theory-panel .rows=${rows}></theory-panel>`}
    </section>`;
  }

  private renderSweep(result: ExperimentResult, strategies: string[]) {
    // A sweep or a search for the best over the levers would hand students the answer.
    if (this.sim.scenario?.challenge)
      return html`<section class="card wide">
        <h2>Sweep</h2>
        <p class="sweep-note" role="note">Sweeps and the search for the best are off in a challenge: the levers are yours to try.</p>
      </section>`;
    const { sweepStatus, sweepProgress, sweepKind, optimum } = this.sim;
    const { spec, error } = sweepStatus === 'done' ? this.sweepSpec() : { spec: null, error: null };
    const progress =
      sweepStatus !== 'running' || !sweepProgress
        ? ''
        : sweepProgress.replications === undefined
          ? `${sweepProgress.done} of ${sweepProgress.total} cells`
          : `${sweepProgress.replications} replications, ${sweepProgress.total - sweepProgress.done} of ${sweepProgress.total} cells left`;
    const job = sweepKind === 'optimize' ? 'search for the best' : 'sweep';
    const shown = sweepStatus === 'done' && (optimum ?? this.sim.sweep) !== null;
    return html`<section class="card wide">
      <h2>Sweep</h2>
      <sweep-panel .sliders=${this.sliders} .strategies=${strategies} .result=${result} currency=${this.sim.scenario?.currency ?? ''}
        ?running=${sweepStatus === 'running'} task=${sweepKind} .progress=${progress} @sweep-request=${this._onSweep} @optimize-request=${this._onOptimize}></sweep-panel>
      ${sweepStatus === 'error' ? html`<p class="sweep-error" role="alert">The ${job} could not run: ${this.sim.sweepError}</p>` : nothing}
      ${sweepStatus === 'cancelled' ? html`<p class="sweep-note" role="note">The ${job} was stopped${this.sim.sweepError === 'cancelled' ? '' : `: ${this.sim.sweepError}`}.</p>` : nothing}
      ${error ? html`<p class="sweep-error" role="alert">The ${sweepKind === 'optimize' ? 'chart of the search' : 'sweep chart'} could not be drawn: ${error}</p>` : nothing}
      ${shown && optimum ? this.renderOptimum(optimum) : nothing}
      ${
        shown && spec
          ? html`<chart-view id=${optimum ? 'chart-optimum' : 'chart-sweep'} name=${`${fileStem(result.scenario)}-${optimum ? 'best' : 'sweep'}`} .spec=${spec}></chart-view>`
          : nothing
      }
    </section>`;
  }

  /**
   * The outcome of "Find the best" in the simulation's own sentences, as the CLI prints them: how a
   * grid too large to visit was searched (when it was), the best cell, the guarantee, the replications spent.
   */
  private renderOptimum(optimum: OptimizeResult) {
    const sentences = this.memo('optimum-sentences', [optimum], () => optimizeSentences(optimum));
    return html`<div class="optimum">
      ${sentences.search === null ? nothing : html`<p class="optimum-search">${sentences.search}</p>`}
      <p class="optimum-best">${sentences.best}</p>
      <p class="optimum-guarantee">${sentences.guarantee}</p>
      <p class="optimum-replications">${sentences.replications}</p>
    </div>`;
  }

  /** What the results area says before any results: running, the problems, or why nothing ran. */
  private renderEmpty() {
    switch (this.sim.status) {
      case 'checking':
        return html`<p class="empty">Checking the scenario…</p>`;
      case 'running':
        return html`<p class="empty">Simulating…</p>`;
      case 'invalid':
        return html`<p class="empty">The scenario has problems: see the list beside the editor.</p>`;
      case 'refused':
        return html`<p class="run-error" role="alert">The page did not load this scenario: ${this.sim.error}.</p>`;
      case 'error':
        return html`<p class="run-error" role="alert">The run failed: ${this.sim.error}.</p>`;
      case 'cancelled':
        return html`<p class="empty">The run was cancelled. Press Run again, or change a setting.</p>`;
      default:
        return html`<p class="empty"></p>`;
    }
  }

  /** Why the results shown are not those of the scenario as it stands, to follow "Showing the last good results". */
  private staleReason(): string {
    switch (this.sim.status) {
      case 'invalid':
        return ': fix the scenario to update them';
      case 'refused':
        return `. The page did not load the new scenario: ${this.sim.error}`;
      case 'cancelled':
        return ': the run was cancelled';
      case 'error':
        return `. The run failed: ${this.sim.error}`;
      default:
        return ': they are being updated';
    }
  }

  private statusText(): string {
    const { progress } = this.sim;
    switch (this.sim.status) {
      case 'checking':
        return 'Checking the scenario…';
      case 'running':
        return progress ? `Simulating… ${progress.done} of ${progress.total} replications` : 'Simulating…';
      case 'done': {
        const n = this.sim.result?.replications;
        return `${n} replication${n === 1 ? '' : 's'} in ${Math.round(this.sim.elapsedMs)} ms`;
      }
      case 'invalid':
        return `${this.sim.issues.length} problem${this.sim.issues.length === 1 ? '' : 's'} in the scenario`;
      case 'refused':
        return 'Not loaded: see the message below';
      case 'error':
        return 'Run failed: see the message below';
      case 'cancelled':
        return 'Cancelled';
      default:
        return 'Starting…';
    }
  }

  private _onCancel(): void {
    this.sim.cancel();
  }

  private _onRunAgain(): void {
    void this.rerun();
  }

  /** The scenario's place in the course (sim/report/course.ts) and a button to the next lesson; nothing for a scenario that is not a lesson. */
  private renderLesson() {
    const place = coursePlace(this.scenarioId);
    if (place === null) return nothing;
    return html`<nav class="lesson" aria-label="Lesson path">
      <span>Lesson ${place.number} of ${place.total}: ${place.lesson.title}</span>
      ${
        place.next
          ? html`<button @click=${() => this.openBundled(place.next!.scenario)} title=${`Open ${place.next.scenario}`}>Next lesson: ${place.next.title} →</button>`
          : html`<span>The last lesson of the course.</span>`
      }
    </nav>`;
  }

  private _onPick(event: Event): void {
    this.openBundled((event.target as HTMLSelectElement).value);
  }

  /** Opens a bundled scenario afresh: its text, no overrides, its own replications. */
  private openBundled(id: string): void {
    const bundled = bundledById(id);
    if (!bundled) return;
    this.scenarioId = id;
    this.text = bundled.text;
    this.overrides = {};
    this.play = null;
    this.replications = this.fileReplications(bundled.text);
    this.sim.sweep = null;
    this.sim.optimum = null;
    this.sliders = [];
    this.shareLink = '';
    this.notice = null;
    void this.rerun();
  }

  private _onDraft(event: CustomEvent<string>): void {
    // Saved before it is checked, so nothing typed is lost on reload; a reload checks it like a link.
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
    const bundled = bundledById(this.scenarioId) ?? BUNDLED[0];
    this.scenarioId = bundled.id;
    this.text = bundled.text;
    this.overrides = {};
    this.play = null;
    this.replications = this.fileReplications(bundled.text);
    this.shareLink = '';
    this.shareNote = null;
    this.sliders = [];
    this.notice = null;
    void this.rerun();
  }

  /** The challenge card's Submit: the share link (fingerprint, lever values), and whether a grader would take it. */
  private async _onSubmit(): Promise<void> {
    const challenge = this.sim.scenario?.challenge;
    if (!challenge) return;
    try {
      const fingerprint = await challengeFingerprint(this.text);
      const { hash } = await shareWithFiles({ ...this.session, fingerprint }, filesNamedIn(this.text, this.dataFiles.files));
      const locked = Object.keys(this.overrides).filter((path) => isLocked(path, challenge.levers));
      // A bundled challenge's text travels only when it was edited here (a file of one's own always travels, as it is).
      const bundled = bundledById(this.scenarioId);
      const edited = bundled !== undefined && this.session.text !== undefined;
      this.submission = {
        link: `${location.origin}${location.pathname}${location.search}${hash}`,
        values: this.overrides,
        file: bundled?.file ?? `${this.sim.scenario!.name} (the file that was opened)`,
        fingerprint,
        refusedBecause: edited
          ? 'the file was edited on this page (a submission may move only the levers)'
          : locked.length > 0
            ? `it moves locked fields: ${locked.join(', ')}`
            : null,
      };
    } catch (error) {
      this.notice = `The submission link could not be made: ${errorMessage(error)}.`;
    }
  }

  /** `state` with the game as it stands now: turns played while a run was under way are not lost when it saves. */
  private withGame(state: ShareState): ShareState {
    const saved: ShareState = { ...state };
    delete saved.play;
    if (this.play !== null) saved.play = this.play;
    return saved;
  }

  /** A move in the game (play-panel): the orders so far, kept in the session at once so a reload goes on from here. */
  private _onPlayChange(event: CustomEvent<number[] | null>): void {
    this.play = event.detail;
    this.shareLink = '';
    saveSession(this.session);
  }

  private async _onShare(): Promise<void> {
    // The link is shown and copied, not put in the address bar: later edits must not be shadowed by it.
    try {
      // The link carries the user's files the scenario names, as long as the link stays short enough to send.
      // A challenge's links carry its fingerprint, so that `sawtooth grade` knows which challenge a submission answers.
      const challenge = this.sim.scenario?.challenge ? { fingerprint: await challengeFingerprint(this.text) } : {};
      const { hash, left } = await shareWithFiles({ ...this.session, ...challenge }, filesNamedIn(this.text, this.dataFiles.files));
      this.shareLink = `${location.origin}${location.pathname}${location.search}${hash}`;
      this.shareNote = leftOutMessage(left);
    } catch (error) {
      this.notice = `The link could not be made: ${errorMessage(error)}.`;
      return;
    }
    try {
      await navigator.clipboard?.writeText(this.shareLink);
    } catch {
      // No clipboard permission (or headless): the link is shown in the box to copy by hand.
    }
  }

  /** The user's files changed: the runs read them from now on, and a scenario that names one runs again. */
  private filesChanged({ names, message }: FilesChange): void {
    this.sim.setUserFiles(this.dataFiles.files);
    if (message) this.notice = message;
    this.shareLink = '';
    this.shareNote = null;
    if (names.some((name) => this.text.includes(name))) void this.rerun();
  }

  private async _onFitRequest(event: CustomEvent<FitPanelRequest>): Promise<void> {
    const subject = event.detail;
    const text = this.dataFiles.text(subject.file);
    if (text === undefined) return;
    this.cancelFit();
    const { done, cancel } = fitInWorker({ file: subject.file, text, request: subject.request });
    this.cancelFit = cancel;
    this.fit = { ...this.fit, running: true };
    const response = await done;
    if (response.kind === 'failed' && response.message === 'cancelled') return;
    this.fit = { response, subject, running: false };
  }

  private _onSweep(event: CustomEvent<SweepRequest>): void {
    const { axes, kpi, strategy } = event.detail;
    void this.sim.runSweep({ text: this.text, file: this.file, overrides: this.overrides, replications: Math.min(this.replications, 10) }, axes, kpi, strategy);
  }

  private _onOptimize(event: CustomEvent<OptimizeRequest>): void {
    const { axes, objective, strategy, delta, confidence, constraints } = event.detail;
    void this.sim.runOptimize({ text: this.text, file: this.file, overrides: this.overrides }, axes, objective, { strategy, delta, confidence, constraints });
  }

  private async _onOrderLog(): Promise<void> {
    const result = this.sim.result;
    if (!result) return;
    this.writingLog = true;
    try {
      const { csv, truncated } = await this.sim.orderLog();
      download(`${fileStem(result.scenario)}-orders.csv`, csv, 'text/csv');
      if (truncated.length > 0) {
        this.notice = `The order log of ${truncated.join(', ')} stops after ${MAX_LOGGED_ORDERS.toLocaleString('en-US')} orders; shorten time.horizon for the whole log.`;
      }
    } catch (error) {
      this.notice = `The order log could not be written: ${errorMessage(error)}.`;
    } finally {
      this.writingLog = false;
    }
  }

  private async _export(kind: ExportKind): Promise<void> {
    try {
      await this.plantPart;
      const plant = this.plantDiagram?.svgText() ?? null;
      const figures = plant === null ? [] : [{ title: `${fileStem(this.sim.result!.scenario)}-plant`, svg: plant }];
      await exportResults(kind, this.sim.result!, this.text, this.sim.scenario?.description ?? '', [...this.chartViews], figures);
    } catch (error) {
      this.notice = `The ${kind === 'report' ? 'HTML report' : kind.toUpperCase()} export failed: ${errorMessage(error)}.`;
    }
  }
}

/** Charts that take the whole width: bars side by side, and panels per strategy over time. */
const WIDE_CHARTS = new Set(['kpis', 'stock', 'forecast', 'load', 'timeline']);

/** The bundled scenario with this id; only the list's own entries (any name a link gives is safe). */
function bundledById(id: string): BundledScenario | undefined {
  return BUNDLED.find((b) => b.id === id);
}

declare global {
  interface HTMLElementTagNameMap {
    'sawtooth-app': SawtoothApp;
  }
}
