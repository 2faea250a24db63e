import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  flattenRun,
  runSweep,
  runSweepShard,
  runTask,
  planReplications,
  serialExecutor,
  shardBlocks,
  SweepMerger,
  templateSize,
  unflattenRun,
  type SweepAxis,
} from '../../../sim/experiment/index.js';
import { StrategyTally } from '../../../sim/experiment/tally.js';
import { loadScenario } from '../../../sim/scenario/index.js';

const file = resolve(import.meta.dirname, '../../fixtures/small-plant.yaml');
const source = { text: readFileSync(file, 'utf8'), file };
const axes: SweepAxis[] = [{ path: 'items.widget.policy.quantity', values: [50, 100, 150] }];
const options = { replications: 4, seed: 11, strategy: 'Reorder' };

describe('shardBlocks(cells, replications, shard)', () => {
  it('cuts the replications, cell by cell in order, into N contiguous slices whose sizes differ by one at most', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 }), (cells, replications, wanted) => {
        const count = Math.min(wanted, cells * replications);
        const shards = Array.from({ length: count }, (_, index) => shardBlocks(cells, replications, { index, count }));
        const order = shards.flat().flatMap(({ cell, from, to }) => Array.from({ length: to - from }, (_, k) => cell * replications + from + k));
        expect(order).toEqual(Array.from({ length: cells * replications }, (_, j) => j));
        const sizes = shards.map((blocks) => blocks.reduce((n, b) => n + b.to - b.from, 0));
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        for (const blocks of shards) for (const b of blocks) expect(b.from < b.to && b.to <= replications).toBe(true);
      }),
    );
  });

  it('gives one shard everything, and one replication to each of cells × replications shards', () => {
    expect(shardBlocks(3, 4, { index: 0, count: 1 })).toEqual([0, 1, 2].map((cell) => ({ cell, from: 0, to: 4 })));
    expect(shardBlocks(3, 4, { index: 5, count: 12 })).toEqual([{ cell: 1, from: 1, to: 2 }]);
    // 12 replications in 5 shards: 0–1, 2–3, 4–6, 7–8, 9–11.
    expect(shardBlocks(3, 4, { index: 3, count: 5 })).toEqual([
      { cell: 1, from: 3, to: 4 },
      { cell: 2, from: 0, to: 1 },
    ]);
  });

  it('stays exact where index × total passes 2^53', () => {
    const cells = 10_000;
    const replications = 100_000_000;
    const count = 2 ** 40;
    const [block] = shardBlocks(cells, replications, { index: count - 1, count });
    expect(block.cell).toBe(cells - 1);
    expect(block.to).toBe(replications);
  });
});

describe('flattenRun and unflattenRun', () => {
  const scenario = loadScenario(source.text, { file });
  const tasks = planReplications(scenario, { replications: 3, strategies: ['Kanban'] });
  const runs = tasks.map((task) => runTask(scenario, task));

  it('keep every number the tally folds: a tally of the rows summarizes as the tally of the runs', () => {
    const direct = new StrategyTally();
    const rebuilt = new StrategyTally();
    for (const run of runs) {
      direct.add(run);
      const { template, row } = flattenRun(run);
      // Through JSON, as a part file carries them: JavaScript prints the shortest text that reads back as the same double.
      rebuilt.add(unflattenRun(JSON.parse(JSON.stringify(template)), JSON.parse(JSON.stringify(row))));
    }
    expect(JSON.stringify(rebuilt.summary('', {}))).toBe(JSON.stringify(direct.summary('', {})));
  });

  it('lays out the same plant the same way, and templateSize reads a template back', () => {
    const [a, b] = runs.map(flattenRun);
    expect(a.template).toEqual(b.template);
    expect(templateSize(a.template)).toBe(a.row.length);
    expect(() => templateSize({ items: {} })).toThrow(/template of items, machines, kpis, counts/);
    expect(() => templateSize({ items: { x: 1 }, machines: {}, kpis: {}, counts: {} })).toThrow(/skips place 0/);
  });
});

describe('SweepMerger', () => {
  it('folds the shards of a sweep into its result, the same numbers as the unsharded sweep, for any number of shards', async () => {
    const whole = JSON.stringify(await runSweep(serialExecutor, source, {}, axes, 'totalCost', options));
    for (const count of [1, 2, 3, 5, 12]) {
      const merger = new SweepMerger(axes, 'totalCost', options.strategy, options.replications);
      for (let index = 0; index < count; index++) {
        const blocks = await runSweepShard(serialExecutor, source, {}, axes, { ...options, shard: { index, count } });
        for (const block of blocks) block.rows.forEach((row, k) => merger.add(block.cell, block.from + k, unflattenRun(block.template, row)));
      }
      expect(JSON.stringify(merger.result()), `${count} shards`).toBe(whole);
    }
  });

  it('takes each cell’s replications only in order, and gives no result before every cell has all of them', async () => {
    const merger = new SweepMerger(axes, 'totalCost', options.strategy, options.replications);
    const [block] = await runSweepShard(serialExecutor, source, {}, axes, { ...options, shard: { index: 0, count: 3 } });
    const run = (k: number) => unflattenRun(block.template, block.rows[k]);
    expect(() => merger.add(0, 1, run(1))).toThrow('replication 1 of cell 0 came where replication 0 was due');
    expect(() => merger.add(7, 0, run(0))).toThrow('the sweep has no cell 7');
    merger.add(0, 0, run(0));
    expect(merger.incomplete()).toEqual({ cell: 0, folded: 1 });
    expect(() => merger.result()).toThrow('cell 0 has 1 of 4 replications');
  });
});
