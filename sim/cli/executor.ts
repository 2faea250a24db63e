import { availableParallelism } from 'node:os';
import { runTask, serialExecutor, type Executor } from '../experiment/index.js';
import { workerPool } from '../experiment/pool.js';

/**
 * Serial or parallel, whichever is faster for this work: with `auto`, a pilot replication is timed
 * and worker threads are used only when the rest would take over ~2 s: each thread loads the
 * simulation afresh (~0.2 s), so on 2 cores shorter work runs faster in one thread.
 * Results are identical either way.
 */
export function chooseExecutor(workers: number | 'auto'): { execute: Executor; close: () => Promise<void> } {
  let pool: ReturnType<typeof workerPool> | null = null;
  const threads = workers === 'auto' ? Math.min(availableParallelism(), 8) : workers;
  const execute: Executor = async (source, scenario, tasks, onDone) => {
    if (threads <= 1 || tasks.length < 4) return serialExecutor(source, scenario, tasks, onDone);
    if (workers === 'auto' && pool === null) {
      const start = performance.now();
      const first = runTask(scenario, tasks[0]);
      onDone();
      const estimate = (performance.now() - start) * (tasks.length - 1);
      if (estimate < 2000) return [first, ...(await serialExecutor(source, scenario, tasks.slice(1), onDone))];
      pool = workerPool(threads);
      return [first, ...(await pool.execute(source, scenario, tasks.slice(1), onDone))];
    }
    pool ??= workerPool(threads);
    return pool.execute(source, scenario, tasks, onDone);
  };
  return { execute, close: async () => void (await pool?.close()) };
}
