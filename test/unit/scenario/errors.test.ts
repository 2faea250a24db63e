import { describe, expect, it } from 'vitest';
import { PLANT, designExample, errorOf, plantWith, problems } from './helpers.js';

describe('each problem is one line naming the file, the path and what was expected', () => {
  it.each([
    ['a negative reorder point', plantWith('reorderPoint: 10', 'reorderPoint: -5'), 'x.yaml: items.steel.policy.reorderPoint: expected a number >= 0, got -5'],
    [
      'demand for an unknown item',
      plantWith('item: widget', 'item: gadget'),
      'x.yaml: demand[0].item: expected one of the items (steel, widget), got "gadget"',
    ],
    [
      'a machine that is not in machines',
      plantWith('machine: press', 'machine: lathe'),
      'x.yaml: items.widget.make.machine: expected one of the machines (press), got "lathe"',
    ],
    [
      'a BOM component that is not an item',
      plantWith('bom: { steel: 2 }', 'bom: { iron: 2 }'),
      'x.yaml: items.widget.make.bom.iron: unknown item (expected one of steel, widget)',
    ],
    [
      'a BOM that contains its own item',
      plantWith('bom: { steel: 2 }', 'bom: { widget: 1 }'),
      'x.yaml: items.widget.make.bom.widget: expected a bill of materials without cycles, got widget → widget',
    ],
    [
      'a BOM cycle through other items',
      plantWith('buy: { leadTime: 5, orderCost: 40 }', 'make: { machine: press, processTime: 1, bom: { widget: 1 } }'),
      'x.yaml: items.steel.make.bom.widget: expected a bill of materials without cycles, got steel → widget → steel',
    ],
    [
      'a transfer from an unknown item',
      plantWith('buy: { leadTime: 5, orderCost: 40 }', 'transfer: { from: depot, leadTime: 1 }'),
      'x.yaml: items.steel.transfer.from: expected one of the items (steel, widget), got "depot"',
    ],
    [
      'a transfer from the item itself',
      plantWith('buy: { leadTime: 5, orderCost: 40 }', 'transfer: { from: steel, leadTime: 1 }'),
      "x.yaml: items.steel.transfer.from: expected another item's stock point (steel cannot ship to itself), got steel",
    ],
    [
      'a supply cycle through a transfer and a bill of materials',
      plantWith('buy: { leadTime: 5, orderCost: 40 }', 'transfer: { from: widget, leadTime: 1 }'),
      'x.yaml: items.steel.transfer.from: expected stock points that do not supply themselves through transfers and bills of materials, got steel → widget → steel',
    ],
    [
      'allocation by priority without a priority list',
      plantWith('buy: { leadTime: 5, orderCost: 40 }', 'buy: { leadTime: 5, orderCost: 40 }\n    allocation: priority'),
      'x.yaml: items.steel.priority: expected a priority list of the downstream items to serve first (with allocation: priority), got none',
    ],
    [
      'an item both bought and made',
      plantWith('buy: { leadTime: 5, orderCost: 40 }', 'buy: { leadTime: 5 }\n    make: { machine: press, processTime: 1 }'),
      'x.yaml: items.steel: expected one of buy, make or transfer, got buy and make',
    ],
    [
      'a bought item without a policy',
      plantWith('    policy: { type: sQ, reorderPoint: 10, quantity: 100 }\n', ''),
      'x.yaml: items.steel.policy: expected a policy (required on an item with buy, make or transfer), got nothing',
    ],
    [
      'a policy on an item that is never replenished',
      plantWith('    buy: { leadTime: 5, orderCost: 40 }\n', ''),
      'x.yaml: items.steel.policy.type: expected "none" or no policy (an item with no buy, make or transfer is never replenished), got "sQ"',
    ],
    [
      'sS with reorderPoint >= orderUpTo',
      plantWith('{ type: sQ, reorderPoint: 10, quantity: 100 }', '{ type: sS, reorderPoint: 10, orderUpTo: 10 }'),
      'x.yaml: items.steel.policy.orderUpTo: expected a number > reorderPoint (10), got 10',
    ],
    ['every: 0', plantWith('every: 1', 'every: 0'), 'x.yaml: demand[0].every: expected a number > 0 (with every: 0 time would never advance), got 0'],
    [
      'a constant-0 interarrival',
      plantWith('every: 1', 'interarrival: { constant: 0 }'),
      'x.yaml: demand[0].interarrival: expected a distribution with mean > 0 (with a mean gap of 0 time would never advance), got mean 0',
    ],
    [
      'an interarrival of 0',
      plantWith('every: 1', 'interarrival: 0'),
      'x.yaml: demand[0].interarrival: expected a distribution with mean > 0 (with a mean gap of 0 time would never advance), got mean 0',
    ],
    [
      'two sources of demand',
      plantWith('every: 1', 'every: 1, interarrival: 2'),
      'x.yaml: demand[0]: expected exactly one of interarrival, every or trace, got interarrival and every',
    ],
    [
      'no source of demand',
      plantWith('{ item: widget, every: 1 }', '{ item: widget }'),
      'x.yaml: demand[0]: expected exactly one of interarrival, every or trace, got none',
    ],
    [
      'RS every 0',
      plantWith('{ type: sQ, reorderPoint: 10, quantity: 100 }', '{ type: RS, every: 0, orderUpTo: 10 }'),
      'x.yaml: items.steel.policy.every: expected a number > 0 (with every: 0 time would never advance), got 0',
    ],
    [
      'batch every 0',
      plantWith('{ type: sQ, reorderPoint: 10, quantity: 100 }', '{ type: batch, lotSize: 10, every: 0 }'),
      'x.yaml: items.steel.policy.every: expected a number > 0 (with every: 0 time would never advance), got 0',
    ],
    [
      'an empirical with no values',
      plantWith('leadTime: 5', 'leadTime: { empirical: [] }'),
      'x.yaml: items.steel.buy.leadTime.empirical: expected a non-empty list, got []',
    ],
    [
      'discrete weights that do not match the values',
      plantWith('leadTime: 5', 'leadTime: { discrete: { values: [1, 2], weights: [1] } }'),
      'x.yaml: items.steel.buy.leadTime.discrete.weights: expected an array as long as values (2), got [1]',
    ],
    [
      "a uniform with max below min (the factory's RangeError)",
      plantWith('leadTime: 5', 'leadTime: { uniform: { min: 5, max: 3 } }'),
      'x.yaml: items.steel.buy.leadTime.uniform.max: expected a finite number >= min (5), got 3',
    ],
    [
      'a triangular with its mode outside',
      plantWith('leadTime: 5', 'leadTime: { triangular: { min: 1, mode: 9, max: 4 } }'),
      'x.yaml: items.steel.buy.leadTime.triangular.mode: expected a finite number between min (1) and max (4), got 9',
    ],
    [
      'a negative exponential mean',
      plantWith('leadTime: 5', 'leadTime: { exponential: { mean: -1 } }'),
      'x.yaml: items.steel.buy.leadTime.exponential.mean: expected a number > 0, got -1',
    ],
    [
      'an unknown distribution',
      plantWith('leadTime: 5', 'leadTime: { weibull: { shape: 2 } }'),
      'x.yaml: items.steel.buy.leadTime: expected a number >= 0 or one of {constant: x}, {exponential: {mean}}, {normal: {mean, sd}}, ' +
        '{lognormal: {mean, sd}}, {gamma: {mean, sd}}, {uniform: {min, max}}, {triangular: {min, mode, max}}, {poisson: {mean}}, ' +
        '{discrete: {values, weights}}, {empirical: [values]}, got {weibull: {shape: 2}}',
    ],
    [
      'warmup at the horizon',
      plantWith('{ horizon: 100 }', '{ horizon: 100, warmup: 100 }'),
      'x.yaml: time.warmup: expected a number < horizon (100), got 100',
    ],
    [
      'an unknown policy type',
      plantWith('type: sQ, reorderPoint: 10, quantity: 100', 'type: EOQ'),
      'x.yaml: items.steel.policy.type: expected one of sQ, sS, RS, baseStock, kanban, batch, continuous, makeToOrder, ddmrp, mrp, anchorAndAdjust, forecastOrderUpTo, none, got "EOQ"',
    ],
    [
      'a quantity that is neither a number nor eoq',
      plantWith('quantity: 100', 'quantity: lots'),
      'x.yaml: items.steel.policy.quantity: expected a number > 0 or "eoq", got "lots"',
    ],
    [
      'a service level of 1',
      plantWith('serviceLevel: 0.9', 'serviceLevel: 1'),
      'x.yaml: items.widget.policy.reorderPoint.serviceLevel: expected a probability p with 0 < p < 1, got 1',
    ],
    ['half a server', plantWith('press: {}', 'press: { servers: 0.5 }'), 'x.yaml: machines.press.servers: expected a whole number, got 0.5'],
    [
      'kanban with no cards',
      plantWith('{ type: sQ, reorderPoint: 10, quantity: 100 }', '{ type: kanban, cards: 0, containerSize: 5 }'),
      'x.yaml: items.steel.policy.cards: expected a whole number >= 1, got 0',
    ],
    [
      'an unknown unmet rule',
      plantWith('holdingCost: 0.5', 'holdingCost: 0.5\n    unmet: drop'),
      'x.yaml: items.widget.unmet: expected one of backorder, lost, got "drop"',
    ],
    ['a negative cost', plantWith('holdingCost: 0.5', 'holdingCost: -0.5'), 'x.yaml: items.widget.holdingCost: expected a number >= 0, got -0.5'],
    ['a missing horizon', plantWith('time: { horizon: 100 }', 'time: { unit: week }'), 'x.yaml: time.horizon: expected a number, got nothing'],
    [
      'initial stock above the storage limit',
      plantWith('holdingCost: 0.5', 'holdingCost: 0.5\n    capacity: 50\n    initial: 60'),
      'x.yaml: items.widget.initial: expected a number <= capacity (50), got 60',
    ],
    [
      'rate changes out of order',
      plantWith('every: 1', 'every: 1, changes: [ { at: 5, factor: 2 }, { at: 3, factor: 1 } ]'),
      'x.yaml: demand[0].changes[1].at: expected a time >= 5 (changes in ascending order), got 3',
    ],
    [
      'a machine that fails after no time',
      plantWith('press: {}', 'press: { failures: { upTime: 0, repairTime: 1 } }'),
      'x.yaml: machines.press.failures.upTime: expected a distribution with mean > 0 (a machine failing after 0 time would never work), got mean 0',
    ],
    [
      'a name with a dot',
      `${PLANT}strategies:\n  v1.2: {}\n`,
      'x.yaml: strategies.v1.2: expected a name without ".", "[" or "]" (they separate the parts of a path), got "v1.2"',
    ],
    ['a file that is not a scenario', '- 1\n- 2\n', 'x.yaml: expected a scenario: an object with name, time and items, got [1, 2]'],
  ])('%s', (_, text, line) => {
    expect(problems(text)).toEqual([line]);
  });
});

