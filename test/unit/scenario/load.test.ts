import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../sim/model/index.js';
import { ScenarioError, buildStrategy, loadScenario } from '../../../sim/scenario/index.js';
import { PLANT, designExample, errorOf, load } from './helpers.js';

describe('loadScenario on the DESIGN.md example', () => {
  const scenario = loadScenario(designExample(), { file: 'scenarios/example.yaml' });

  it('has the strategies JIT, EOQ and Batch in file order', () => {
    expect(scenario.strategies).toEqual(['JIT', 'EOQ', 'Batch']);
  });

  it('reads name, description, time, currency and run from the file', () => {
    expect(scenario.file).toBe('scenarios/example.yaml');
    expect(scenario.name).toBe('One product, three strategies');
    expect(scenario.description).toBe('A press turns steel into widgets. Compare JIT, EOQ and batch.');
    expect(scenario.time).toEqual({ unit: 'day', horizon: 365, warmup: 30 });
    expect(scenario.currency).toBe('EUR');
    expect(scenario.run).toEqual({ replications: 30, seed: 7, maxEvents: 20_000_000 });
  });

  it('compiles every strategy once: its document as written and merged, what its patch sets, its policies resolved', () => {
    expect(Object.keys(scenario.compiled)).toEqual(['JIT', 'EOQ', 'Batch']);
    const eoq = scenario.compiled.EOQ;
    expect(eoq.document).not.toHaveProperty('strategies');
    expect(eoq.document.items.widget.policy).toEqual({ type: 'sQ', reorderPoint: { serviceLevel: 0.95 }, quantity: 'eoq' });
    expect(eoq.patched).toEqual([]);
    expect(scenario.compiled.JIT.patched).toEqual(['items.steel.policy', 'items.widget.policy']);
    expect(eoq.policies.widget).toEqual({ type: 'sQ', reorderPoint: eoq.derived.widget.reorderPoint, quantity: eoq.derived.widget.quantity });
    // The derived values keep the numbers they came from.
    expect(eoq.derivations.widget.quantity!.inputs).toMatchObject({ D: eoq.rates.widget.mean, h: eoq.document.items.widget.holdingCost });
    expect(eoq.derivations.widget.reorderPoint!.inputs.p).toBe(0.95);
    // Plain data: it crosses to Web Workers by structured clone unchanged.
    expect(structuredClone(scenario)).toEqual(scenario);
  });

  it('JIT runs steel and widgets on kanban cards', () => {
    const { plant, derived } = buildStrategy(scenario, 'JIT');
    expect(plant.items.widget.policy).toEqual({ type: 'kanban', cards: 5, containerSize: 20 });
    expect(plant.items.steel.policy).toEqual({ type: 'kanban', cards: 8, containerSize: 40 });
    expect(derived).toEqual({});
  });

  it('EOQ runs widgets on sQ with the derived EPQ and reorder point', () => {
    const { plant, derived } = buildStrategy(scenario, 'EOQ');
    // D = 1/0.05 = 20, P = 1/0.02 = 50, K = 100, h = 0.5: √(2·100·20/(0.5·0.6)) = 115.47.
    // L = 0.2 + 115·0.02 = 2.5, Var L = 115·0.02² = 0.046 (exponential process times); Poisson
    // demand: μ = 50, σ² = 2.5·20 + 20²·0.046 = 68.4; s = 50 + 1.6449·8.270 = 63.60.
    expect(plant.items.widget.policy).toEqual({ type: 'sQ', quantity: 115, reorderPoint: 64 });
    expect(derived.widget).toEqual({
      quantity: 115,
      reorderPoint: 64,
      formulas: {
        quantity: 'EPQ = √(2·K·D/(h·(1 − D/P))) = √(2·100·20/(0.5·(1 − 20/50))) = 115.5 → 115',
        reorderPoint: 's = μL + z·σL = 50 + 1.645·8.27 = 63.6 → 64, σL = √(L·σ²D + D²·Var L) = √(2.5·20 + 20²·0.046) (D = 20, L = 2.5, p = 0.95)',
      },
    });
  });

  it('EOQ derives steel from the demand of the widgets made from it', () => {
    const { derived } = buildStrategy(scenario, 'EOQ');
    // D = 2 steel per widget · 20 widgets = 40; √(2·40·40/0.01) = 565.7; L = uniform(3, 7): mean 5,
    // Var L = 4²/12; σ² = 5·40 + 40²·4/3.
    expect(derived.steel.quantity).toBe(566);
    expect(derived.steel.reorderPoint).toBe(Math.ceil(200 + 1.6448536269514722 * Math.sqrt(200 + 1600 * (4 / 3))));
  });

  it('Batch releases 600 widgets every 30 days from time 0', () => {
    const { plant } = buildStrategy(scenario, 'Batch');
    expect(plant.items.widget.policy).toEqual({ type: 'batch', lotSize: 600, every: 30, offset: 0 });
    expect(plant.items.steel.policy.type).toBe('sQ');
  });

  it('builds the plant of DESIGN.md: machine failures, BOM, demand with its rate change', () => {
    const { plant } = buildStrategy(scenario, 'EOQ');
    expect(plant.time).toEqual({ horizon: 365, warmup: 30, bucket: 1 });
    expect(plant.machines.press.servers).toBe(1);
    expect(plant.machines.press.failures?.upTime.name).toBe('exponential');
    expect(plant.machines.press.failures?.repairTime.mean).toBe(1);
    expect(plant.items.widget.make?.bom).toEqual({ steel: 2 });
    expect(plant.items.widget.make?.setupTime.mean).toBeCloseTo(0.2, 12);
    expect(plant.items.widget.capacity).toBe(800);
    expect(plant.items.steel.buy?.leadTime.mean).toBe(5);
    const [stream] = plant.demand;
    expect(stream.kind === 'stream' && stream.changes).toEqual([{ at: 180, factor: 1.5 }]);
  });

  it('every strategy simulates without error over a short horizon', () => {
    for (const name of scenario.strategies) {
      const { plant } = buildStrategy(scenario, name);
      const result = simulatePlant({ ...plant, time: { horizon: 20, warmup: 2, bucket: 1 } }, { seed: 7 });
      expect(result.items.widget.fillRate).toBeGreaterThanOrEqual(0);
    }
  });

  it('builds a strategy the same way every time', () => {
    expect(buildStrategy(scenario, 'EOQ').derived).toEqual(buildStrategy(scenario, 'EOQ').derived);
  });
});

