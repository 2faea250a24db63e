import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  runExperimentReusing,
  runExperimentWith,
  runTask,
  strategyRunKeys,
  type Executor,
  type ExperimentOptions,
  type ReplicationTask,
  type RunStore,
} from '../../../sim/experiment/index.js';
import type { RunResult } from '../../../sim/model/index.js';
import { loadScenario, type Scenario } from '../../../sim/scenario/index.js';

// jit-eoq-batch: `items.widget.policy.quantity` is in the base file and only EOQ runs it (JIT and
// Batch replace the widget's policy whole), as the page's slider on it says.
const file = 'scenarios/jit-eoq-batch.yaml';
const text = readFileSync(file, 'utf8');
const SHORT = { 'time.horizon': 120, 'time.warmup': 20 };
const OPTIONS: ExperimentOptions = { replications: 5, series: { maxPoints: 60 }, levelSamples: 50 };

/** The scenario as the page gets it from its loader's worker: loaded with overrides, then structured-cloned. */
function load(overrides: Record<string, unknown> = {}): Scenario {
  return structuredClone(loadScenario(text, { file, overrides: { ...SHORT, ...overrides } }));
}

/** A serial executor whose results are structured-cloned (as from the page's workers), recording the tasks it was given. */
function recordingExecutor(): { execute: Executor; ran: ReplicationTask[] } {
  const ran: ReplicationTask[] = [];
  const execute: Executor = async (_source, scenario, tasks, onResult) => {
    ran.push(...tasks);
    // Out of order, as workers answer: the assembler folds in task order whatever the arrival.
    [...tasks.keys()].reverse().forEach((i) => onResult(i, structuredClone(runTask(scenario, tasks[i]))));
  };
  return { execute, ran };
}

function mapStore(): RunStore & { runs: Map<string, readonly RunResult[]> } {
  const runs = new Map<string, readonly RunResult[]>();
  return { runs, get: (key) => runs.get(key), set: (key, value) => void runs.set(key, value) };
}

/** The result as bytes: JSON with typed arrays written out, so a difference anywhere shows. */
function bytes(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
}

/** A cold run: loaded afresh, every replication run. */
async function coldRun(overrides: Record<string, unknown>, options = OPTIONS): Promise<string> {
  const scenario = load(overrides);
  return bytes(await runExperimentWith(recordingExecutor().execute, { text, file, overrides }, scenario, options));
}

