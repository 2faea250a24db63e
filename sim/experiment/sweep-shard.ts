import type { RunResult } from '../model/index.js';
import { loadScenario, type LoadOptions } from '../scenario/index.js';
import { planReplications, type Executor, type ScenarioSource } from './experiment.js';
import { bestFirst, cellKpis, gridOf, type SweepAxis, type SweepResult } from './sweep.js';
import { StrategyTally } from './tally.js';

// A sweep cut into shards and merged again (README, "Shards and merge"). The work is the list of
// (cell, replication) pairs, cell by cell in grid order and replication by replication within each;
// shard i of N takes the i-th of N contiguous slices of it, whose sizes differ by one replication at
// most. A slice crosses few cells, so a shard loads few variants, and each cell it touches is a block
// of consecutive replications. Replication k of a cell is the task the unsharded sweep runs (its seed
// comes from k, never from the shard: common random numbers hold across shards).
//
// Welford's running moments depend on the order of folding, and a parallel combination of moments
// (Chan et al.) is not bit for bit the sequential one. So a shard keeps, per replication, the numbers
// of its result that the tally folds, and the merge folds them cell by cell in replication order, as
// the unsharded sweep does: the same numbers, the same output, byte for byte.

/** Shard `index` of `count`, counted from 0 (as Kubernetes' JOB_COMPLETION_INDEX). */
export interface Shard {
  index: number;
  count: number;
}

/** Replications `from` to `to` − 1 of one cell of the grid. */
export interface ShardBlock {
  cell: number;
  from: number;
  to: number;
}

/** Where each number of a replication's result goes: the result's shape with every number replaced by its index in a row. */
export interface RunTemplate {
  [key: string]: RunTemplate | number;
}

/** A block's replications as a sweep folds them: one row of numbers per replication, laid out by the template. */
export interface ShardBlockRuns extends ShardBlock {
  template: RunTemplate;
  rows: number[][];
}

/** The parts of a replication's result that a sweep folds: every KPI and count; not the series, level samples or event count. */
const FOLDED = ['items', 'machines', 'kpis', 'counts'] as const;

/** The blocks of shard `index` of `count` of a grid of `cells` cells with `replications` each, in folding order. */
export function shardBlocks(cells: number, replications: number, shard: Shard): ShardBlock[] {
  const total = BigInt(cells) * BigInt(replications);
  // ⌊i·T/N⌋ in integers: i·T may pass 2^53.
  const boundary = (i: number): number => Number((BigInt(i) * total) / BigInt(shard.count));
  const end = boundary(shard.index + 1);
  const blocks: ShardBlock[] = [];
  for (let at = boundary(shard.index); at < end;) {
    const cell = Math.floor(at / replications);
    const from = at - cell * replications;
    const to = Math.min(replications, from + end - at);
    blocks.push({ cell, from, to });
    at += to - from;
  }
  return blocks;
}

/**
 * Runs one shard of a sweep: for each of its blocks, the tasks the unsharded sweep would run for
 * those replications of that cell, kept as rows of numbers. Every cell runs `replications`, which
 * the caller resolves (a sweep whose cells set different counts cannot be cut in advance).
 */
export async function runSweepShard(
  execute: Executor,
  source: ScenarioSource,
  load: Omit<LoadOptions, 'file' | 'overrides'>,
  axes: SweepAxis[],
  options: { replications: number; seed?: number | string; strategy: string; shard: Shard; onProgress?: (done: number, total: number) => void },
): Promise<ShardBlockRuns[]> {
  const grid = gridOf(axes);
  const { replications, seed, strategy } = options;
  const blocks = shardBlocks(grid.length, replications, options.shard);
  const total = blocks.reduce((n, block) => n + block.to - block.from, 0);
  let done = 0;
  // As in runSweep, every block's tasks go to the executor at once, so a pool stays busy across cells.
  return Promise.all(
    blocks.map(async (block) => {
      const overrides = { ...source.overrides, ...grid[block.cell] };
      const scenario = loadScenario(source.text, { ...load, file: source.file, overrides });
      const tasks = planReplications(scenario, { replications, seed, strategies: [strategy], series: null }).slice(block.from, block.to);
      const rows: number[][] = new Array(tasks.length);
      const shapes = new Set<string>();
      let template: RunTemplate = {};
      await execute({ ...source, overrides }, scenario, tasks, (i, run) => {
        const flat = flattenRun(run);
        shapes.add(JSON.stringify(flat.template));
        template = flat.template;
        rows[i] = flat.row;
        options.onProgress?.(++done, total);
      });
      // One plant per cell: every replication's result has the same shape, so one template serves the block.
      if (shapes.size > 1) throw new Error(`sweep cell ${block.cell}: replications differ in the shape of their results`);
      return { ...block, template, rows };
    }),
  );
}

