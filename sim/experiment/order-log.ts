// The order log of one replication (`sawtooth run --log FILE.csv`): every purchase, production
// and customer order with when it was placed, due and done — the record that explains a plan.
import { simulatePlant, type ReplenishmentRecord } from '../model/index.js';
import { dateText, isDated, type RunTime, type Scenario } from '../scenario/index.js';
import { renderCsv } from './csv.js';
import { builtStrategy } from './experiment-cache.js';
import { replicationSeed } from './seeds.js';

/** One order of the log; a customer order is due when it arrives, or `dueIn` later on a stream of customers who order ahead. */
export interface OrderRecord {
  time: number;
  item: string;
  kind: ReplenishmentRecord['kind'] | 'customer';
  quantity: number;
  due: number | null;
  /** When it was filled or in stock in full; null when it never was within the run (or its sale was lost). */
  done: number | null;
}

/** Orders one log keeps at most: a longer run is cut there, and says so. */
export const MAX_LOGGED_ORDERS = 1_000_000;

/**
 * The orders of the first replication of `strategy` (the same replication the experiment ran
 * first: same seed, same numbers), in the order they were placed; `truncated` past `limit`.
 */
export function orderLog(
  scenario: Scenario,
  strategy: string,
  seed: number | string,
  limit = MAX_LOGGED_ORDERS,
): { orders: OrderRecord[]; truncated: boolean } {
  const orders: OrderRecord[] = [];
  let truncated = false;
  const keep = (record: OrderRecord): boolean => {
    if (orders.length >= limit) return !(truncated = true);
    orders.push(record);
    return true;
  };
  // Customers are filled first come, first served per item, from their due time: the oldest open order due then is the one filled.
  const open = new Map<string, OrderRecord[]>();
  simulatePlant(builtStrategy(scenario, strategy).plant, {
    seed: replicationSeed(seed, 0),
    maxEvents: scenario.run.maxEvents,
    observer: {
      orderPlaced: (record) => void keep(record),
      customerOrder: (item, quantity, time, due) => {
        const record: OrderRecord = { time, item, kind: 'customer', quantity, due, done: null };
        if (!keep(record)) return;
        const waiting = open.get(item);
        if (waiting === undefined) open.set(item, [record]);
        else waiting.push(record);
      },
      customerFilled: (item, due, time) => {
        const waiting = open.get(item);
        const at = waiting?.findIndex((r) => r.due === due) ?? -1;
        if (at < 0) return;
        waiting![at].done = time;
        waiting!.splice(at, 1);
      },
    },
  });
  return { orders, truncated };
}

/**
 * Order logs of several strategies as one CSV: strategy, time, item, kind, quantity, due, done;
 * when `time.start` dates the scenario, each time is followed by its date (date, dueDate, doneDate).
 */
export function orderLogCsv(logs: { strategy: string; orders: OrderRecord[] }[], time: RunTime): string {
  if (!isDated(time)) {
    const rows = logs.flatMap(({ strategy, orders }) => orders.map((o) => [strategy, o.time, o.item, o.kind, o.quantity, o.due ?? '', o.done ?? '']));
    return renderCsv(['strategy', 'time', 'item', 'kind', 'quantity', 'due', 'done'], rows);
  }
  const dated = (t: number | null): [number | string, string] => (t === null ? ['', ''] : [t, dateText(time, t)!]);
  const rows = logs.flatMap(({ strategy, orders }) =>
    orders.map((o) => [strategy, ...dated(o.time), o.item, o.kind, o.quantity, ...dated(o.due), ...dated(o.done)]),
  );
  return renderCsv(['strategy', 'time', 'date', 'item', 'kind', 'quantity', 'due', 'dueDate', 'done', 'doneDate'], rows);
}