describe('strategyRunKeys', () => {
  const keys = (overrides: Record<string, unknown> = {}, options = OPTIONS) => strategyRunKeys(load(overrides), options);
  const changed = (a: Record<string, string | null>, b: Record<string, string | null>) => Object.keys(a).filter((s) => a[s] !== b[s]);
  const base = keys();

  it('gives every strategy a key, the same for the same settings loaded again', () => {
    expect(Object.keys(base)).toEqual(['JIT', 'EOQ', 'Batch']);
    for (const key of Object.values(base)) expect(key).toEqual(expect.any(String));
    expect(keys()).toEqual(base);
  });

  it("changes only EOQ's key when the base value only EOQ runs moves", () => {
    expect(changed(base, keys({ 'items.widget.policy.quantity': 300 }))).toEqual(['EOQ']);
  });

  it("changes only the strategy's key when its own patch moves", () => {
    expect(changed(base, keys({ 'strategies.JIT.items.widget.policy.cards': 3 }))).toEqual(['JIT']);
    expect(changed(base, keys({ 'strategies.Batch.items.widget.policy.lotSize': 1500 }))).toEqual(['Batch']);
  });

  it('changes every key when something all strategies share moves: a shared field, the horizon, the seed', () => {
    for (const overrides of [{ 'items.widget.holdingCost': 0.06 }, { 'time.horizon': 150 }, { 'run.seed': 8 }, { 'items.widget.make.setupTime': 0.06 }]) {
      expect(changed(base, keys(overrides))).toEqual(['JIT', 'EOQ', 'Batch']);
    }
  });

  it("changes every key when the run's settings change: replications, seed, series, level samples", () => {
    for (const options of [
      { ...OPTIONS, replications: 6 },
      { ...OPTIONS, seed: 9 },
      { ...OPTIONS, series: { maxPoints: 61 } },
      { ...OPTIONS, series: null },
      { ...OPTIONS, levelSamples: 49 },
    ]) {
      expect(changed(base, keys({}, options))).toEqual(['JIT', 'EOQ', 'Batch']);
    }
  });

  it("changes every key when a trace's contents change, and tells -0, NaN and undefined apart", () => {
    const scenario = load();
    const traced = { ...scenario, traces: { 'orders.csv': { times: [1, 2], quantities: [3, 4] } } };
    const moved = { ...scenario, traces: { 'orders.csv': { times: [1, 2], quantities: [3, 5] } } };
    expect(changed(strategyRunKeys(traced, OPTIONS), strategyRunKeys(moved, OPTIONS))).toEqual(['JIT', 'EOQ', 'Batch']);
    const withValue = (value: unknown) => strategyRunKeys({ ...scenario, traces: { t: { times: [value], quantities: [] } } } as unknown as Scenario, OPTIONS);
    const texts = [0, -0, NaN, null, undefined, Infinity, '0'].map((v) => withValue(v).EOQ);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('gives no key (never reuse) when the scenario holds something that is not plain data', () => {
    const scenario = load();
    expect(strategyRunKeys({ ...scenario, traces: { t: new Map() } } as unknown as Scenario, OPTIONS)).toEqual({ JIT: null, EOQ: null, Batch: null });
  });
});

describe('runExperimentReusing', () => {
  it('gives, after a slider move, the result of a cold run of the same settings, byte for byte, running only the moved strategy', async () => {
    const store = mapStore();
    const first = recordingExecutor();
    const before = await runExperimentReusing(first.execute, { text, file }, load(), OPTIONS, store);
    expect(first.ran).toHaveLength(15);
    expect(bytes(before)).toBe(await coldRun({}));
    expect(store.runs.size).toBe(3);

    const move = { 'items.widget.policy.quantity': 300 };
    const second = recordingExecutor();
    const after = await runExperimentReusing(second.execute, { text, file, overrides: move }, load(move), OPTIONS, store);
    expect(second.ran.map((t) => t.strategy)).toEqual(Array(5).fill('EOQ'));
    expect(bytes(after)).toBe(await coldRun(move));
    expect(bytes(after)).not.toBe(bytes(before));
  });

  it("reuses the runs of the strategies a strategy's own slider does not touch", async () => {
    const store = mapStore();
    await runExperimentReusing(recordingExecutor().execute, { text, file }, load(), OPTIONS, store);
    const move = { 'strategies.JIT.items.widget.policy.cards': 3 };
    const run = recordingExecutor();
    const after = await runExperimentReusing(run.execute, { text, file, overrides: move }, load(move), OPTIONS, store);
    expect(new Set(run.ran.map((t) => t.strategy))).toEqual(new Set(['JIT']));
    expect(bytes(after)).toBe(await coldRun(move));
  });

  it('runs every strategy again when a shared value moves, and runs nothing when the settings come back', async () => {
    const store = mapStore();
    await runExperimentReusing(recordingExecutor().execute, { text, file }, load(), OPTIONS, store);
    const move = { 'time.horizon': 150 };
    const shared = recordingExecutor();
    const moved = await runExperimentReusing(shared.execute, { text, file, overrides: move }, load(move), OPTIONS, store);
    expect(shared.ran).toHaveLength(15);
    expect(bytes(moved)).toBe(await coldRun(move));

    const back = recordingExecutor();
    let progress = 0;
    const again = await runExperimentReusing(back.execute, { text, file }, load(), { ...OPTIONS, onProgress: () => progress++ }, store);
    expect(back.ran).toHaveLength(0);
    expect(progress).toBe(0);
    expect(bytes(again)).toBe(await coldRun({}));
  });

  it('runs a strategy again when the store lacks one of its replications, and counts progress over what it runs', async () => {
    const store = mapStore();
    await runExperimentReusing(recordingExecutor().execute, { text, file }, load(), OPTIONS, store);
    const [key, runs] = [...store.runs].find(([k]) => k === strategyRunKeys(load(), OPTIONS).Batch)!;
    store.runs.set(key, runs.slice(0, 4));
    const run = recordingExecutor();
    const seen: [number, number][] = [];
    const result = await runExperimentReusing(run.execute, { text, file }, load(), { ...OPTIONS, onProgress: (d, t) => seen.push([d, t]) }, store);
    expect(run.ran.map((t) => t.strategy)).toEqual(Array(5).fill('Batch'));
    expect(seen.at(-1)).toEqual([5, 5]);
    expect(bytes(result)).toBe(await coldRun({}));
  });

  it('keeps nothing when the run fails, and nothing for a strategy without a key', async () => {
    const store = mapStore();
    const failing: Executor = async () => {
      throw new Error('stopped');
    };
    await expect(runExperimentReusing(failing, { text, file }, load(), OPTIONS, store)).rejects.toThrow('stopped');
    expect(store.runs.size).toBe(0);
    const odd = { ...load(), traces: { t: new Map() } } as unknown as Scenario;
    await runExperimentReusing(recordingExecutor().execute, { text, file }, odd, OPTIONS, store);
    expect(store.runs.size).toBe(0);
  });
});
