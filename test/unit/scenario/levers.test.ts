// Every value a lever (a slider of the page) offers must be one the scenario accepts: the schema,
// its cross-field rules and the derivations. Before the levers lived in sim/, about one slider end
// in five gave a scenario the page could not run (kanban cards 0, a quantity of 0, a demand gap
// that made the EPQ underivable).
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leversOf, loadScenario, type Lever, type Scenario } from '../../../sim/scenario/index.js';

const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `scenarios/${f}`);
const readFile = (path: string): string => readFileSync(path, 'utf8');
const load = (file: string, overrides: Record<string, unknown> = {}): Scenario => loadScenario(readFile(file), { file, readFile, overrides });

/** Whether the scenario loads with the lever at `value`; the reason when it does not. */
function loadsWith(file: string, lever: Lever, value: number): string | null {
  try {
    load(file, { [lever.path]: value });
    return null;
  } catch (error) {
    return `${lever.path} = ${value}: ${(error as Error).message}`;
  }
}

describe('levers', () => {
  it('exist for every bundled scenario, each range around its value on a grid of its step', () => {
    for (const file of files) {
      const levers = leversOf(load(file));
      expect(levers.length, file).toBeGreaterThan(0);
      for (const lever of levers) {
        expect(lever.min, `${file} ${lever.path}`).toBeLessThanOrEqual(lever.value);
        expect(lever.max, `${file} ${lever.path}`).toBeGreaterThanOrEqual(lever.value);
        expect(lever.step).toBeGreaterThan(0);
      }
    }
  });

  it('offer at both ends of every range a value the scenario accepts, in every bundled scenario', () => {
    const refused = files.flatMap((file) => leversOf(load(file)).flatMap((lever) => [loadsWith(file, lever, lever.min), loadsWith(file, lever, lever.max)]));
    expect(refused.filter((r) => r !== null)).toEqual([]);
  });

  it('offer only accepted values anywhere on their grid (property)', () => {
    const cases = files.flatMap((file) => leversOf(load(file)).map((lever) => ({ file, lever })));
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.double({ min: 0, max: 1, noNaN: true }), ({ file, lever }, u) => {
        const steps = Math.round((lever.max - lever.min) / lever.step);
        const value = Number((lever.min + Math.round(u * steps) * lever.step).toPrecision(12));
        expect(loadsWith(file, lever, value)).toBeNull();
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('stop a count at 1 where 0 is refused, and keep a reorder point below its order-up-to level', () => {
    const text = `name: t
time: { horizon: 50 }
items:
  a: { holdingCost: 1, buy: { leadTime: 2 }, policy: { type: kanban, cards: 2, containerSize: 5 } }
  b: { holdingCost: 1, buy: { leadTime: 2 }, policy: { type: sS, reorderPoint: 4, orderUpTo: 9 } }
demand:
  - { item: a, every: 1 }
  - { item: b, every: 1 }
`;
    const levers = Object.fromEntries(leversOf(loadScenario(text, { file: 't.yaml' })).map((l) => [l.path, l]));
    expect(levers['items.a.policy.cards']).toMatchObject({ min: 1, max: 10 });
    expect(levers['items.a.policy.containerSize'].min).toBe(1);
    expect(levers['items.b.policy.reorderPoint']).toMatchObject({ min: 0, max: 8 });
    expect(levers['items.b.policy.orderUpTo'].min).toBe(5);
  });

  it('keep a demand gap where the EPQ stays derivable (demand below the production rate)', () => {
    const text = `name: t
time: { horizon: 50 }
machines: { m: {} }
items:
  w:
    holdingCost: 1
    make: { machine: m, processTime: 0.5, setupCost: 20 }
    policy: { type: sQ, reorderPoint: 3, quantity: eoq }
demand:
  - { item: w, every: 1 }
`;
    const gap = leversOf(loadScenario(text, { file: 't.yaml' })).find((l) => l.path === 'demand[0].every')!;
    // P = 2 a time unit: a gap of 0.5 or less would ask for demand at or above P.
    expect(gap.min).toBeGreaterThan(0.5);
    expect(gap.min).toBeLessThanOrEqual(0.5 + gap.step);
    expect(() => loadScenario(text, { file: 't.yaml', overrides: { 'demand[0].every': gap.min } })).not.toThrow();
    expect(() => loadScenario(text, { file: 't.yaml', overrides: { 'demand[0].every': 0.5 } })).toThrow(/below the production rate/);
  });

  it('keep the range offered before, narrowed to the values accepted now', () => {
    const scenario = load('scenarios/jit-eoq-batch.yaml');
    const [first] = leversOf(scenario);
    const kept = leversOf(scenario, new Map([[first.path, { min: -50, max: first.max * 7, step: first.step }]]))[0];
    expect(kept.max).toBe(first.max * 7);
    expect(kept.min).toBeGreaterThanOrEqual(first.min);
  });
});

describe('planning levers', () => {
  const text = `name: MRP levers
time: { horizon: 100 }
planning: { bucket: 5, horizon: 6 }
forecasts: { part: { method: naive, bias: 1.1 } }
items:
  part:
    buy: { leadTime: 5 }
    policy: { type: mrp, leadTime: 1, safetyStock: 4, lotSizing: { fixed: 20 } }
demand:
  - { item: part, every: 1 }
`;
  const levers = leversOf(loadScenario(text, { file: 'mrp.yaml' }));
  const byPath = (path: string) => levers.find((l) => l.path === path);

  it('offer the planned lead time only below the planning horizon, the safety stock, the fixed lot and the forecast bias', () => {
    expect(byPath('items.part.policy.leadTime')).toMatchObject({ value: 1, min: 0, max: 5, step: 1 });
    expect(byPath('items.part.policy.safetyStock')).toMatchObject({ value: 4, min: 0, step: 1 });
    expect(byPath('items.part.policy.lotSizing.fixed')).toMatchObject({ value: 20, step: 1 });
    expect(byPath('items.part.policy.lotSizing.fixed')!.min).toBeGreaterThan(0);
    expect(byPath('forecasts.part.bias')).toMatchObject({ value: 1.1 });
    expect(byPath('forecasts.part.bias')!.min).toBeGreaterThan(0);
  });
});
