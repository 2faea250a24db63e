// A serial supply chain of N stock points, each replenished one for one (base stock) from the next
// one up over a transfer, the top one buying from a supplier, customers at the bottom: the speed of
// the model as chains grow, against the single stock point with the same customers in the same
// process. `node dist/test/bench/chain.js` runs it alone; `npm run bench` includes it.
import { fileURLToPath } from 'node:url';
import { simulatePlant, type ItemSpec, type PlantSpec } from '../../sim/model/index.js';
import { constant, exponential } from '../../sim/random/index.js';

/** Stage 1 is the one customers buy from; stage N buys from a supplier. Each link takes 1 time unit. */
export function serialChain(stages: number, horizon: number): PlantSpec {
  const items: PlantSpec['items'] = {};
  for (let k = 1; k <= stages; k++) {
    const item: ItemSpec = {
      holdingCost: 1,
      capacity: Infinity,
      unmet: 'backorder',
      backorderCost: 5,
      lostSaleCost: 0,
      initial: 4,
      buy: k === stages ? { leadTime: constant(1), orderCost: 0, unitCost: 0 } : null,
      make: null,
      transfer: k === stages ? null : { from: `stage${k + 1}`, leadTime: constant(1), orderDelay: 0, orderCost: 0 },
      allocation: { kind: 'fifo' },
      policy: { type: 'baseStock', level: 4 },
    };
    items[`stage${k}`] = item;
  }
  return {
    time: { horizon, warmup: 0, bucket: 1 },
    machines: {},
    items,
    demand: [{ kind: 'stream', item: 'stage1', name: 'stage1', interarrival: exponential(0.5), quantity: constant(1), changes: [], profile: null, dueIn: 0 }],
    planning: { bucket: 1, horizon: 8, frozen: 1 },
    forecasts: {},
  };
}

interface ChainTiming {
  stages: number;
  customers: number;
  events: number;
  seconds: number;
}

/** Best of `rounds` runs after a warm-up run. */
export function timeChain(stages: number, horizon: number, rounds = 3): ChainTiming {
  const spec = serialChain(stages, horizon);
  let run = simulatePlant(spec, { seed: 1 });
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    run = simulatePlant(spec, { seed: 1 });
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { stages, customers: run.counts.customers, events: run.events, seconds: best };
}

export function chainReport(rows: ChainTiming[]): string {
  const base = rows[0];
  const lines = [
    `A serial chain of base-stock stock points linked by transfers, 2 customers a time unit at the bottom, best of 3 after a warm-up`,
    '',
    'stages   customers      events   time      µs per customer   ns per event   vs 1 stage   per stage',
  ];
  for (const row of rows) {
    const perCustomer = (row.seconds * 1e6) / row.customers;
    const ratio = row.seconds / row.customers / (base.seconds / base.customers);
    lines.push(
      `${String(row.stages).padStart(6)}   ${row.customers.toLocaleString('en').padStart(9)}   ${row.events.toLocaleString('en').padStart(9)}   ${(row.seconds * 1000).toFixed(0).padStart(4)} ms   ${perCustomer.toFixed(2).padStart(15)}   ${((row.seconds * 1e9) / row.events).toFixed(0).padStart(12)}   ${ratio.toFixed(1).padStart(9)}x   ${(ratio / row.stages).toFixed(2).padStart(8)}x`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(chainReport([timeChain(1, 100_000), timeChain(10, 100_000), timeChain(50, 20_000)]));
