// Customer orders known ahead (`dueIn` on a demand stream): a customer orders at t and needs the
// goods at t + dueIn. Between the two the order is known — MRP nets it, DDMRP may qualify it as a
// spike — and at its due time it takes stock like any customer order. Each stream has one dueIn,
// so its orders fall due in the order they came: a queue per stream suffices.
import type { Simulation } from '../engine/index.js';
import { Fifo } from '../engine/index.js';
import type { KnownOrder } from './planning/index.js';

/** The orders of one item known and not yet due, read by planning. */
export interface KnownOrderView {
  /** Calls `visit` on every order of `item` known now and not yet due. */
  forEach(item: string, visit: (order: KnownOrder) => void): void;
}

export interface KnownOrders extends KnownOrderView {
  /**
   * A customer of `item` ordered `quantity` now on a stream whose orders are due `dueIn` later:
   * at the due time `take` runs (the order takes stock then). `stream` keeps each stream's queue.
   */
  order(stream: number, item: string, quantity: number, dueIn: number, take: () => void): void;
}

export function createKnownOrders(sim: Simulation): KnownOrders {
  const byStream = new Map<number, Fifo<KnownOrder>>();
  const streamsOf = new Map<string, Fifo<KnownOrder>[]>();
  return {
    order(stream, item, quantity, dueIn, take) {
      let queue = byStream.get(stream);
      if (queue === undefined) {
        queue = new Fifo<KnownOrder>();
        byStream.set(stream, queue);
        streamsOf.set(item, [...(streamsOf.get(item) ?? []), queue]);
      }
      const pending = queue;
      pending.push({ due: sim.now + dueIn, quantity });
      sim.schedule(dueIn, () => {
        pending.shift();
        take();
      });
    },
    forEach(item, visit) {
      for (const queue of streamsOf.get(item) ?? []) queue.forEach(visit);
    },
  };
}
