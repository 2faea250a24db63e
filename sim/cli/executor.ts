import { availableParallelism } from 'node:os';
import { runTask, serialExecutor, type Executor } from '../experiment/index.js';
import type { RunResult } from '../model/index.js';
import { workerPool } from '../experiment/pool.js';

/** Estimated serial work (ms) above which worker threads repay their start-up on this machine. */
const PARALLEL_ABOVE_MS = 2000;

/**
 * Serial or parallel, whichever is faster for this work: with `auto`, the first batch of calls
 * (a run's strategies, or every cell of a sweep, which all call at once) is counted, one pilot
 * replication is timed, and worker threads are used only when all that work would take over
 * ~2 s: each thread loads the simulation afresh (~0.2 s), so on 2 cores shorter work runs faster
 * in one thread. Results are identical either way.
 */
export function chooseExecutor(workers: number | 'auto'): { execute: Executor; close: () => Promise<void> } {
  const threads = workers === 'auto' ? Math.min(availableParallelism(), 8) : workers;
  let pool: ReturnType<typeof workerPool> | null = null;
  let decided: Promise<boolean> | null = workers === 'auto' ? null : Promise.resolve(threads > 1);
  let pending = 0;
  let msPerTask = 0;

  const decide = async (pilot: () => void): Promise<boolean> => {
    await Promise.resolve(); // let the other calls of this round register their tasks
    const start = performance.now();
    pilot();
    msPerTask = performance.now() - start;
    return threads > 1 && msPerTask * pending > PARALLEL_ABOVE_MS;
  };

  const execute: Executor = async (source, scenario, tasks, onResult) => {
    if (tasks.length === 0) return;
    pending += tasks.length;
    let piloted = false;
    decided ??= decide(() => {
      piloted = true;
      onResult(0, runTask(scenario, tasks[0]));
    });
    const parallel = await decided;
    const skip = piloted ? 1 : 0;
    const rest = tasks.slice(skip);
    const shifted = (i: number, run: RunResult): void => onResult(i + skip, run);
    if (!parallel) return serialExecutor(source, scenario, rest, shifted);
    pool ??= workerPool(threads);
    return pool.execute(source, scenario, rest, shifted);
  };
  return { execute, close: async () => void (await pool?.close()) };
}