/** The numbers of a replication's result that a sweep folds, as a row, and the template that puts them back. */
export function flattenRun(run: RunResult): { template: RunTemplate; row: number[] } {
  const row: number[] = [];
  const shape = (value: unknown, path: string): RunTemplate =>
    Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, v]) => {
        if (typeof v === 'number') return [key, row.push(v) - 1];
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) return [key, shape(v, `${path}.${key}`)];
        throw new TypeError(`a sweep folds numbers only; ${path}.${key} is ${v === null ? 'null' : typeof v}`);
      }),
    );
  const template = Object.fromEntries(FOLDED.map((part) => [part, shape(run[part], part)]));
  return { template, row };
}

/** A replication's result from a row and its template: the numbers it was made from, without series or level samples. */
export function unflattenRun(template: RunTemplate, row: readonly number[]): RunResult {
  // Object.fromEntries defines every key as an own property, even one named __proto__.
  const build = (t: RunTemplate): Record<string, unknown> =>
    Object.fromEntries(Object.entries(t).map(([key, slot]) => [key, typeof slot === 'number' ? row[slot] : build(slot)]));
  return { ...(build(template) as Pick<RunResult, (typeof FOLDED)[number]>), series: null, levels: null, events: 0 };
}

/** The number of values a template read from a file lays out; throws (with the reason) when it is not one flattenRun makes. */
export function templateSize(template: unknown): number {
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(template) || Object.keys(template).join() !== FOLDED.join()) throw new TypeError(`expected a template of ${FOLDED.join(', ')}`);
  const seen = new Set<number>();
  const walk = (t: unknown): void => {
    if (!isRecord(t)) throw new TypeError('expected an object in the template');
    for (const slot of Object.values(t)) {
      if (typeof slot !== 'number') walk(slot);
      else if (!Number.isInteger(slot) || slot < 0 || seen.has(slot)) throw new TypeError(`the template's place ${slot} is not a new whole number`);
      else seen.add(slot);
    }
  };
  walk(template);
  for (let k = 0; k < seen.size; k++) if (!seen.has(k)) throw new TypeError(`the template skips place ${k}`);
  return seen.size;
}

/**
 * Folds the replications of every shard of a sweep into the sweep's result: each cell's replications
 * must come in order 0, 1, 2, … (shard by shard, each shard's blocks in order), as the unsharded
 * sweep folds them; the cells are then ranked as runSweep ranks them.
 */
export class SweepMerger {
  private readonly grid: Record<string, number>[];
  private readonly tallies: StrategyTally[];
  private readonly folded: number[];

  constructor(
    axes: SweepAxis[],
    private readonly kpi: string,
    private readonly strategy: string,
    private readonly replications: number,
  ) {
    this.grid = gridOf(axes);
    this.tallies = this.grid.map(() => new StrategyTally());
    this.folded = this.grid.map(() => 0);
  }

  /** Replication `replication` of cell `cell` (the next one due, or a RangeError). */
  add(cell: number, replication: number, run: RunResult): void {
    const due = this.folded[cell];
    if (due === undefined) throw new RangeError(`the sweep has no cell ${cell}`);
    if (replication !== due) throw new RangeError(`replication ${replication} of cell ${cell} came where replication ${due} was due`);
    this.tallies[cell].add(run);
    this.folded[cell]++;
  }

  /** The first cell not yet given all its replications, or null when every one has them. */
  incomplete(): { cell: number; folded: number } | null {
    const cell = this.folded.findIndex((n) => n !== this.replications);
    return cell < 0 ? null : { cell, folded: this.folded[cell] };
  }

  result(): SweepResult {
    const missing = this.incomplete();
    if (missing !== null) throw new RangeError(`cell ${missing.cell} has ${missing.folded} of ${this.replications} replications`);
    const cells = this.grid.map((values, i) => ({ values, kpis: cellKpis(this.tallies[i]) }));
    return { kpi: this.kpi, strategy: this.strategy, cells: bestFirst(cells, this.kpi) };
  }
}
