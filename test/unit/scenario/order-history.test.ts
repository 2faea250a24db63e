// Order histories as an ERP exports them: named columns, dates, any row order, several items in
// one file, semicolons, quotes, a byte-order mark, CRLF, zeros; problems named by file and line,
// all at once, grouped; each replication's demand a block bootstrap of the history.
import { describe, expect, it } from 'vitest';
import { runExperiment, scenarioWarnings } from '../../../sim/experiment/index.js';
import { simulatePlant } from '../../../sim/model/index.js';
import { buildStrategy, loadScenario } from '../../../sim/scenario/index.js';
import { problems } from './helpers.js';

/** A year's export in the planner's words: order number order, so only roughly by date; three items; zeros; CRLF. */
const EXPORT = [
  'order_id,date,item,quantity',
  '1001,2025-01-06,BRK-100,12',
  '1002,2025-01-08,BRK-200,5',
  '1003,2025-01-07,BRK-100,8',
  '1004,2025-01-06,CLP-300,0',
  '1005,2025-01-09T14:30,BRK-100,4',
  '1006,2025-01-10,CLP-300,7',
  '',
].join('\r\n');

const plant = (demand: string, extra = '') => `name: ERP history
time: { unit: day, horizon: 20, start: 2025-01-06${extra} }
items:
  BRK-100: { buy: { leadTime: 2 }, policy: { type: baseStock, level: 20 }, initial: 20 }
  BRK-200: { buy: { leadTime: 2 }, policy: { type: baseStock, level: 10 }, initial: 10 }
  CLP-300: { buy: { leadTime: 2 }, policy: { type: baseStock, level: 10 }, initial: 10 }
demand:
${demand}
`;
const line = (item: string, more = '') => `  - { item: ${item}, trace: { file: orders.csv, time: date, quantity: quantity, item: item }${more} }`;
const read = (content: string) => (path: string) => {
  if (path !== 'orders.csv') throw new Error(`ENOENT: ${path}`);
  return content;
};

