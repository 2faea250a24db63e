import type { RunResult, RunStore } from '../../sim/index.js';

/**
 * How much the page keeps: at most this many strategies' runs, and about this many bytes. A run
 * of jit-eoq-batch is about 11 kB (its level samples 6 kB); one of 200 items about 0.5 MB.
 */
const KEPT_ENTRIES = 24;
const KEPT_BYTES = 48e6;

/** About what a strategy's runs hold, in bytes: the level samples, the first run's series, some 1.5 kB of KPIs per item and machine. */
function sizeOf(runs: readonly RunResult[]): number {
  let bytes = 0;
  for (const run of runs) {
    const names = Object.keys(run.items).length + Object.keys(run.machines).length;
    bytes += 500 + 1500 * names;
    if (run.levels !== null) bytes += 8 * run.levels.t.length * (2 + 3 * Object.keys(run.levels.onHand).length);
    if (run.series !== null) bytes += seriesBytes(run.series);
  }
  return bytes;
}

/** The bytes of a run's series: every array of numbers in it, at 8 bytes a number. */
function seriesBytes(value: unknown): number {
  if (Array.isArray(value)) return typeof value[0] === 'number' ? 8 * value.length : value.reduce((n: number, v) => n + seriesBytes(v), 0);
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + seriesBytes(v), 0);
  return 0;
}

/**
 * The replications of the page's last runs, by strategy run key (strategyRunKeys), so a slider
 * move re-runs only the strategy it changed. The least recently used go first once there are more
 * than KEPT_ENTRIES, or their size passes KEPT_BYTES; runs larger than that alone are not kept.
 */
export class RecentRuns implements RunStore {
  private readonly entries = new Map<string, { runs: readonly RunResult[]; size: number }>();
  private size = 0;

  constructor(
    private readonly budget = KEPT_BYTES,
    private readonly most = KEPT_ENTRIES,
  ) {}

  get(key: string): readonly RunResult[] | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.runs;
  }

  set(key: string, runs: readonly RunResult[]): void {
    this.drop(key);
    const size = sizeOf(runs);
    if (size > this.budget) return;
    this.entries.set(key, { runs, size });
    this.size += size;
    for (const oldest of this.entries.keys()) {
      if (this.size <= this.budget && this.entries.size <= this.most) break;
      this.drop(oldest);
    }
  }

  /** Forgets every run (another scenario, or other files). */
  clear(): void {
    this.entries.clear();
    this.size = 0;
  }

  /** How many strategies' runs are kept. */
  get count(): number {
    return this.entries.size;
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.size -= entry.size;
  }
}