describe('unknown keys', () => {
  it('are errors naming the key and the keys expected there', () => {
    expect(problems(plantWith('    policy: { type: sQ, reorderPoint: 10', '    polcy: {}\n    policy: { type: sQ, reorderPoint: 10'))).toEqual([
      'x.yaml: items.steel.polcy: unknown key (expected one of holdingCost, capacity, unmet, backorderCost, lostSaleCost, initial, buy, make, transfer, allocation, priority, policy)',
    ]);
  });

  it('are found inside policies and distributions too', () => {
    expect(problems(plantWith('quantity: 100 }', 'quantity: 100, size: 3 }'))).toEqual([
      'x.yaml: items.steel.policy.size: unknown key (expected one of type, reorderPoint, quantity)',
    ]);
    expect(problems(plantWith('leadTime: 5', 'leadTime: { exponential: { mean: 5, sd: 1 } }'))).toEqual([
      'x.yaml: items.steel.buy.leadTime.exponential.sd: unknown key (expected one of mean)',
    ]);
  });

  it('at the top level list the top-level keys', () => {
    expect(problems(`${PLANT}horizon: 5\n`)).toEqual([
      'x.yaml: horizon: unknown key (expected one of name, description, time, currency, run, calendars, machines, items, demand, planning, forecasts, challenge, play, strategies)',
    ]);
  });
});