describe('an order history as exported', () => {
  const all = plant([line('BRK-100'), line('BRK-200'), line('CLP-300')].join('\n'));

  it('runs as it is: dates counted in days from time.start, rows sorted, each line taking its own item’s rows, zeros skipped', () => {
    const scenario = loadScenario(all, { file: 'plant.yaml', readFile: read(EXPORT) });
    const demand = buildStrategy(scenario, 'base').plant.demand;
    expect(demand.map((d) => d.kind === 'trace' && [d.item, d.times, d.quantities])).toEqual([
      ['BRK-100', [0, 1, 3 + 14.5 / 24], [12, 8, 4]],
      ['BRK-200', [2], [5]],
      ['CLP-300', [4], [7]],
    ]);
    // What reading changed is said, once per file, as notes beside the results.
    const notes = scenarioWarnings(scenario).filter((w) => w.code === 'history-read');
    expect(notes.map((n) => n.message)).toEqual([
      'orders.csv: 1 row was out of time order and were sorted (stably)',
      'orders.csv: 1 row with a quantity of 0 were skipped',
    ]);
    expect(notes.every((n) => n.level === 'note')).toBe(true);
  });

  it('reads semicolons, quoted fields and a byte-order mark, and ignores the columns it is not told about', () => {
    const text = '\uFEFF"order id";"date";"item";"quantity";"note"\n1;2025-01-07;"BRK-100";3;"rush; call first"\n2;2025-01-06;BRK-100;"2";\n';
    const scenario = loadScenario(plant(line('BRK-100')), { file: 'plant.yaml', readFile: read(text) });
    const [d] = buildStrategy(scenario, 'base').plant.demand;
    expect(d.kind === 'trace' && [d.times, d.quantities]).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('names every problem by file and line, all at once, and groups the rows that share a cause', () => {
    const bad = [
      'order_id,date,item,quantity',
      ...Array.from({ length: 40 }, (_, i) => `${i},2025-01-06,BRK-100,x`),
      '99,someday,BRK-100,3',
      '100,2025-01-06,BRK-100,-2',
      '',
    ].join('\n');
    expect(problems(plant(line('BRK-100')), { file: 'plant.yaml', readFile: read(bad) })).toEqual([
      'orders.csv:2: expected a number in the quantity column, got nothing or text — on this line and 39 more',
      'orders.csv:42: expected a number of time units, a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM, got something else',
      'orders.csv:43: expected a quantity >= 0 in the quantity column (a return is no customer order), got a negative number',
    ]);
  });

  it('says which columns are missing, that dates need time.start, and when an item has no rows', () => {
    const noColumn = plant(`  - { item: BRK-100, trace: { file: orders.csv, time: order_date, quantity: qty } }`);
    expect(problems(noColumn, { file: 'plant.yaml', readFile: read(EXPORT) })).toEqual([
      "orders.csv:1: expected a header row with the columns order_date, qty (the trace's time, quantity and item name them), got a header of 4 columns without them",
    ]);
    const undated = plant(line('BRK-100')).replace(', start: 2025-01-06', '');
    expect(problems(undated, { file: 'plant.yaml', readFile: read(EXPORT) })[0]).toContain(
      'expected a number of time units, or time.start in the scenario to count dates from, got a date — on this line and 5 more',
    );
    const missing = plant(line('BRK-900'));
    expect(
      problems(missing.replace('BRK-100: {', 'BRK-900: { buy: { leadTime: 1 }, policy: { type: none } }\n  BRK-100: {'), {
        file: 'plant.yaml',
        readFile: read(EXPORT),
      }),
    ).toContain('plant.yaml: demand[0].trace: expected rows of item BRK-900 in orders.csv (its item column), got none');
  });
});

describe('a history with uncertainty', () => {
  // A weekday history of 8 weeks: orders Monday to Friday only, of varying size.
  const days = Array.from({ length: 56 }, (_, d) => d).filter((d) => d % 7 < 5);
  const size = (i: number): number => 1 + ((i * 37) % 11); // weeks of different sizes: the bootstrap has something to draw
  const history = ['time,quantity', ...days.map((d, i) => `${d + 0.5},${size(i)}`), ''].join('\n');
  const text = (more: string) => `name: resampled
time: { unit: day, horizon: 364, warmup: 7 }
run: { replications: 12 }
items:
  part: { buy: { leadTime: 3 }, policy: { type: sQ, reorderPoint: 8, quantity: 15 }, initial: 20, holdingCost: 1 }
demand:
  - { item: part, trace: { file: h.csv }${more} }
`;
  const load = (more: string) => loadScenario(text(more), { file: 'x.yaml', readFile: () => history });

  it('draws whole weeks of the history in every replication: weekends stay without orders, and replications differ', () => {
    const spec = buildStrategy(load(', resample: { block: 7 }'), 'base').plant;
    const seen: [number, number][][] = [[], []];
    for (const [r, seed] of [1, 2].entries()) {
      simulatePlant(spec, { seed, observer: { customerOrder: (_item, q, time) => void seen[r].push([time, q]) } });
    }
    for (const orders of seen) {
      expect(orders.length).toBeGreaterThan(200);
      expect(orders.every(([t]) => Math.floor(t) % 7 < 5)).toBe(true);
    }
    // The same weekdays, other weeks' quantities.
    expect(seen[0].map(([t]) => t)).toEqual(seen[1].map(([t]) => t));
    expect(seen[0].map(([, q]) => q)).not.toEqual(seen[1].map(([, q]) => q));
  });

  it('gives intervals that include demand uncertainty: wider than replaying the history as is', () => {
    // Replayed, the history ends after 8 weeks; resampled, it fills the year: compare on the history's own span.
    const replayed = runExperiment(loadScenario(text('').replace('horizon: 364', 'horizon: 56'), { file: 'x.yaml', readFile: () => history }));
    const resampled = runExperiment(
      loadScenario(text(', resample: { block: 7 }').replace('horizon: 364', 'horizon: 56'), { file: 'x.yaml', readFile: () => history }),
    );
    const sd = (r: typeof replayed) => r.strategies[0].items.part.avgOnHand.sd;
    expect(sd(resampled)).toBeGreaterThan(2 * sd(replayed));
  });

  it('scales every quantity by scale and by the rate changes in force', () => {
    const spec = buildStrategy(load(', scale: 1.5, changes: [{ at: 14, factor: 2 }]'), 'base').plant;
    const units: [number, number][] = [];
    simulatePlant(spec, { seed: 1, observer: { customerOrder: (_item, q, time) => void units.push([time, q]) } });
    expect(units[0]).toEqual([0.5, 1.5 * size(0)]);
    const after = units.find(([t]) => t > 14)!;
    expect(after[1]).toBe(1.5 * 2 * size(days.indexOf(Math.floor(after[0]))));
    expect(load(', scale: 1.5').compiled.base.rates.part.mean).toBeCloseTo(1.5 * load('').compiled.base.rates.part.mean, 9);
  });
});
