import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectRuns, planReplications, serialExecutor } from '../../../sim/experiment/index.js';
import { workerPool } from '../../../sim/experiment/pool.js';
import { loadScenario } from '../../../sim/scenario/index.js';

// The scenario's folder does not exist: a worker that read the trace from disk would fail.
const dir = join(tmpdir(), 'sawtooth-no-such-folder-7f3a');
const file = join(dir, 'plant.yaml');
const text = `name: traced
time: { horizon: 40 }
items:
  part:
    buy: { leadTime: { exponential: { mean: 2 } } }
    policy: { type: baseStock, level: 5 }
demand:
  - { item: part, trace: orders.csv }
`;
const orders = `time,quantity\n${Array.from({ length: 300 }, (_, i) => `${(i / 10).toFixed(1)},${1 + (i % 3)}`).join('\n')}\n`;

describe('worker threads', () => {
  it('load traces from the texts the caller read, never from disk, with the serial numbers', async () => {
    const files = { [join(dir, 'orders.csv')]: orders };
    const scenario = loadScenario(text, { file, readFile: (path) => files[path] });
    const tasks = planReplications(scenario, { replications: 6 });
    const source = { text, file, files };
    const pool = workerPool(2);
    try {
      const parallel = await collectRuns(pool.execute, source, scenario, tasks);
      expect(parallel).toHaveLength(6);
      expect(parallel).toEqual(await collectRuns(serialExecutor, source, scenario, tasks));
      // A second variant (another cell of a sweep) shares the same files.
      const cell = { ...source, overrides: { 'time.horizon': 30 } };
      const variant = loadScenario(text, { file, overrides: cell.overrides, readFile: (path) => files[path] });
      expect(await collectRuns(pool.execute, cell, variant, tasks)).toEqual(await collectRuns(serialExecutor, cell, variant, tasks));
    } finally {
      await pool.close();
    }
  });
});