describe('YAML syntax errors', () => {
  it("show the line and column and yaml's reason", () => {
    expect(problems('name: x\ntime: { horizon: 5\nitems: {}\n')).toEqual([
      'x.yaml:3:1: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  it('include duplicate keys', () => {
    const [line] = problems(plantWith('holdingCost: 0.01', 'holdingCost: 0.01\n    holdingCost: 0.02'));
    expect(line).toBe('x.yaml:8:5: YAML syntax error: Map keys must be unique');
  });

  it('say a file holds one document', () => {
    expect(problems(`${PLANT}---\nname: other\n`)).toEqual(['x.yaml:16:1: YAML syntax error: a scenario file holds one document (remove the extra ---)']);
  });

  it('carry their line for the editor', () => {
    expect(errorOf('name: x\ntime: { horizon: 5\nitems: {}\n').issues[0]).toMatchObject({ file: 'x.yaml', path: '', line: 3 });
  });
});

describe('many problems', () => {
  it('are all reported at once, schema and references together, in the order of their lines', () => {
    const text = PLANT.replace('reorderPoint: 10', 'reorderPoint: -5')
      .replace('machine: press', 'machine: lathe')
      .replace('item: widget', 'item: gadget')
      .replace('time: { horizon: 100 }', 'time: { horizon: 100 }\ncolour: red');
    expect(problems(text)).toEqual([
      'x.yaml: colour: unknown key (expected one of name, description, time, currency, run, calendars, machines, items, demand, planning, forecasts, challenge, play, strategies)',
      'x.yaml: items.steel.policy.reorderPoint: expected a number >= 0, got -5',
      'x.yaml: items.widget.make.machine: expected one of the machines (press), got "lathe"',
      'x.yaml: demand[0].item: expected one of the items (steel, widget), got "gadget"',
    ]);
  });

  it('each carry the line of their path', () => {
    const text = PLANT.replace('reorderPoint: 10', 'reorderPoint: -5').replace('item: widget', 'item: gadget');
    expect(errorOf(text).issues.map((issue) => [issue.path, issue.line])).toEqual([
      ['items.steel.policy.reorderPoint', 9],
      ['demand[0].item', 15],
    ]);
  });

  it("never show zod's own wording", () => {
    const bad = [
      plantWith('name: Small plant', 'name: 5'),
      plantWith('leadTime: 5', 'leadTime: "five"'),
      plantWith('bom: { steel: 2 }', 'bom: [steel]'),
      plantWith('demand:\n', 'demand: {}\n'),
      plantWith('press: {}', 'press: []'),
      `${PLANT}run: { seed: 1.5 }\n`,
      '',
    ];
    for (const text of bad) {
      for (const line of problems(text)) expect(line).not.toMatch(/Invalid|Too small|Too big|received/);
    }
  });
});

describe('strategies', () => {
  const withStrategies = (strategies: string) => `${PLANT}strategies:\n${strategies}`;

  it('are each validated after merging, problems named under strategies.<name>', () => {
    const text = withStrategies('  JIT:\n    items:\n      widget: { policy: { type: kanban, cards: 0, containerSize: 20 } }\n');
    expect(problems(text)).toEqual(['x.yaml: strategies.JIT.items.widget.policy.cards: expected a whole number >= 1, got 0']);
    expect(errorOf(text).issues[0].line).toBe(19);
  });

  it('report a problem the base already has once, for the base', () => {
    const text = withStrategies('  A: {}\n  B: { time: { horizon: 200 } }\n').replace('reorderPoint: 10', 'reorderPoint: -5');
    expect(problems(text)).toEqual(['x.yaml: items.steel.policy.reorderPoint: expected a number >= 0, got -5']);
  });

  it('may not patch an item or a machine the base does not have', () => {
    const text = withStrategies('  A:\n    items: { nope: { holdingCost: 1 } }\n    machines: { lathe: { servers: 2 } }\n');
    expect(problems(text)).toEqual([
      'x.yaml: strategies.A.items.nope: unknown item (expected one of steel, widget)',
      'x.yaml: strategies.A.machines.lathe: unknown machine (expected one of press)',
    ]);
  });

  it('may not change run, which every strategy shares', () => {
    expect(problems(withStrategies('  A: { run: { seed: 3 } }\n'))).toEqual([
      'x.yaml: strategies.A.run: unknown key in a strategy (run is shared by all strategies, so they see the same random numbers)',
    ]);
  });

  it('must be objects', () => {
    expect(problems(withStrategies('  A:\n'))).toEqual(['x.yaml: strategies.A: expected an object (a merge patch; {} for no change), got null']);
  });

  it('report what a patch breaks elsewhere, under the strategy', () => {
    expect(problems(withStrategies('  NoPress: { machines: { press: null } }\n'))).toEqual([
      'x.yaml: strategies.NoPress.items.widget.make.machine: expected one of the machines (there are none), got "press"',
    ]);
  });

  it('have their derived values checked at load time', () => {
    const text = withStrategies('  Free:\n    items: { widget: { holdingCost: 0 } }\n');
    expect(problems(text)).toEqual(['x.yaml: strategies.Free.items.widget.policy.quantity: expected holdingCost > 0 for eoq (EOQ = √(2KD/h)), got 0']);
  });

  it('in the DESIGN.md example are all valid', () => {
    expect(() => errorOf(designExample())).toThrow('expected the scenario to be rejected');
  });
});
