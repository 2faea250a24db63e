import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ScenarioError, buildStrategy, loadScenario, setPath } from '../../../sim/scenario/index.js';

const positive = fc.double({ min: 0.1, max: 10, noNaN: true });

const distribution = fc.oneof(
  positive,
  positive.map((mean) => ({ exponential: { mean } })),
  fc.tuple(positive, positive).map(([mean, sd]) => ({ gamma: { mean, sd } })),
  fc.tuple(positive, positive).map(([mean, sd]) => ({ lognormal: { mean, sd } })),
  fc.tuple(positive, positive).map(([a, b]) => ({ uniform: { min: Math.min(a, b), max: Math.max(a, b) } })),
  fc
    .tuple(positive, positive, positive)
    .map((xs) => xs.sort((a, b) => a - b))
    .map(([min, mode, max]) => ({ triangular: { min, mode, max: max + 0.1 } })),
  positive.map((mean) => ({ poisson: { mean } })),
  fc.array(positive, { minLength: 1, maxLength: 4 }).map((values) => ({ discrete: { values, weights: values.map(() => 1) } })),
  fc.array(positive, { minLength: 1, maxLength: 4 }).map((values) => ({ empirical: values })),
);

const policy = fc.oneof(
  fc.record({
    type: fc.constant('sQ'),
    reorderPoint: fc.oneof(fc.nat(50), fc.record({ serviceLevel: fc.double({ min: 0.05, max: 0.99, noNaN: true }) })),
    quantity: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant('eoq')),
  }),
  fc.record({ type: fc.constant('sS'), reorderPoint: fc.nat(20), orderUpTo: fc.integer({ min: 21, max: 80 }) }),
  fc.record({ type: fc.constant('RS'), every: positive, orderUpTo: fc.nat(80) }),
  fc.record({ type: fc.constant('baseStock'), level: fc.nat(40) }),
  fc.record({ type: fc.constant('kanban'), cards: fc.integer({ min: 1, max: 6 }), containerSize: positive }),
  fc.record({ type: fc.constant('batch'), lotSize: positive, every: positive, offset: fc.nat(5) }),
  fc.record({ type: fc.constant('continuous'), rate: positive }),
  fc.constant({ type: 'makeToOrder' }),
  fc.constant({ type: 'none' }),
);

// Items i0…; an item may be made from earlier items only, so BOMs never cycle. Every item has
// demand and costs, and made items run slowly enough, so eoq and serviceLevel can be derived.
const scenario = fc.array(fc.tuple(fc.boolean(), policy, distribution, distribution, fc.nat(3)), { minLength: 1, maxLength: 4 }).map((specs) => {
  const items: Record<string, unknown> = {};
  specs.forEach(([made, p, time], i) => {
    const source =
      made && i > 0 ? { make: { machine: 'm', processTime: 0.001, setupCost: 5, bom: { [`i${i - 1}`]: 1 } } } : { buy: { leadTime: time, orderCost: 5 } };
    items[`i${i}`] = { holdingCost: 1, ...source, policy: p };
  });
  const demand = specs.map(([, , time, quantity, every], i) =>
    every > 0 ? { item: `i${i}`, every, quantity } : { item: `i${i}`, interarrival: { exponential: { mean: 1 } }, quantity: time },
  );
  return { name: 'random', time: { horizon: 50 }, machines: { m: { servers: 2 } }, items, demand, strategies: { Same: {} } };
});

describe('random scenarios', () => {
  it('every valid scenario loads and builds, as YAML and as JSON alike', () => {
    fc.assert(
      fc.property(scenario, (doc) => {
        const fromYaml = loadScenario(stringify(doc), { file: 'r.yaml' });
        const fromJson = loadScenario(JSON.stringify(doc), { file: 'r.json' });
        const built = buildStrategy(fromYaml, 'Same');
        expect(Object.keys(built.plant.items)).toEqual(Object.keys(doc.items));
        expect(buildStrategy(fromJson, 'Same').derived).toEqual(built.derived);
        for (const item of Object.values(built.plant.items)) {
          const p = item.policy;
          if (p.type === 'sQ') expect(Number.isInteger(p.quantity) && p.quantity >= 1 && p.reorderPoint >= 0).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('any junk at any path is reported as problem lines, never thrown as something else', () => {
    const junk = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -3, max: 3 }),
      fc.string({ maxLength: 4 }),
      fc.double(),
      fc.array(fc.integer(), { maxLength: 2 }),
      fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
      fc.constant('eoq'),
    );
    const at = fc.constantFrom(
      'name',
      'time',
      'time.horizon',
      'time.warmup',
      'run',
      'run.seed',
      'machines.m',
      'machines.m.servers',
      'machines.m.failures',
      'items',
      'items.i0',
      'items.i0.policy',
      'items.i0.policy.type',
      'items.i0.buy.leadTime',
      'items.i0.capacity',
      'items.i1.make.bom',
      'demand',
      'demand[0]',
      'demand[0].item',
      'demand[0].every',
      'demand[0].quantity',
      'strategies',
      'strategies.Same',
      'strategies.Same.items',
      'strategies.Same.items.i0.policy',
      'strategies.Same.demand',
    );
    fc.assert(
      fc.property(scenario, at, junk, (doc, path, value) => {
        const text = stringify(setPath(doc, path, value));
        try {
          loadScenario(text, { file: 'r.yaml' });
        } catch (error) {
          expect(error).toBeInstanceOf(ScenarioError);
          for (const line of (error as ScenarioError).message.split('\n')) {
            expect(line).toMatch(/^r\.yaml[:]/);
            expect(line).not.toMatch(/Invalid input|Too small|Too big|received/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
