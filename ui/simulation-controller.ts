import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ScenarioError,
  runExperimentReusing,
  type Executor,
  type ExperimentOptions,
  type ExperimentResult,
  type Lever,
  type OptimizeOptions,
  type OptimizeResult,
  type Scenario,
  type ScenarioIssue,
  type SweepAxis,
  type SweepResult,
  filesNamedIn,
  pageFiles,
  type UserFile,
} from '../sim/index.js';
import { orderLogInWorker } from './worker/order-log-client.js';
import { errorMessage, type WorkerFiles } from './worker/protocol.js';
import { RecentRuns } from './worker/recent-runs.js';
import { ScenarioLoader, type LoadOutcome } from './worker/scenario-loader.js';
import { Cancelled, REPLICATION_BUDGET_MS, WorkerPool, type PoolGroup } from './worker/worker-pool.js';

/** Sweeps' code (grid-code.ts), loaded with the first sweep or search for the best. */
let grid: typeof import('./grid-code.js') | null = null;

/**
 * Where a run stands: `checking` (loading in a worker), `running`, then `done`; or `invalid` (the
 * schema's problems), `refused` (the scenario did not load: too large for the page, or the loader
 * failed), `error` (the run failed, with its message) or `cancelled` (by the user).
 */
export type RunStatus = 'idle' | 'checking' | 'running' | 'done' | 'invalid' | 'refused' | 'error' | 'cancelled';

/** What a finished `run` call came to; `superseded` when a newer run (or Cancel) replaced it. */
export type RunOutcome = RunStatus | 'superseded';

/** What a run asks for: the scenario text and name, slider overrides, replications. */
export interface RunRequest {
  text: string;
  file: string;
  overrides: Record<string, unknown>;
  replications: number;
  /** The sliders shown: the run's scenario gets its own (`sliders`), keeping their ranges. */
  sliders?: readonly Lever[];
  /** Points per series the charts draw (about one a pixel: charts/resolution.ts); 600 when absent. */
  seriesPoints?: number;
}

/** The scenario a sweep or a search for the best varies: its text and name, and the sliders' overrides. */
type GridSource = Omit<RunRequest, 'replications'>;

/** How far a sweep is (cells done of all), or a search for the best (cells decided of all, replications spent). */
export interface SweepProgress {
  done: number;
  total: number;
  replications?: number;
}

/** The longest the page may spend preparing a sweep's cells (each is loaded in the page). */
const SWEEP_PREPARE_BUDGET_MS = 15_000;

/** Test hook: a shorter replication budget, set by the browser tests before the page loads. */
function replicationBudgetMs(): number {
  const hook = (globalThis as { sawtoothReplicationBudgetMs?: unknown }).sawtoothReplicationBudgetMs;
  return typeof hook === 'number' && hook > 0 ? hook : REPLICATION_BUDGET_MS;
}

/**
 * Runs simulations for the page: loads the scenario in a worker (the page's limits first), runs
 * replications in Web Workers, lets a newer request or Cancel stop an older one, and keeps the
 * last good results (marked stale) while the scenario is invalid. Nothing the simulation throws
 * escapes: every failure becomes a status and a message.
 */
