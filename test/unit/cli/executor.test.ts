import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PILOTS, THREAD_START_MS, chooseExecutor, decideParallel, type Workload } from '../../../sim/cli/executor.js';
import { collectRuns, planReplications, serialExecutor, type Executor } from '../../../sim/experiment/index.js';
import { loadScenario } from '../../../sim/scenario/index.js';
import { fixture } from './run-cli.js';

// The pool is replaced by one that runs in this thread and counts its starts; the machine has two
// cores, idle but for this test (their idle time follows the clock the long-work test moves).
const pool = vi.hoisted(() => ({ starts: 0 }));
const clock = vi.hoisted(() => ({ now: 0 }));
vi.mock('../../../sim/experiment/pool.js', () => ({
  workerPool: () => {
    pool.starts++;
    return { execute: serialExecutor, close: async () => {} };
  },
}));
vi.mock('node:os', async (original) => ({
  ...(await original<typeof import('node:os')>()),
  availableParallelism: () => 2,
  cpus: () => [0, 1].map(() => ({ times: { idle: clock.now } })),
}));

const long: Workload = { timings: [600, 400, 380], remaining: 27, scenarios: 1, threads: 2, idleCores: 2 };

describe('decideParallel', () => {
  it('times the first replications before it decides', () => {
    expect(decideParallel({ ...long, timings: long.timings.slice(0, PILOTS - 1) })).toBeNull();
    expect(decideParallel(long)).toBe(true);
  });

  it('decides from warm replications, not the first, cold one', () => {
    // The first replication ran 200× slower than the next: 100 more of the next are half a second's work.
    expect(decideParallel({ ...long, timings: [1000, 5, 5], remaining: 100 })).toBe(false);
    expect(decideParallel({ ...long, timings: [1000, 1000, 1000], remaining: 100 })).toBe(true);
  });

  it('starts no pool without a replication for each thread', () => {
    expect(decideParallel({ ...long, remaining: 1 })).toBe(false);
    expect(decideParallel({ ...long, remaining: 0 })).toBe(false);
  });

  it('runs in one thread when other processes keep the cores busy, or there is one', () => {
    expect(decideParallel({ ...long, idleCores: 1.2 })).toBe(false);
    expect(decideParallel({ ...long, threads: 1 })).toBe(false);
  });

  it('measures idle cores only for work worth threads', () => {
    expect(decideParallel({ ...long, idleCores: null })).toBeNull();
    expect(decideParallel({ ...long, timings: [10, 1, 1], idleCores: null })).toBe(false);
  });

  it('goes parallel only when the work left repays the threads twice over', () => {
    const warm = 100;
    const overhead = THREAD_START_MS + 50 + (600 - warm);
    const breakEven = (2 * overhead) / (warm * 0.5);
    expect(decideParallel({ ...long, timings: [600, warm, warm], remaining: Math.floor(breakEven) })).toBe(false);
    expect(decideParallel({ ...long, timings: [600, warm, warm], remaining: Math.ceil(breakEven) + 1 })).toBe(true);
    // Each thread loads every scenario it is handed: a sweep's many cells raise the bar.
    expect(decideParallel({ ...long, timings: [600, warm, warm], remaining: Math.ceil(breakEven) + 1, scenarios: 40 })).toBe(false);
  });
});

describe('chooseExecutor', () => {
  const text = readFileSync(fixture, 'utf8');
  const scenario = loadScenario(text, { file: fixture });
  const source = { text, file: fixture };

  afterEach(() => {
    pool.starts = 0;
    vi.restoreAllMocks();
  });

  it('runs short work in this thread, pilots included, with every result once at its index', async () => {
    const { execute, close } = chooseExecutor('auto');
    const tasks = planReplications(scenario, { replications: 4 });
    const runs = await collectRuns(execute, source, scenario, tasks);
    await close();
    expect(runs).toEqual(await collectRuns(serialExecutor, source, scenario, tasks));
    expect(pool.starts).toBe(0);
  });

  it('hands the calls of one round (a sweep’s cells) their own results, and what is left to the pool when it is long', async () => {
    // Every replication seems to take a second: the work left is long.
    vi.spyOn(performance, 'now').mockImplementation(() => (clock.now += 500));
    const { execute, close } = chooseExecutor('auto');
    const cells = [planReplications(scenario, { replications: 2 }), planReplications(scenario, { replications: 5, seed: 9 })];
    const runs = await Promise.all(cells.map((tasks) => collectRuns(execute, source, scenario, tasks)));
    // A later round follows the decision.
    const later = await collectRuns(execute, source, scenario, cells[0]);
    await close();
    vi.restoreAllMocks();
    const expected = await Promise.all(cells.map((tasks) => collectRuns(serialExecutor, source, scenario, tasks)));
    expect(runs).toEqual(expected);
    expect(later).toEqual(expected[0]);
    expect(pool.starts).toBe(1);
  });

  it('starts a pool of N threads at once for --workers N, and none for --workers 1', async () => {
    const tasks = planReplications(scenario, { replications: 1 });
    const one = chooseExecutor(1);
    expect(one.execute).toBe(serialExecutor as Executor);
    const two = chooseExecutor(2);
    await collectRuns(two.execute, source, scenario, tasks);
    await two.close();
    expect(pool.starts).toBe(1);
  });
});
