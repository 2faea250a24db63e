import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { fromErrorData, isErrorData } from '../engine/index.js';
import type { RunResult } from '../model/index.js';
import type { Executor, ScenarioSource } from './experiment.js';
import type { PoolTask, SharedFiles } from './pool-worker.js';

// The worker runs compiled JavaScript: from the sources (under vitest) use the build in dist/.
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/sim/experiment/pool-worker.js', import.meta.url)
  : new URL('./pool-worker.js', import.meta.url);

/** Replications per message to a thread at most. */
const MAX_BATCH = 64;

/**
 * An executor that spreads replications over worker threads (piscina). Each worker loads the
 * scenario from its source once and runs tasks; results are folded in task order, so the numbers
 * are those of a serial run, bit for bit. A source's `files` (its CSV traces, read once by the
 * caller) go to the workers in shared memory; a source without them lets workers read the
 * traces themselves. Call `close()` when done.
 */
export function workerPool(threads = availableParallelism()): { execute: Executor; close: () => Promise<void> } {
  const pool = new Piscina<PoolTask, RunResult[]>({ filename: workerUrl.href, minThreads: threads, maxThreads: threads });
  const execute: Executor = async (source, _scenario, tasks, onResult) => {
    // Small batches (few messages, yet threads that finish close together) and a bounded number
    // in flight: results that arrive ahead of a slow batch wait for it, and no more than the
    // window of them can, however many replications there are.
    const size = Math.min(MAX_BATCH, Math.max(1, Math.ceil(tasks.length / (threads * 4))));
    const { files, ...rest } = source;
    const shared = files === undefined ? null : sharedFiles(files);
    const window = size * threads * 4;
    const running = new Set<number>();
    let waiting: (() => void)[] = [];
    let next = 0;
    let failed = false;
    let failure: { error: unknown } | undefined;
    const lane = async (): Promise<void> => {
      while (next < tasks.length && !failed) {
        // A lane that would run too far ahead of the oldest batch still running waits for it.
        if (running.size > 0 && next - Math.min(...running) >= window) {
          await new Promise<void>((wake) => waiting.push(wake));
          continue;
        }
        const from = next;
        next = Math.min(tasks.length, next + size);
        running.add(from);
        try {
          const runs = await pool.run({ source: rest, files: shared, tasks: tasks.slice(from, next) });
          runs.forEach((run, i) => onResult(from + i, run));
        } catch (error) {
          failed = true; // the other lanes stop taking batches: they would fail the same way
          // A stall or too-large stop comes as its data (see pool-worker.ts): the same error again.
          failure ??= { error: isErrorData(error) ? fromErrorData(error) : error };
        } finally {
          running.delete(from);
          const wake = waiting;
          waiting = [];
          wake.forEach((f) => f());
        }
      }
    };
    // The first failure is thrown once every lane has ended, its batch in flight answered: a caller
    // that then closes the pool leaves no answer on its way (piscina would throw it as an uncaught
    // 'Unexpected message from Worker').
    await Promise.all(Array.from({ length: threads * 2 }, lane));
    if (failure !== undefined) throw failure.error;
  };
  return { execute, close: () => pool.destroy() };
}

// One shared buffer per files object (a sweep's cells share theirs): messages then carry a
// reference, not a copy of a trace that may be hundreds of megabytes.
const shared = new WeakMap<Record<string, string>, SharedFiles>();
let nextId = 0;

function sharedFiles(files: NonNullable<ScenarioSource['files']>): SharedFiles {
  let found = shared.get(files);
  if (found !== undefined) return found;
  const encoded = Object.entries(files).map(([path, text]) => [path, Buffer.from(text, 'utf8')] as const);
  const buffer = new SharedArrayBuffer(encoded.reduce((n, [, bytes]) => n + bytes.length, 0));
  const entries: SharedFiles['entries'] = [];
  let at = 0;
  for (const [path, bytes] of encoded) {
    new Uint8Array(buffer, at, bytes.length).set(bytes);
    entries.push([path, at, at + bytes.length]);
    at += bytes.length;
  }
  found = { id: nextId++, buffer, entries };
  shared.set(files, found);
  return found;
}
