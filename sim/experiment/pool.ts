import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RunResult } from '../model/index.js';
import type { Executor, ReplicationTask } from './experiment.js';
import type { PoolTask } from './pool-worker.js';

// The worker runs compiled JavaScript: from the sources (under vitest) use the build in dist/.
const workerUrl = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/sim/experiment/pool-worker.js', import.meta.url)
  : new URL('./pool-worker.js', import.meta.url);

/**
 * An executor that spreads replications over worker threads (piscina). Each worker loads the
 * scenario from its source once and runs tasks; results come back in task order, so the numbers
 * are those of a serial run, bit for bit. Call `close()` when done.
 */
export function workerPool(threads = availableParallelism()): { execute: Executor; close: () => Promise<void> } {
  const pool = new Piscina<PoolTask, RunResult[]>({ filename: workerUrl.href, minThreads: threads, maxThreads: threads });
  const execute: Executor = async (source, _scenario, tasks, onDone) => {
    // About four batches per thread: few messages, yet the threads finish close together.
    const size = Math.max(1, Math.ceil(tasks.length / (threads * 4)));
    const batches: ReplicationTask[][] = [];
    for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
    const results = await Promise.all(
      batches.map(async (batch) => {
        const runs = await pool.run({ source, tasks: batch });
        for (let i = 0; i < runs.length; i++) onDone();
        return runs;
      }),
    );
    return results.flat();
  };
  return { execute, close: () => pool.destroy() };
}
