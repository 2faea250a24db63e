import { Fifo, fromErrorData, type Executor, type ReplicationTask, type RunResult, type Scenario } from '../../sim/index.js';
import { errorMessage, type BatchRequest, type BatchResponse } from './protocol.js';

/** Thrown into an experiment that was cancelled (by a newer run, or by the user). */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** How long one replication may run in a worker before the page stops it. */
export const REPLICATION_BUDGET_MS = 30_000;

/** Thrown into an experiment whose replication ran past the time budget (its worker was terminated). */
export class RunTooLong extends Error {
  constructor(budgetMs: number) {
    super(
      `a replication ran for more than ${Math.round(budgetMs / 1000)} s, so the page stopped it: shorten time.horizon, ` +
        'check for a demand gap or process time near zero, or run the scenario with the command line (npx sawtooth run FILE), which has no time limit',
    );
    this.name = 'RunTooLong';
  }
}

/** One run's or one sweep's share of the pool: an Executor whose batches are cancelled together. */
export interface PoolGroup {
  readonly execute: Executor;
  /**
   * Drops the group's queued batches (their experiments reject with Cancelled). Batches already
   * running are stopped when `now` is set or when they have run over a second (a huge horizon
   * typed by mistake); quick ones are left to finish, which is cheaper than a new worker.
   */
  cancel(now?: boolean): void;
}

interface Group {
  cancelled: boolean;
}

interface Job {
  group: Group;
  started: number;
  timer?: ReturnType<typeof setTimeout>;
  /** The batch, without its scenario (added when the worker it goes to does not hold it). */
  request: BatchRequest;
  scenario: Scenario;
  /** Results still to come. */
  remaining: number;
  onRun: (index: number, run: RunResult) => void;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Web Workers sharing replications: batches go to whichever worker is free, so a run uses every
 * core. A worker that fails, or whose replication runs past the time budget, is terminated and
 * replaced, and its experiment rejects with the reason; the page never waits on a stuck run.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue = new Fifo<Job>();
  private nextBatch = 0;
  /** A key per scenario handed to the workers, and the key each worker holds the scenario of. */
  private readonly keys = new WeakMap<Scenario, number>();
  private nextKey = 0;
  private readonly holds = new Map<Worker, number>();

  constructor(
    private readonly size: number,
    private readonly budgetMs = REPLICATION_BUDGET_MS,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./replication-worker.ts', import.meta.url), { type: 'module', name: 'sawtooth' });
    worker.onmessage = (event: MessageEvent<BatchResponse>) => this.message(worker, event.data);
    worker.onerror = (event) => {
      // Reported to the page as its run's message, not as an uncaught error.
      event.preventDefault();
      this.replace(worker, new Error(`a simulation worker failed: ${event.message || 'no reason given (out of memory?)'}`));
    };
    worker.onmessageerror = () => this.replace(worker, new Error('a simulation worker sent results the page could not read'));
    return worker;
  }

  /** A new group of batches: one per run or sweep. */
  group(): PoolGroup {
    const group: Group = { cancelled: false };
    return {
      execute: (_source, scenario, tasks, onResult) => this.execute(group, scenario, tasks, onResult),
      cancel: (now = false) => this.cancel(group, now),
    };
  }

  private async execute(group: Group, scenario: Scenario, tasks: ReplicationTask[], onResult: Parameters<Executor>[3]): Promise<void> {
    if (group.cancelled) throw new Cancelled();
    const size = Math.max(1, Math.ceil(tasks.length / (this.size * 3)));
    let key = this.keys.get(scenario);
    if (key === undefined) this.keys.set(scenario, (key = this.nextKey++));
    const batches: Promise<void>[] = [];
    for (let from = 0; from < tasks.length; from += size) {
      const batch = tasks.slice(from, from + size);
      batches.push(
        new Promise<void>((resolve, reject) => {
          const onRun = (index: number, run: RunResult): void => onResult(from + index, run);
          const request = { batch: this.nextBatch++, key, tasks: batch };
          this.queue.push({ group, started: 0, request, scenario, remaining: batch.length, onRun, resolve, reject });
          this.dispatch();
        }),
      );
    }
    try {
      await Promise.all(batches);
      if (group.cancelled) throw new Cancelled();
    } catch (error) {
      // One batch failed (or ran too long): its siblings would only fail the same way.
      if (!(error instanceof Cancelled)) this.cancel(group, true);
      throw error;
    }
  }

  private cancel(group: Group, now: boolean): void {
    group.cancelled = true;
    // Queued batches of the group reject now; dispatch skips them when they reach the head.
    this.queue.forEach((job) => {
      if (job.group === group) job.reject(new Cancelled());
    });
    const time = performance.now();
    for (const [worker, job] of [...this.busy]) {
      if (job.group !== group) continue;
      if (now || time - job.started >= 1000) this.replace(worker, new Cancelled());
      else job.reject(new Cancelled()); // its results, when they come, are dropped
    }
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.size > 0) {
      const job = this.queue.shift()!;
      if (job.group.cancelled) continue;
      const worker = this.idle.pop()!;
      job.started = performance.now();
      this.busy.set(worker, job);
      this.arm(worker, job);
      try {
        // The scenario is cloned to a worker only when it does not hold it yet.
        const held = this.holds.get(worker) === job.request.key;
        worker.postMessage(held ? job.request : { ...job.request, scenario: job.scenario });
        this.holds.set(worker, job.request.key);
      } catch (error) {
        this.replace(worker, new Error(`the scenario could not be handed to a simulation worker: ${errorMessage(error)}`));
      }
    }
  }

  /** (Re)starts the job's time budget: it runs out only if one replication takes longer than budgetMs. */
  private arm(worker: Worker, job: Job): void {
    clearTimeout(job.timer);
    job.timer = setTimeout(() => this.replace(worker, new RunTooLong(this.budgetMs)), this.budgetMs);
  }

  /** Terminates `worker` (stuck, failed or cancelled), starts a fresh one and rejects its job with `error`. */
  private replace(worker: Worker, error: Error): void {
    const job = this.busy.get(worker);
    worker.terminate();
    this.busy.delete(worker);
    this.holds.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    this.idle.push(this.spawn());
    if (job) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.dispatch();
  }

  private message(worker: Worker, response: BatchResponse): void {
    const job = this.busy.get(worker);
    if (job === undefined || job.request.batch !== response.batch) return;
    if ('run' in response) {
      this.arm(worker, job);
      if (!job.group.cancelled) job.onRun(response.index, response.run);
      if (--job.remaining > 0) return;
    }
    clearTimeout(job.timer);
    this.busy.delete(worker);
    this.idle.push(worker);
    // A stall or too-large stop is rejected as its own class again (the page shows its message).
    if ('error' in response) job.reject(response.data !== undefined ? fromErrorData(response.data) : new Error(response.error));
    else job.resolve();
    this.dispatch();
  }
}
