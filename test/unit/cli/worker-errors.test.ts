import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulationStalledError, SimulationTooLargeError } from '../../../sim/engine/index.js';
import { collectRuns, planReplications, serialExecutor } from '../../../sim/experiment/index.js';
import { workerPool } from '../../../sim/experiment/pool.js';
import { loadScenario } from '../../../sim/scenario/index.js';
import { cli } from './run-cli.js';

// Worker threads run dist/: `npm run build:sim` before these tests.

// A zero process time and a huge lot: a million events at t=0 without the clock moving.
const STALL =
  'name: x\ntime: { horizon: 10 }\nmachines: { m: {} }\nitems:\n  a:\n    make: { machine: m, processTime: 0 }\n    policy: { type: batch, lotSize: 100000000, every: 100 }\n';
// 10 orders of 10,000 units, each unit one event on the press: over run.maxEvents.
const FLOOD = `name: Flood
time: { horizon: 100 }
run: { replications: 2, maxEvents: 50000 }
machines: { press: {} }
items:
  w:
    make: { machine: press, processTime: 0.0001 }
    policy: { type: makeToOrder }
demand:
  - { item: w, every: 10, quantity: 10000 }
`;

function scenarioFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sawtooth-')), 'plant.yaml');
  writeFileSync(file, text);
  return file;
}

/** What `execute` rejects with for 4 replications of `text`. */
async function rejection(execute: Parameters<typeof collectRuns>[0], text: string): Promise<unknown> {
  const scenario = loadScenario(text, { file: 'plant.yaml' });
  const tasks = planReplications(scenario, { replications: 4 });
  try {
    await collectRuns(execute, { text, file: 'plant.yaml' }, scenario, tasks);
  } catch (error) {
    return error;
  }
  throw new Error('expected the replications to fail');
}

describe('a stall or too-large stop on a worker thread', () => {
  it('reaches the caller as the same class, code and fields as in one thread', async () => {
    const pool = workerPool(2);
    try {
      const stalled = await rejection(pool.execute, STALL);
      const serialStall = await rejection(serialExecutor, STALL);
      expect(stalled).toBeInstanceOf(SimulationStalledError);
      expect(stalled).toMatchObject({ code: 'stalled', time: 0, events: 1_000_000, name: 'SimulationStalledError' });
      expect((stalled as Error).message).toBe((serialStall as Error).message);

      const large = await rejection(pool.execute, FLOOD);
      const serialLarge = await rejection(serialExecutor, FLOOD);
      expect(large).toBeInstanceOf(SimulationTooLargeError);
      expect(large).toMatchObject({ code: 'too-large', limit: 'maxEvents', name: 'SimulationTooLargeError' });
      expect((large as Error).message).toBe((serialLarge as Error).message);
      expect((large as Error).message).toMatch(/^simulation too large: one replication fired more than 50000 events /);
    } finally {
      await pool.close();
    }
  });

  it('leaves no batch running once the pool has rejected, so closing it at once is clean', async () => {
    // Before, the pool rejected with the first failure while other batches ran on; a caller busy
    // for a while and then closing the pool made piscina throw an uncaught 'Unexpected message
    // from Worker' for their answers.
    const uncaught: unknown[] = [];
    const listen = (error: unknown): void => void uncaught.push(error);
    process.on('uncaughtException', listen);
    try {
      const pool = workerPool(2);
      try {
        expect(await rejection(pool.execute, FLOOD)).toBeInstanceOf(SimulationTooLargeError);
        const busy = Date.now();
        while (Date.now() - busy < 1000); // the answers of batches still running would arrive now
      } finally {
        await pool.close();
      }
      await new Promise((wait) => setTimeout(wait, 300));
    } finally {
      process.off('uncaughtException', listen);
    }
    expect(uncaught).toEqual([]);
  });

  it('is a scenario problem for the CLI (exit 2, one line) with worker threads as in one thread', async () => {
    for (const text of [STALL, FLOOD]) {
      const file = scenarioFile(text);
      const serial = await cli('run', file, '--reps', '2', '--workers', '1');
      const parallel = await cli('run', file, '--reps', '2', '--workers', '2');
      expect(parallel).toEqual(serial);
      expect(parallel.code).toBe(2);
      expect(parallel.out).toBe('');
      expect(parallel.err).toMatch(text === STALL ? /: the simulation cannot advance: simulation stalled: / : /: simulation too large: /);
      expect(parallel.err.trim().split('\n')).toHaveLength(1);
    }
  });
});
