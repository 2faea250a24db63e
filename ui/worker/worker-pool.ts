import type { Executor, ReplicationTask, RunResult } from '../../sim/index.js';
import type { BatchRequest, BatchResponse, WorkerSource } from './protocol.js';

/** Thrown into an experiment that a newer one replaced. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled by a newer run');
    this.name = 'Cancelled';
  }
}

interface Job {
  started?: number;
  request: BatchRequest;
  resolve: (runs: RunResult[]) => void;
  reject: (error: Error) => void;
}

/**
 * Web Workers sharing replications: batches go to whichever worker is free, so a run uses every
 * core. `cancel()` drops the batches not yet started; the page never waits for a stale run.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private queue: Job[] = [];
  private nextBatch = 0;
  private generation = 0;

  constructor(size: number, private readonly files: Record<string, string>) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./replication-worker.ts', import.meta.url), { type: 'module', name: 'sawtooth' });
    worker.onmessage = (event: MessageEvent<BatchResponse>) => this.finished(worker, event.data);
    worker.onerror = (event) => this.finished(worker, { batch: -1, error: event.message || 'worker failed' });
    return worker;
  }

  /**
   * Drops every queued batch of earlier runs (their experiments reject with Cancelled). A worker
   * stuck on one batch for over a second (a huge horizon typed by mistake) is replaced, so a long
   * run never holds up the next one; quick batches are left to finish, which is cheaper.
   */
  cancel(): void {
    this.generation++;
    const dropped = this.queue;
    this.queue = [];
    for (const job of dropped) job.reject(new Cancelled());
    const now = performance.now();
    for (const [worker, job] of this.busy) {
      if (now - (job.started ?? now) < 1000) continue;
      worker.terminate();
      this.busy.delete(worker);
      this.idle.push(this.spawn());
      job.reject(new Cancelled());
    }
  }

  /** An Executor for runExperimentWith / runSweep that spreads batches over the workers. */
  readonly execute: Executor = async (source, _scenario, tasks, onDone) => {
    const generation = this.generation;
    const size = Math.max(1, Math.ceil(tasks.length / (Math.max(1, this.idle.length + this.busy.size) * 3)));
    const batches: ReplicationTask[][] = [];
    for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
    const workerSource: WorkerSource = { text: source.text, file: source.file, overrides: source.overrides, files: this.files };
    const results = await Promise.all(
      batches.map(
        (batch) =>
          new Promise<RunResult[]>((resolve, reject) => {
            if (generation !== this.generation) return reject(new Cancelled());
            this.queue.push({ request: { batch: this.nextBatch++, source: workerSource, tasks: batch }, resolve: (runs) => {
              for (let i = 0; i < runs.length; i++) onDone();
              resolve(runs);
            }, reject });
            this.dispatch();
          }),
      ),
    );
    if (generation !== this.generation) throw new Cancelled();
    return results.flat();
  };

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      job.started = performance.now();
      this.busy.set(worker, job);
      worker.postMessage(job.request);
    }
  }

  private finished(worker: Worker, response: BatchResponse): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (job) {
      if ('error' in response) job.reject(new Error(response.error));
      else job.resolve(response.runs);
    }
    this.dispatch();
  }
}