describe('loadScenario', () => {
  const minimal = `
name: m
time: { horizon: 10 }
items:
  bolt: {}
  nut:
    buy: { leadTime: 1 }
    policy: { type: RS, every: 5, orderUpTo: 10 }
demand:
  - { item: bolt, every: 2 }
`;

  it('a scenario without strategies has the one strategy base', () => {
    const scenario = load(minimal);
    expect(scenario.strategies).toEqual(['base']);
    expect(scenario.compiled.base.patched).toEqual([]);
    expect(buildStrategy(scenario, 'base').plant.items.nut.policy.type).toBe('RS');
  });

  it('fills every default of DESIGN.md', () => {
    const scenario = load(minimal);
    expect(scenario.time).toEqual({ unit: 'day', horizon: 10, warmup: 0 });
    expect(scenario.run).toEqual({ replications: 10, seed: 1, maxEvents: 20_000_000 });
    expect(scenario.currency).toBe('EUR');
    expect(scenario.description).toBe('');
    const { plant } = buildStrategy(scenario, 'base');
    expect(plant.items.bolt).toEqual({
      holdingCost: 0,
      capacity: Infinity,
      unmet: 'backorder',
      backorderCost: 0,
      lostSaleCost: 0,
      initial: 0,
      buy: null,
      make: null,
      transfer: null,
      allocation: { kind: 'fifo' },
      policy: { type: 'none' },
    });
    expect(plant.items.nut.buy).toMatchObject({ orderCost: 0, unitCost: 0 });
    expect(plant.items.nut.policy).toEqual({ type: 'RS', every: 5, orderUpTo: 10, offset: 0 });
    const [stream] = plant.demand;
    expect(stream.kind === 'stream' && [stream.quantity.name, stream.quantity.mean, stream.changes]).toEqual(['constant', 1, []]);
  });

  it('fills machine defaults: one server, no failures, no setup', () => {
    const { plant } = buildStrategy(load(PLANT), 'base');
    expect(plant.machines.press).toEqual({ servers: 1, failures: null, calendar: null });
    expect(plant.items.widget.make?.setupTime).toMatchObject({ name: 'constant', mean: 0 });
  });

  it('turns every: T into a constant interarrival of T', () => {
    const [stream] = buildStrategy(load(minimal), 'base').plant.demand;
    expect(stream.kind === 'stream' && [stream.interarrival.name, stream.interarrival.mean]).toEqual(['constant', 2]);
  });

  it("names an item's demand streams item, item#2, … whatever other items do", () => {
    const text = minimal.replace(
      '  - { item: bolt, every: 2 }',
      [
        '  - { item: nut, every: 1 }',
        '  - { item: bolt, every: 2 }',
        '  - { item: nut, interarrival: { exponential: { mean: 3 } } }',
        '  - { item: bolt, every: 4 }',
      ].join('\n'),
    );
    const names = buildStrategy(load(text), 'base').plant.demand.map((d) => d.name);
    expect(names).toEqual(['nut', 'bolt', 'nut#2', 'bolt#2']);
  });

  it('builds each distribution with its factory', () => {
    const text = minimal.replace('leadTime: 1', 'leadTime: { lognormal: { mean: 2, sd: 0.5 } }');
    const leadTime = buildStrategy(load(text), 'base').plant.items.nut.buy?.leadTime;
    expect([leadTime?.name, leadTime?.mean, leadTime?.variance]).toEqual(['lognormal', 2, 0.25]);
  });

  it('loads JSON, which is YAML', () => {
    const json = JSON.stringify({ name: 'j', time: { horizon: 5 }, items: { a: {} }, strategies: { S: { time: { horizon: 6 } } } });
    const scenario = load(json, { file: 'x.json' });
    expect(scenario.strategies).toEqual(['S']);
    expect(buildStrategy(scenario, 'S').plant.time.horizon).toBe(6);
  });

  it('buildStrategy names an unknown strategy and the known ones', () => {
    const scenario = loadScenario(designExample(), { file: 'x.yaml' });
    expect(() => buildStrategy(scenario, 'Lean')).toThrow(ScenarioError);
    expect(() => buildStrategy(scenario, 'Lean')).toThrow('x.yaml: strategies: unknown strategy "Lean" (expected one of JIT, EOQ, Batch)');
  });

  it('base is the strategy of a file without strategies only: beside named ones it is not compiled', () => {
    const scenario = loadScenario(designExample(), { file: 'x.yaml' });
    expect(() => buildStrategy(scenario, 'base')).toThrow('x.yaml: strategies: unknown strategy "base" (expected one of JIT, EOQ, Batch)');
  });

  it('the ScenarioError lists its issues with file, path and line', () => {
    const error = errorOf(PLANT.replace('reorderPoint: 10', 'reorderPoint: -5'));
    expect(error.issues).toEqual([
      {
        file: 'x.yaml',
        path: 'items.steel.policy.reorderPoint',
        line: 9,
        message: 'x.yaml: items.steel.policy.reorderPoint: expected a number >= 0, got -5',
        text: 'expected a number >= 0, got -5',
      },
    ]);
    expect(error.name).toBe('ScenarioError');
  });
});
