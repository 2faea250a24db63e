import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ScenarioError,
  buildStrategy,
  loadScenario,
  runExperimentWith,
  runSweep,
  type ExperimentResult,
  type PolicySpec,
  type Scenario,
  type ScenarioIssue,
  type SweepAxis,
  type SweepResult,
} from '../sim/index.js';
import { BUNDLED_FILES } from './bundled-scenarios.js';
import { Cancelled, WorkerPool } from './worker/worker-pool.js';

export type RunStatus = 'idle' | 'running' | 'done' | 'invalid' | 'error';

/** What a run asks for: the scenario text and name, slider overrides, replications. */
export interface RunRequest {
  text: string;
  file: string;
  overrides: Record<string, unknown>;
  replications: number;
}

/**
 * Runs simulations for the page: validates in the page (instant errors), runs replications in Web
 * Workers, lets a newer request cancel an older one, and keeps the last good results (marked stale)
 * while the scenario is invalid.
 */
export class SimulationController implements ReactiveController {
  status: RunStatus = 'idle';
  scenario: Scenario | null = null;
  result: ExperimentResult | null = null;
  /** The policies each strategy ran with (numbers resolved), for the reorder-point rules. */
  policies: Record<string, Record<string, PolicySpec>> = {};
  stale = false;
  issues: ScenarioIssue[] = [];
  error: string | null = null;
  /** Wall time of the last run, from request to results, in ms. */
  elapsedMs = 0;
  sweep: SweepResult | null = null;
  sweepStatus: RunStatus = 'idle';
  sweepError = '';
  private pool: WorkerPool | null = null;
  private latest = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.pool ??= new WorkerPool(Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 4)), BUNDLED_FILES);
  }

  hostDisconnected(): void {}

  /** Loads the scenario in the page; on success runs it in the workers. Returns once the run settles. */
  async run(request: RunRequest): Promise<void> {
    const id = ++this.latest;
    const started = performance.now();
    const scenario = this.validate(request);
    if (scenario === null) return;
    this.pool!.cancel();
    this.status = 'running';
    this.host.requestUpdate();
    try {
      const result = await runExperimentWith(this.pool!.execute, { text: request.text, file: request.file, overrides: request.overrides }, scenario, {
        replications: request.replications,
        series: { maxPoints: 600 },
        // Enough samples for the warm-up and trend checks (100, against the CLI's 500): the page reruns on every slider move.
        levelSamples: 100,
      });
      if (id !== this.latest) return;
      this.scenario = scenario;
      this.result = result;
      this.policies = Object.fromEntries(scenario.strategies.map((s) => [s, policiesOf(scenario, s)]));
      this.stale = false;
      this.status = 'done';
      this.error = null;
      this.elapsedMs = performance.now() - started;
    } catch (error) {
      if (error instanceof Cancelled || id !== this.latest) return;
      this.status = 'error';
      this.stale = this.result !== null;
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.host.requestUpdate();
  }

  /** Runs a sweep of one strategy over one or two axes, ranked by `kpi`. */
  async runSweep(request: RunRequest, axes: SweepAxis[], kpi: string, strategy: string): Promise<void> {
    this.sweepStatus = 'running';
    this.host.requestUpdate();
    try {
      this.sweep = await runSweep(this.pool!.execute, { text: request.text, file: request.file, overrides: request.overrides }, { readFile: (p) => BUNDLED_FILES[p] ?? '' }, axes, kpi, {
        replications: request.replications,
        strategy,
      });
      this.sweepStatus = 'done';
    } catch (error) {
      if (error instanceof Cancelled) return;
      this.sweepStatus = 'error';
      this.sweepError = error instanceof ScenarioError ? error.issues.map((i) => i.message).join('; ') : error instanceof Error ? error.message : String(error);
    }
    this.host.requestUpdate();
  }

  private validate(request: RunRequest): Scenario | null {
    try {
      const scenario = loadScenario(request.text, { file: request.file, overrides: request.overrides, readFile: (p) => BUNDLED_FILES[p] ?? '' });
      this.issues = [];
      return scenario;
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      this.issues = error.issues;
      this.status = 'invalid';
      this.stale = this.result !== null;
      this.host.requestUpdate();
      return null;
    }
  }
}

function policiesOf(scenario: Scenario, strategy: string): Record<string, PolicySpec> {
  const { plant } = buildStrategy(scenario, strategy);
  return Object.fromEntries(Object.entries(plant.items).map(([name, item]) => [name, item.policy]));
}
