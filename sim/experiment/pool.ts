import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RunResult } from '../model/index.js';
import type { Executor, ReplicationTask, ScenarioSource } from './experiment.js';
import type { PoolTask, SharedFiles } from './pool-worker.js';

// The worker runs compiled JavaScript: from the sources (under vitest) use the build in dist/.
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/sim/experiment/pool-worker.js', import.meta.url)
  : new URL('./pool-worker.js', import.meta.url);

/**
 * An executor that spreads replications over worker threads (piscina). Each worker loads the
 * scenario from its source once and runs tasks; results come back in task order, so the numbers
 * are those of a serial run, bit for bit. A source's `files` (its CSV traces, read once by the
 * caller) go to the workers in shared memory; a source without them lets workers read the
 * traces themselves. Call `close()` when done.
 */
export function workerPool(threads = availableParallelism()): { execute: Executor; close: () => Promise<void> } {
  const pool = new Piscina<PoolTask, RunResult[]>({ filename: workerUrl.href, minThreads: threads, maxThreads: threads });
  const execute: Executor = async (source, _scenario, tasks, onDone) => {
    // About four batches per thread: few messages, yet the threads finish close together.
    const size = Math.max(1, Math.ceil(tasks.length / (threads * 4)));
    const batches: ReplicationTask[][] = [];
    for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
    const { files, ...rest } = source;
    const shared = files === undefined ? null : sharedFiles(files);
    const results = await Promise.all(
      batches.map(async (batch) => {
        const runs = await pool.run({ source: rest, files: shared, tasks: batch });
        for (let i = 0; i < runs.length; i++) onDone();
        return runs;
      }),
    );
    return results.flat();
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
