import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../sim/model/index.js';
import { createStream, exponential } from '../../../sim/random/index.js';
import { buildStrategy } from '../../../sim/scenario/index.js';
import { load, problems } from './helpers.js';

/** A scenario of bought items (no policy needed: they are never replenished) with these demand lines. */
function scenario(items: string[], demand: string[]): string {
  return `name: keys
time: { horizon: 50 }
items:
${items.map((item) => `  ${JSON.stringify(item)}: {}`).join('\n')}
demand:
${demand.map((line) => `  - ${line}`).join('\n')}
`;
}

/** Every customer order of one run: item, quantity and time, in the order they arrived. */
function ordersOf(text: string, seed = 3): { item: string; quantity: number; time: number }[] {
  const orders: { item: string; quantity: number; time: number }[] = [];
  const { plant } = buildStrategy(load(text), 'base');
  simulatePlant(plant, { seed, observer: { customerOrder: (item, quantity, time) => void orders.push({ item, quantity, time }) } });
  return orders;
}

const timesOf = (orders: { item: string; time: number }[], item: string): number[] => orders.filter((o) => o.item === item).map((o) => o.time);

const EXP1 = 'interarrival: { exponential: { mean: 1 } }';
// A line whose first order comes after the horizon: it takes part in the numbering and orders nothing.
const SILENT = 'every: 1000';

describe('demand streams in a run', () => {
  it("draw a plain item's demand from demand:<item>:interarrival, as before", () => {
    const orders = ordersOf(scenario(['widget'], [`{ item: widget, ${EXP1} }`]));
    const rng = createStream(3, 'demand:widget:interarrival');
    const gap = exponential(1);
    const expected: number[] = [];
    for (let t = gap.sample(rng); t <= 50; t += gap.sample(rng)) expected.push(t);
    expect(timesOf(orders, 'widget')).toEqual(expected);
  });

  it("do not give an item named a#2 the demand of item a's second line", () => {
    const orders = ordersOf(scenario(['a', 'a#2'], [`{ item: a, ${SILENT} }`, `{ item: a, ${EXP1} }`, `{ item: "a#2", ${EXP1} }`]));
    const a = timesOf(orders, 'a');
    const a2 = timesOf(orders, 'a#2');
    expect(a.length).toBeGreaterThan(10);
    expect(a2.length).toBeGreaterThan(10);
    expect(a2.slice(0, 10)).not.toEqual(a.slice(0, 10));
  });

  it("keep a named line's demand when another line of its item is inserted above it", () => {
    const named = `{ item: a, name: export, ${EXP1} }`;
    const inserted = `{ item: a, interarrival: { exponential: { mean: 2 } }, quantity: 5 }`;
    const before = ordersOf(scenario(['a'], [named]));
    const after = ordersOf(scenario(['a'], [inserted, named])).filter((o) => o.quantity === 1);
    expect(before.length).toBeGreaterThan(10);
    expect(after).toEqual(before);
  });

  it('renumber an unnamed line when a line is inserted above it (what a name prevents)', () => {
    const plain = `{ item: a, ${EXP1} }`;
    const inserted = `{ item: a, interarrival: { exponential: { mean: 2 } }, quantity: 5 }`;
    const before = ordersOf(scenario(['a'], [plain]));
    const after = ordersOf(scenario(['a'], [inserted, plain])).filter((o) => o.quantity === 1);
    expect(after.slice(0, 10)).not.toEqual(before.slice(0, 10));
  });

  it("count a named line in the numbering, so naming one line leaves the others' numbers alone", () => {
    const second = `{ item: a, ${EXP1}, quantity: 2 }`;
    const before = ordersOf(scenario(['a'], [`{ item: a, ${SILENT} }`, second]));
    const after = ordersOf(scenario(['a'], [`{ item: a, name: first, ${SILENT} }`, second]));
    expect(before.length).toBeGreaterThan(10);
    expect(after).toEqual(before);
  });
});

describe('demand line names', () => {
  it('are refused when two lines of one item share a name, at the second line', () => {
    const text = scenario(['a', 'b'], [`{ item: a, name: export, ${EXP1} }`, `{ item: b, name: export, ${EXP1} }`, `{ item: a, name: export, every: 2 }`]);
    expect(problems(text)).toEqual([
      'x.yaml: demand[2].name: expected a name no other demand line of "a" has (demand[0].name has it; each name keeps its own random numbers), got "export"',
    ]);
  });

  it('may repeat across items', () => {
    const text = scenario(['a', 'b'], [`{ item: a, name: export, ${EXP1} }`, `{ item: b, name: export, ${EXP1} }`]);
    const orders = ordersOf(text);
    expect(timesOf(orders, 'b').slice(0, 10)).not.toEqual(timesOf(orders, 'a').slice(0, 10));
  });

  it('must not be empty', () => {
    expect(problems(scenario(['a'], [`{ item: a, name: "", ${EXP1} }`]))).toEqual(['x.yaml: demand[0].name: expected a non-empty text, got ""']);
  });

  it('are reported inside a strategy that brings a duplicate', () => {
    const text = `${scenario(['a'], [`{ item: a, name: x, ${EXP1} }`])}strategies:
  Two lines:
    demand: [ { item: a, name: x, every: 1 }, { item: a, name: x, every: 2 } ]
`;
    expect(problems(text)).toEqual([
      'x.yaml: strategies.Two lines.demand[1].name: expected a name no other demand line of "a" has (demand[0].name has it; each name keeps its own random numbers), got "x"',
    ]);
  });
});
