import type { Lever, Scenario, ScenarioIssue } from '../../sim/index.js';
import { errorMessage, type LoadRequest, type LoadResponse, type WorkerFiles, type WorkerSource } from './protocol.js';

/** What loading a scenario gave the page; `superseded` when a newer load replaced it. */
export type LoadOutcome =
  | { kind: 'loaded'; scenario: Scenario; sliders: Lever[] | null; ms: number }
  | { kind: 'invalid'; issues: ScenarioIssue[] }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'superseded' };

/** How long loading one scenario may take before the page stops it. */
export const LOAD_BUDGET_MS = 20_000;

/** A scenario to load: its text, name and overrides, the files it may read (the loader's own when absent), and the sliders shown when its own are wanted. */
export type LoadSource = Omit<WorkerSource, 'files' | 'filesKey'> & Partial<WorkerFiles> & Pick<LoadRequest, 'sliders'>;

interface Pending {
  source: LoadSource;
  resolve: (outcome: LoadOutcome) => void;
}

interface Current {
  id: number;
  started: number;
  timer: ReturnType<typeof setTimeout>;
  resolve: (outcome: LoadOutcome) => void;
}

/**
 * Loads scenarios in a Web Worker (load-worker.ts), one at a time: a newer request replaces one
 * still waiting, and stops one that has been loading for over a second. A load past the time
 * budget, or a worker that fails, is stopped by terminating the worker. `load` never rejects.
 */
export class ScenarioLoader {
  private worker: Worker | null = null;
  private current: Current | null = null;
  private pending: Pending | null = null;
  private nextId = 0;

  constructor(
    private readonly files: WorkerFiles,
    private readonly budgetMs = LOAD_BUDGET_MS,
  ) {}

  load(source: LoadSource): Promise<LoadOutcome> {
    return new Promise((resolve) => {
      this.pending?.resolve({ kind: 'superseded' });
      this.pending = { source, resolve };
      if (this.current && performance.now() - this.current.started >= 1000) this.stop({ kind: 'superseded' });
      else this.next();
    });
  }

  /** Stops the load in progress and drops the waiting one (both resolve `superseded`). */
  cancel(): void {
    this.pending?.resolve({ kind: 'superseded' });
    this.pending = null;
    if (this.current) this.stop({ kind: 'superseded' });
  }

  private next(): void {
    if (this.current || !this.pending) return;
    const { source, resolve } = this.pending;
    this.pending = null;
    const id = ++this.nextId;
    const timer = setTimeout(
      () =>
        this.stop({
          kind: 'failed',
          message: `checking the scenario took longer than ${Math.round(this.budgetMs / 1000)} s, so the page stopped it; run it with the command line instead (npx sawtooth validate FILE)`,
        }),
      this.budgetMs,
    );
    this.current = { id, started: performance.now(), timer, resolve };
    try {
      this.worker ??= this.spawn();
      const files = source.files === undefined ? this.files : { files: source.files, filesKey: source.filesKey };
      const request: LoadRequest = { id, text: source.text, file: source.file, overrides: source.overrides, ...files, sliders: source.sliders };
      this.worker.postMessage(request);
    } catch (error) {
      this.stop({ kind: 'failed', message: `the scenario could not be handed to the loader: ${errorMessage(error)}` });
    }
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { type: 'module', name: 'sawtooth-load' });
    worker.onmessage = (event: MessageEvent<LoadResponse>) => {
      const { id, ...outcome } = event.data;
      if (this.current?.id !== id) return;
      this.settle(outcome as LoadOutcome);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop({ kind: 'failed', message: `the scenario loader failed: ${event.message || 'no reason given (out of memory?)'}` });
    };
    worker.onmessageerror = () => this.stop({ kind: 'failed', message: 'the loaded scenario could not be handed to the page' });
    return worker;
  }

  /** Terminates the worker (a fresh one starts with the next load) and settles the current load. */
  private stop(outcome: LoadOutcome): void {
    this.worker?.terminate();
    this.worker = null;
    this.settle(outcome);
  }

  private settle(outcome: LoadOutcome): void {
    if (this.current) {
      clearTimeout(this.current.timer);
      const { resolve } = this.current;
      this.current = null;
      resolve(outcome);
    }
    this.next();
  }
}