export class SimulationController implements ReactiveController {
  status: RunStatus = 'idle';
  /** The scenario of the results shown. */
  scenario: Scenario | null = null;
  /** The sliders of that scenario (worked out by the loader's worker, which has the schema). */
  sliders: Lever[] = [];
  result: ExperimentResult | null = null;
  /** The scenario text, name and overrides of the results shown (the order log runs them again). */
  private resultSource: Omit<RunRequest, 'replications'> | null = null;
  stale = false;
  issues: ScenarioIssue[] = [];
  /** Why the last run was refused or failed. */
  error: string | null = null;
  /** Replications finished of the run in progress. */
  progress: { done: number; total: number } | null = null;
  /** Wall time of the last run, from request to results, in ms. */
  elapsedMs = 0;
  sweep: SweepResult | null = null;
  /** The scenario the sweep's strategy was taken from, for the formula drawn over a cost curve. */
  sweepScenario: Scenario | null = null;
  /** The last search for the best cell ("Find the best"); null when the sweep card shows a sweep. */
  optimum: OptimizeResult | null = null;
  /** What the sweep card's last job was: a sweep, or a search for the best cell. */
  sweepKind: 'sweep' | 'optimize' = 'sweep';
  sweepStatus: RunStatus = 'idle';
  sweepError = '';
  sweepProgress: SweepProgress | null = null;
  private pool: WorkerPool | null = null;
  private loader: ScenarioLoader | null = null;
  private runGroup: PoolGroup | null = null;
  private sweepGroup: PoolGroup | null = null;
  private latest = 0;
  /** The CSV files the user gave the page, and how many times they have changed (workers keep loaded scenarios per version). */
  private userFiles: readonly UserFile[] = [];
  private filesVersion = 0;
  /**
   * The replications of the last runs by strategy run key: a slider move re-runs only the
   * strategies it changed (their keys). Kept for one scenario file and one version of the files.
   */
  private readonly recent = new RecentRuns();
  private recentFor = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.pool ??= new WorkerPool(Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4)), replicationBudgetMs());
    this.loader ??= new ScenarioLoader({ files: new Map(), filesKey: '0' });
  }

  hostDisconnected(): void {}

  /** The user's CSV files, read by every load and run from now on (`trace: orders.csv`). */
  setUserFiles(files: readonly UserFile[]): void {
    this.userFiles = files;
    this.filesVersion++;
  }

  /**
   * The user's files a scenario's loads read (beside the bundled ones, which the loaders have):
   * those its text names (the only ones its traces can name), so a large file the scenario does not
   * use is not copied to a worker on every slider move.
   */
  private filesFor(text: string): WorkerFiles {
    return { files: pageFiles(new Map(), filesNamedIn(text, this.userFiles)), filesKey: String(this.filesVersion) };
  }

  /** Loads a scenario only, to see whether the page takes it (a link's, a saved session's). Never rejects. */
  check(source: { text: string; file: string; overrides: Record<string, unknown> }): Promise<LoadOutcome> {
    return this.loader!.load({ ...source, ...this.filesFor(source.text) });
  }

  /** True while a run is being checked or simulated. */
  get busy(): boolean {
    return this.status === 'checking' || this.status === 'running';
  }

  /**
   * Loads the scenario in a worker; when it loads, runs it in the workers. `onChecked` is called
   * once the text is known to be one the page can take (it loaded, or it has problems the editor
   * lists), before the run. Settles when the run does; never rejects.
   */
  async run(request: RunRequest, onChecked: () => void = () => {}): Promise<RunOutcome> {
    const id = ++this.latest;
    const started = performance.now();
    this.runGroup?.cancel();
    if (this.sweepStatus === 'running') this.stopSweep('the scenario or a setting changed; run it again');
    this.status = 'checking';
    this.progress = null;
    this.host.requestUpdate();
    const files = this.filesFor(request.text);
    const loaded = await this.loader!.load({ text: request.text, file: request.file, overrides: request.overrides, ...files, sliders: request.sliders ?? [] });
    if (id !== this.latest || loaded.kind === 'superseded') return 'superseded';
    if (loaded.kind === 'loaded' || loaded.kind === 'invalid') onChecked();
    if (loaded.kind !== 'loaded') {
      this.issues = loaded.kind === 'invalid' ? loaded.issues : [];
      this.error = loaded.kind === 'invalid' ? null : loaded.message;
      // A scenario that does not load for a reason other than its problems (too large, or the
      // loader failed) is refused: nothing of it runs or is kept.
      return this.settle(loaded.kind === 'invalid' ? 'invalid' : 'refused');
    }
    const scenario = loaded.scenario;
    this.issues = [];
    const group = (this.runGroup = this.pool!.group());
    this.status = 'running';
    this.host.requestUpdate();
    let shown = 0;
    const runsFor = `${request.file}\u0000${this.filesVersion}`;
    if (runsFor !== this.recentFor) {
      this.recent.clear();
      this.recentFor = runsFor;
    }
    try {
      const source = { text: request.text, file: request.file, overrides: request.overrides };
      const options: ExperimentOptions = {
        replications: request.replications,
        // With what the replay panel reads (machines' queues) beyond the charts' series.
        series: { maxPoints: request.seriesPoints ?? 600, replay: true },
        // Enough samples for the warm-up and trend checks (100, against the CLI's 500): the page reruns on every slider move.
        levelSamples: 100,
        onProgress: (done, total) => {
          if (id !== this.latest) return;
          this.progress = { done, total };
          // A quick run finishes dozens of replications a second: the page redraws the count at most four times a second.
          if (performance.now() - shown < 250) return;
          shown = performance.now();
          this.host.requestUpdate();
        },
      };
      const result = await runExperimentReusing(group.execute, source, scenario, options, this.recent);
      if (id !== this.latest) return 'superseded';
      this.scenario = scenario;
      this.sliders = loaded.sliders ?? [];
      this.result = result;
      this.resultSource = source;
      this.error = null;
      this.elapsedMs = performance.now() - started;
      return this.settle('done');
    } catch (error) {
      if (id !== this.latest) return 'superseded';
      this.error = error instanceof Cancelled ? null : errorMessage(error);
      return this.settle(error instanceof Cancelled ? 'cancelled' : 'error');
    }
  }

  private settle(status: RunStatus): RunStatus {
    this.status = status;
    this.stale = status !== 'done' && this.result !== null;
    this.progress = null;
    this.host.requestUpdate();
    return status;
  }

  /** Stops the run (and the sweep) in progress; the last results stay, marked stale. */
  cancel(): void {
    if (this.busy) {
      this.latest++;
      this.loader!.cancel();
      this.runGroup?.cancel(true);
      this.error = null;
      this.settle('cancelled');
    }
    if (this.sweepStatus === 'running') this.stopSweep('cancelled');
  }

  private stopSweep(reason: string): void {
    this.sweepGroup?.cancel(true);
    this.sweepGroup = null;
    this.sweepStatus = 'cancelled';
    this.sweepError = reason;
    this.sweepProgress = null;
    this.host.requestUpdate();
  }

  /**
   * The order log of the results shown as CSV: each strategy's first replication run again with the
   * same seed in a worker of its own (as `sawtooth run --log`), and the strategies whose log was cut.
   */
  orderLog(): Promise<{ csv: string; truncated: string[] }> {
    const result = this.result;
    const source = this.resultSource;
    if (result === null || source === null) return Promise.reject(new Error('there are no results yet'));
    const strategies = result.strategies.map((s) => s.name);
    return orderLogInWorker({ source: { ...source, ...this.filesFor(source.text) }, seed: result.seed, strategies }, replicationBudgetMs() * strategies.length);
  }

  /** Runs a sweep of one strategy over one or two axes, ranked by `kpi`. Never rejects. */
  runSweep(request: RunRequest, axes: SweepAxis[], kpi: string, strategy: string): Promise<void> {
    return this.runGrid('sweep', request, axes, async (execute, source, readFile, progress) => {
      const sweep = await grid!.runSweep(execute, source, { readFile }, axes, kpi, {
        replications: request.replications,
        strategy,
        onProgress: (done, total) => progress({ done, total }),
      });
      return () => {
        this.sweepScenario = this.scenario;
        this.sweep = sweep;
        this.optimum = null;
      };
    });
  }

  /**
   * Finds the best cell of one strategy over one or two axes by `objective`, subject to the
   * constraints, with runOptimize's guarantee (the same result as `sawtooth optimize`). Never rejects.
   */
  runOptimize(request: GridSource, axes: SweepAxis[], objective: string, options: Omit<OptimizeOptions, 'onProgress'>): Promise<void> {
    const cells = axes.reduce((n, axis) => n * axis.values.length, 1);
    return this.runGrid('optimize', request, axes, async (execute, source, readFile, progress) => {
      if (!(options.delta > 0 && Number.isFinite(options.delta))) throw new Error(`δ must be a number above 0, got ${options.delta}`);
      const optimum = await grid!.runOptimize(execute, source, { readFile }, axes, objective, {
        ...options,
        onProgress: (replications, contending) => progress({ done: cells - contending, total: cells, replications }),
      });
      return () => {
        this.optimum = optimum;
        this.sweep = null;
      };
    });
  }

  /**
   * What a sweep and a search for the best share: one pool group of their own (a newer one, a
   * slider move or Cancel stops it), the page's limit on the cells, progress, and every failure
   * turned into the card's status and message. `work` runs the cells and returns how to keep its
   * result, called only if nothing newer replaced it. Never rejects.
   */
  private async runGrid(
    kind: 'sweep' | 'optimize',
    request: GridSource,
    axes: SweepAxis[],
    work: (execute: Executor, source: GridSource, readFile: (path: string) => string, progress: (p: SweepProgress) => void) => Promise<() => void>,
  ): Promise<void> {
    this.sweepGroup?.cancel(true);
    const files = this.filesFor(request.text);
    const group = (this.sweepGroup = this.pool!.group());
    this.sweepKind = kind;
    this.sweepStatus = 'running';
    this.sweepError = '';
    this.sweepProgress = null;
    this.host.requestUpdate();
    // The cells are loaded in the page (each variant is loaded): let the page paint "Sweeping…" first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (group !== this.sweepGroup) return;
    try {
      grid ??= await import('./grid-code.js');
      if (group !== this.sweepGroup) return;
      const readFile = grid.bundledReader(files.files);
      const source = { text: request.text, file: request.file, overrides: request.overrides };
      this.checkSweepSize(source, readFile, axes, kind);
      const keep = await work(group.execute, source, readFile, (progress) => {
        if (group !== this.sweepGroup) return;
        this.sweepProgress = progress;
        this.host.requestUpdate();
      });
      if (group !== this.sweepGroup) return;
      keep();
      this.sweepStatus = 'done';
    } catch (error) {
      if (group !== this.sweepGroup) return;
      if (error instanceof Cancelled) {
        this.sweepStatus = 'cancelled';
        this.sweepError = 'cancelled';
      } else {
        this.sweepStatus = 'error';
        this.sweepError = error instanceof ScenarioError ? error.issues.map((i) => i.message).join('; ') : errorMessage(error);
      }
    }
    this.sweepProgress = null;
    this.host.requestUpdate();
  }

  /**
   * Refuses a sweep (or a search for the best) whose cells would keep the page busy too long:
   * runSweep and runOptimize load every cell in the page, so a large scenario swept over many cells
   * would freeze it. Timed on one load.
   */
  private checkSweepSize(source: GridSource, readFile: (path: string) => string, axes: SweepAxis[], command: 'sweep' | 'optimize'): void {
    const cells = axes.reduce((n, axis) => n * axis.values.length, 1);
    const load = () => grid!.loadScenario(source.text, { file: source.file, overrides: source.overrides, readFile });
    load(); // the first load in the page warms it up; the second is what each cell costs
    const started = performance.now();
    load();
    const estimate = cells * (performance.now() - started);
    if (estimate > SWEEP_PREPARE_BUDGET_MS) {
      throw new Error(
        `its ${cells} cells would keep the page busy for about ${Math.round(estimate / 1000)} s while they are prepared; take fewer steps, or run the ${command === 'sweep' ? 'sweep' : 'search'} with the command line (npx sawtooth ${command} FILE --vary …)`,
      );
    }
  }
}
