// `sawtooth run --log FILE.csv`: the first replication's orders, the same replication the
// experiment ran first, with when each was placed, due and done.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderLog, orderLogCsv, planReplications, runTask } from '../../../sim/experiment/index.js';
import { loadScenario } from '../../../sim/scenario/index.js';
import { cli } from './run-cli.js';

const SCENARIO = `name: Log
time: { horizon: 30 }
run: { replications: 2, seed: 5 }
machines: { press: {} }
items:
  steel:
    holdingCost: 0.1
    initial: 40
    buy: { leadTime: 2, orderCost: 10 }
    policy: { type: sQ, reorderPoint: 20, quantity: 40 }
  widget:
    holdingCost: 1
    initial: 10
    make: { machine: press, processTime: 0.1, bom: { steel: 2 } }
    policy: { type: sQ, reorderPoint: 5, quantity: 10 }
demand:
  - { item: widget, interarrival: { exponential: { mean: 0.5 } } }
`;

describe('the order log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sawtooth-log-'));
  const file = join(dir, 'log.yaml');
  writeFileSync(file, SCENARIO);

  it('lists every order of the first replication, its kind and when it was due and done', async () => {
    const log = join(dir, 'orders.csv');
    const { code, err } = await cli('run', file, '--log', log, '--quiet');
    expect(code, err).toBe(0);
    const [header, ...rows] = readFileSync(log, 'utf8').trim().split('\n');
    expect(header).toBe('strategy,time,item,kind,quantity,due,done');
    const orders = rows.map((r) => r.split(','));
    const purchases = orders.filter((o) => o[3] === 'purchase');
    expect(purchases.length).toBeGreaterThan(0);
    // A constant lead time of 2: each purchase is due 2 after it is placed, and done then if the run got there.
    for (const [, time, item, , quantity, due, done] of purchases) {
      expect([item, quantity]).toEqual(['steel', '40']);
      expect(Number(due)).toBeCloseTo(Number(time) + 2, 9);
      if (done !== '') expect(Number(done)).toBeCloseTo(Number(due), 9);
    }
    const production = orders.filter((o) => o[3] === 'production');
    expect(production.every((o) => o[2] === 'widget' && o[4] === '10' && o[5] === '')).toBe(true);
    const customers = orders.filter((o) => o[3] === 'customer');
    // Customers arrive about twice a time unit for 30 time units; each filled no earlier than it arrived.
    expect(customers.length).toBeGreaterThan(30);
    for (const [, time, , , , due, done] of customers) {
      expect(due).toBe(time);
      if (done !== '') expect(Number(done)).toBeGreaterThanOrEqual(Number(time));
    }
  });

  it('is the replication the experiment ran first: its orders in the window are the ones counted', () => {
    const scenario = loadScenario(SCENARIO, { file: 'log.yaml' });
    const { orders, truncated } = orderLog(scenario, 'base', 5);
    expect(truncated).toBe(false);
    const first = runTask(scenario, planReplications(scenario, {})[0]);
    // No warm-up: every order after t = 0 is in the window the KPIs count.
    for (const item of ['steel', 'widget']) {
      expect(orders.filter((o) => o.item === item && o.kind !== 'customer' && o.time > 0).length).toBe(first.items[item].replenishmentOrders);
    }
    expect(orderLog(scenario, 'base', 5, 3)).toMatchObject({ truncated: true, orders: { length: 3 } });
  });

  it('gives each time its date when time.start dates the scenario (day unit: the day it falls in)', async () => {
    const dated = join(dir, 'dated.yaml');
    writeFileSync(dated, SCENARIO.replace('time: { horizon: 30 }', 'time: { horizon: 30, start: 2024-12-30 }'));
    const log = join(dir, 'dated.csv');
    const { code, err } = await cli('run', dated, '--log', log, '--quiet');
    expect(code, err).toBe(0);
    const [header, ...rows] = readFileSync(log, 'utf8').trim().split('\n');
    expect(header).toBe('strategy,time,date,item,kind,quantity,due,dueDate,done,doneDate');
    const day = (t: string) => Math.floor(Number(t));
    const orders = rows.map((r) => r.split(','));
    expect(orders.length).toBeGreaterThan(30);
    // Day 2 is the first of January 2025; day 0 the 30th of December.
    const dateOfDay = (d: number) => (d < 2 ? `2024-12-${30 + d}` : `2025-01-${String(d - 1).padStart(2, '0')}`);
    for (const [, time, date, , , , due, dueDate, done, doneDate] of orders) {
      expect(date).toBe(dateOfDay(day(time)));
      expect(dueDate).toBe(due === '' ? '' : dateOfDay(day(due)));
      expect(doneDate).toBe(done === '' ? '' : dateOfDay(day(done)));
    }
  });

  it('gives each time its date and time of day in an hour unit, and no date column when not dated', () => {
    const orders = [{ time: 37.5, item: 'widget', kind: 'customer' as const, quantity: 1, due: 37.5, done: null }];
    expect(orderLogCsv([{ strategy: 'base', orders }], { unit: 'hour', start: '2025-12-31' })).toBe(
      'strategy,time,date,item,kind,quantity,due,dueDate,done,doneDate\nbase,37.5,2026-01-01 13:30,widget,customer,1,37.5,2026-01-01 13:30,,\n',
    );
    expect(orderLogCsv([{ strategy: 'base', orders }], { unit: 'hour' })).toBe(
      'strategy,time,item,kind,quantity,due,done\nbase,37.5,widget,customer,1,37.5,\n',
    );
  });

  it('refuses a log file that is the scenario or the --out file, before running', async () => {
    expect((await cli('run', file, '--log', file)).err).toMatch(/^--log .*log\.yaml: is .*log\.yaml, an input of this run; write elsewhere/);
    const same = join(dir, 'same.csv');
    expect((await cli('run', file, '--out', same, '--log', same)).err).toMatch(/--log .*same\.csv: is also the --out file/);
  });
});
