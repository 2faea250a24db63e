import { availableParallelism, cpus } from 'node:os';
import { runTask, serialExecutor, type Executor, type ReplicationTask, type ScenarioSource } from '../experiment/index.js';
import type { RunResult } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';

/** Replications timed before deciding: the first runs cold (its code not yet compiled, 15–40× slower than later ones), so it never counts as warm. */
export const PILOTS = 3;
/** What starting a worker thread costs on this machine (ms): a thread, and the bundled simulation loaded in it. */
export const THREAD_START_MS = 300;
/** What loading one scenario costs a thread (ms): each thread loads every scenario it is handed (every cell of a sweep). */
export const SCENARIO_LOAD_MS = 50;

/** What the replications timed so far say about the work left, and what a pool would have to run it. */
export interface Workload {
  /** Times (ms) of the replications run in this thread so far, the first (cold) one first. */
  timings: readonly number[];
  /** Replications left. */
  remaining: number;
  /** Scenarios they belong to (a sweep's cells). */
  scenarios: number;
  /** Threads a pool would start. */
  threads: number;
  /** Cores the rest of the machine left idle while the replications were timed (this thread's included); null: not yet known. */
  idleCores: number | null;
}

/**
 * Whether worker threads would finish the work left sooner than this thread alone; null: time
 * another replication first. A pool starts only with a replication for each thread, and cores
 * idle to run them. The warm time is the fastest timed replication but the first, cold one; the
 * threads pay their start, the scenarios' loading and the cold replications again, and must win
 * that back twice over, so a wrong guess costs little (serial work a bit past the break-even).
 */
export function decideParallel({ timings, remaining, scenarios, threads, idleCores }: Workload): boolean | null {
  if (threads < 2 || remaining < threads) return false;
  if (timings.length < PILOTS) return null;
  const warm = Math.min(...timings.slice(1));
  const overhead = THREAD_START_MS + scenarios * SCENARIO_LOAD_MS + Math.max(0, timings[0] - warm);
  const gain = (cores: number): number => warm * remaining * (1 - 1 / cores);
  // Not worth it even on every core: decided. Worth it on idle cores: are there any?
  if (gain(threads) <= 2 * overhead) return false;
  if (idleCores === null) return null;
  const cores = Math.min(threads, Math.floor(idleCores + 0.5));
  return cores >= 2 && gain(cores) > 2 * overhead;
}

/** The cores' idle time so far (ms, the operating system's counters). */
function idleMs(): number {
  return cpus().reduce((sum, cpu) => sum + cpu.times.idle, 0);
}

/** Time over which idle cores are measured at least (the counters move in ticks of 10 ms). */
const IDLE_WINDOW_MS = 250;

/** One executor call waiting for the decision: its tasks, and how many of them the pilots ran. */
interface Call {
  scenario: Scenario;
  tasks: ReplicationTask[];
  onResult: (index: number, run: RunResult) => void;
  next: number;
}

/**
 * Serial or parallel, whichever is faster for this work, with the same numbers either way. With
 * `auto`, the first round of calls (a run's strategies, or every cell of a sweep, which all call at
 * once) starts in this thread: the first replications are timed (pilots, whose results count), and
 * worker threads take what is left only when its warm serial work is long (decideParallel). Later
 * rounds follow the decision. The pool (piscina) is loaded only when it starts.
 */
export function chooseExecutor(workers: number | 'auto'): { execute: Executor; close: () => Promise<void> } {
  const threads = workers === 'auto' ? Math.min(availableParallelism(), 8) : workers;
  let pool: Promise<{ execute: Executor; close: () => Promise<void> }> | null = null;
  const parallel: Executor = async (source, scenario, tasks, onResult) => {
    pool ??= import('../experiment/pool.js').then(({ workerPool }) => workerPool(threads));
    return (await pool).execute(source, scenario, tasks, onResult);
  };
  const close = async (): Promise<void> => void (await (await pool)?.close());
  if (workers !== 'auto') return { execute: threads > 1 ? parallel : serialExecutor, close };

  let decided: boolean | null = null;
  let piloting: Promise<void> | null = null;
  const round: Call[] = [];
  const timings: number[] = [];

  const pilot = async (): Promise<void> => {
    await Promise.resolve(); // let the other calls of this round register their tasks
    // Cores other processes keep busy are not ours to run threads on: measured while the pilots run,
    // as the cores' idle time plus this thread's own (the load average would count our last command).
    const since = { at: performance.now(), idle: idleMs() };
    for (;;) {
      const left = round.filter((call) => call.next < call.tasks.length);
      const remaining = left.reduce((n, call) => n + call.tasks.length - call.next, 0);
      const window = performance.now() - since.at;
      const idleCores = window < IDLE_WINDOW_MS ? null : (idleMs() - since.idle) / window + 1;
      decided = remaining === 0 ? false : decideParallel({ timings, remaining, scenarios: left.length, threads, idleCores });
      if (decided !== null) return;
      const call = left[0];
      const start = performance.now();
      const run = runTask(call.scenario, call.tasks[call.next]);
      timings.push(performance.now() - start);
      call.onResult(call.next++, run);
    }
  };

  const execute: Executor = async (source: ScenarioSource, scenario, tasks, onResult) => {
    if (tasks.length === 0) return;
    if (decided !== null) return (decided ? parallel : serialExecutor)(source, scenario, tasks, onResult);
    const call: Call = { scenario, tasks, onResult, next: 0 };
    round.push(call);
    await (piloting ??= pilot());
    const skip = call.next;
    if (skip === tasks.length) return;
    const shifted = (i: number, run: RunResult): void => onResult(i + skip, run);
    return (decided ? parallel : serialExecutor)(source, scenario, tasks.slice(skip), shifted);
  };
  return { execute, close };
}
