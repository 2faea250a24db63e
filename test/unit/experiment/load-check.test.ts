import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtStrategy } from '../../../sim/experiment/experiment-cache.js';
import { planWarnings } from '../../../sim/experiment/load-check.js';
import type { Warning } from '../../../sim/experiment/results.js';
import { loadScenario, type LoadOptions } from '../../../sim/scenario/index.js';

/** The warnings of one strategy of a scenario written in YAML. */
function warningsOf(text: string, strategy = 'base', options: Partial<LoadOptions> = {}): Warning[] {
  return planWarnings(strategy, builtStrategy(loadScenario(text, { file: 'test.yaml', ...options }), strategy));
}

function codesOf(text: string, options: Partial<LoadOptions> = {}): string[] {
  return warningsOf(text, 'base', options).map((w) => w.code);
}

function only(warnings: Warning[], code: string): Warning {
  const found = warnings.filter((w) => w.code === code);
  expect(found, `warnings: ${JSON.stringify(warnings, null, 2)}`).toHaveLength(1);
  return found[0];
}

/** One machine serving one made-to-order item: an M/M/1 queue when both are exponential. */
const mm1 = (interarrival: number, extra = ''): string => `name: M/M/1
time: { horizon: 100 }
machines:
  m: {${extra}}
items:
  job:
    make: { machine: m, processTime: { exponential: { mean: 1 } } }
    policy: { type: makeToOrder }
demand:
  - { item: job, interarrival: { exponential: { mean: ${interarrival} } } }
`;

/** A part made on the saw goes into each widget made on the press (the issue's two-stage line). */
const twoStage = (partPolicy: string, demand = 'every: 1'): string => `name: Two stages
time: { horizon: 100 }
machines:
  saw: {}
  press: {}
items:
  part:
    make: { machine: saw, processTime: 0.5 }
    policy: ${partPolicy}
  widget:
    make: { machine: press, processTime: 0.6, bom: { part: 1 } }
    policy: { type: makeToOrder }
demand:
  - { item: widget, ${demand} }
`;

/** One item bought with lead time 2 (or made on a press), 7 units a day asked for. */
const sevenADay = (policy: string, item = 'buy: { leadTime: 2 }', machines = ''): string => `name: Seven a day
time: { horizon: 100 }
${machines}items:
  nut:
    ${item}
    policy: ${policy}
demand:
  - { item: nut, every: 1, quantity: 7 }
`;

describe('machine load', () => {
  it('warns that a machine at 125% of its time is unstable', () => {
    const w = only(warningsOf(mm1(0.8)), 'unstable-load');
    expect(w).toMatchObject({ path: 'machines.m', strategies: ['base'] });
    expect(w.message).toContain('Machine m needs 125% of its time');
    expect(w.message).toContain('job 1.25 a time unit × (1 processing)');
    expect(w.kpis).toContain('job.avgBackorders');
  });

  it("gives rates in the scenario's time unit", () => {
    const built = builtStrategy(loadScenario(mm1(0.8), { file: 'test.yaml' }), 'base');
    expect(only(planWarnings('base', built, 'hour'), 'unstable-load').message).toContain('job 1.25 an hour × (1 processing)');
    expect(only(planWarnings('base', built, 'day'), 'unstable-load').message).toContain('job 1.25 a day × (1 processing)');
  });

  it('says nothing of a machine at 80% of its time', () => {
    expect(warningsOf(mm1(1.25))).toEqual([]);
  });

  it('warns that a machine at 97% of its time is highly loaded, not unstable', () => {
    const w = only(warningsOf(mm1(1 / 0.97)), 'high-load');
    expect(w.message).toContain('needs 97% of its time');
    expect(codesOf(mm1(1 / 0.97))).not.toContain('unstable-load');
  });

  it('shares the load among the servers', () => {
    expect(codesOf(mm1(0.8, ' servers: 2 '))).toEqual([]);
    expect(only(warningsOf(mm1(0.4, ' servers: 2 ')), 'unstable-load').message).toContain(
      '125% of its time: job 2.5 a time unit × (1 processing), over 2 servers',
    );
  });

  it('counts the repairs a unit brings with it under operation-dependent failures', () => {
    // 1/1.1 orders a time unit × 1 × (1 + 1/10) = 100%
    const failing = mm1(1.1, ' failures: { upTime: { exponential: { mean: 10 } }, repairTime: 1 } ');
    const w = only(warningsOf(failing), 'unstable-load');
    expect(w.message).toContain('needs 100% of its time');
    expect(w.message).toContain('1.1 processing with breakdowns');
  });

  it('warns when the machine looks idle but each unit waits for a made-to-order part on another machine', () => {
    for (const demand of ['every: 1', 'interarrival: { exponential: { mean: 1 } }']) {
      const warnings = warningsOf(twoStage('{ type: makeToOrder }', demand));
      const w = only(warnings, 'unstable-load');
      expect(w.path).toBe('machines.press');
      expect(w.message).toContain('Machine press needs 110% of its time: widget 1 a time unit × (0.6 processing + 0.5 waiting for made-to-order part)');
      expect(w.message).toContain('keep part in stock');
      expect(warnings.filter((x) => x.path === 'machines.saw')).toEqual([]);
    }
  });

  it('says that kanban cards cap the queue of an overloaded machine, so the shortfall shows downstream', () => {
    const text = mm1(0.8).replace('policy: { type: makeToOrder }', 'policy: { type: kanban, cards: 3, containerSize: 2 }');
    const w = only(warningsOf(text), 'unstable-load');
    expect(w.message).toContain('needs 125% of its time');
    expect(w.message).toContain('its kanban cards keep its queue short');
  });

  it('says nothing when the part is kept in stock', () => {
    expect(codesOf(twoStage('{ type: baseStock, level: 3 }'))).toEqual([]);
  });

  it('adds the waits down a chain of made-to-order items', () => {
    const text = twoStage('{ type: makeToOrder }')
      .replace('saw: {}', 'saw: {}\n  lathe: {}')
      .replace('processTime: 0.5 }', 'processTime: 0.3, bom: { blank: 2 } }')
      .replace('  widget:', '  blank:\n    make: { machine: lathe, processTime: 0.1, setupTime: 0.05 }\n    policy: { type: makeToOrder }\n  widget:');
    // part: 0.3 + one blank order of 2 (0.05 setup + 2 × 0.1) = 0.55; widget: 0.6 + 0.55 = 1.15
    const w = only(warningsOf(text), 'unstable-load');
    expect(w.path).toBe('machines.press');
    expect(w.message).toContain('115% of its time: widget 1 a time unit × (0.6 processing + 0.55 waiting for made-to-order part)');
  });

  it('spreads each setup over the units of an order', () => {
    const eoqLike = (quantity: number): string => `name: Lots
time: { horizon: 100 }
machines:
  press: {}
items:
  widget:
    make: { machine: press, processTime: 0.5, setupTime: 1 }
    policy: { type: sQ, reorderPoint: 5, quantity: ${quantity} }
demand:
  - { item: widget, every: 1 }
`;
    expect(codesOf(eoqLike(10))).toEqual([]); // 0.5 + 1/10
    expect(only(warningsOf(eoqLike(2)), 'unstable-load').message).toContain('100% of its time: widget 1 a time unit × (0.5 processing + 0.5 setup)');
  });

  it('counts a setup for every customer order of a made-to-order item', () => {
    const text = mm1(2).replace('{ exponential: { mean: 1 } } }', '0.4, setupTime: 2 }').replace('mean: 2 } } }', 'mean: 2 } }, quantity: 4 }');
    // An order of 4 every 2: 2 units a time unit × (0.4 + a setup of 2 over 4 units) = 180%
    expect(only(warningsOf(text), 'unstable-load').message).toContain('180% of its time: job 2 a time unit × (0.4 processing + 0.5 setup)');
  });

  it('counts what push production makes, not the demand', () => {
    const text = sevenADay('{ type: batch, lotSize: 100, every: 10 }', 'make: { machine: press, processTime: 0.1 }', 'machines:\n  press: {}\n');
    const w = only(warningsOf(text), 'unstable-load');
    expect(w.message).toContain('nut 10 a time unit × (0.1 processing)');
    expect(
      codesOf(sevenADay('{ type: sQ, reorderPoint: 5, quantity: 100 }', 'make: { machine: press, processTime: 0.1 }', 'machines:\n  press: {}\n')),
    ).toEqual([]);
  });
});

describe('supply that cannot keep up', () => {
  it('warns that 12 cards of 1 with a lead time of 2 deliver 6 a day, below a demand of 7', () => {
    const w = only(warningsOf(sevenADay('{ type: kanban, cards: 12, containerSize: 1 }')), 'unstable-loop');
    expect(w.path).toBe('items.nut.policy');
    expect(w.message).toContain('12 cards × 1 = 12 units on order');
    expect(w.message).toContain('lead time of 2');
    expect(w.message).toContain('at most 6 a time unit, below the demand of 7');
    expect(w.message).toContain('at least 14 cards');
  });

  it('leaves a made loop with a card for every server to the machine load, where more cards would not help', () => {
    const text = sevenADay('{ type: kanban, cards: 1, containerSize: 5 }', 'make: { machine: press, processTime: 0.2 }', 'machines:\n  press: {}\n');
    expect(codesOf(text)).toEqual(['unstable-load']);
  });

  it('says nothing of a loop with enough cards', () => {
    expect(codesOf(sevenADay('{ type: kanban, cards: 14, containerSize: 1 }'))).toEqual([]);
  });

  it('warns of a made loop with fewer cards than its machine has servers, lead time setup plus a container', () => {
    // With at least as many servers as cards the loop, not the machine, limits what is made.
    const made = (cards: number): string =>
      sevenADay(
        `{ type: kanban, cards: ${cards}, containerSize: 5 }`,
        'make: { machine: press, processTime: 0.1, setupTime: 0.5 }',
        'machines:\n  press: { servers: 3 }\n',
      );
    // lead 0.5 + 5 × 0.1 = 1: 1 card delivers 5 a day, 2 cards 10; the press is 47% loaded
    expect(only(warningsOf(made(1)), 'unstable-loop').message).toContain('at most 5 a time unit, below the demand of 7');
    expect(codesOf(made(2))).toEqual([]);
  });

  it('warns that a batch plan releasing 5 a day cannot follow a demand of 7', () => {
    const w = only(warningsOf(sevenADay('{ type: batch, lotSize: 50, every: 10 }')), 'push-below-demand');
    expect(w.path).toBe('items.nut.policy');
    expect(w.message).toContain('releases 50 every 10, 5 a time unit, below its demand of 7');
    expect(w.message).toContain('at least 70');
    expect(codesOf(sevenADay('{ type: batch, lotSize: 70, every: 10 }'))).toEqual([]);
  });

  it('warns that a continuous rate of 6 cannot follow a demand of 7', () => {
    const w = only(warningsOf(sevenADay('{ type: continuous, rate: 6 }')), 'push-below-demand');
    expect(w.message).toContain('releases 6 a time unit, below its demand of 7');
    expect(codesOf(sevenADay('{ type: continuous, rate: 8 }'))).toEqual([]);
  });
});

describe('traps', () => {
  it('warns that a lost-sales item made to order loses nearly every order', () => {
    const text = mm1(2).replace('policy: { type: makeToOrder }', 'unmet: lost\n    policy: { type: makeToOrder }');
    const w = only(warningsOf(text), 'lost-make-to-order');
    expect(w.path).toBe('items.job');
    expect(w.message).toContain('job is made to order with unmet: lost');
    expect(codesOf(mm1(2))).toEqual([]);
  });

  it('warns that purchases lift stock above its capacity', () => {
    const bought = (capacity: number): string => sevenADay('{ type: sQ, reorderPoint: 50, quantity: 100 }', `capacity: ${capacity}\n    buy: { leadTime: 2 }`);
    const w = only(warningsOf(bought(120)), 'purchase-above-capacity');
    expect(w.path).toBe('items.nut.capacity');
    expect(w.message).toContain('to 150 (reorderPoint 50 + quantity 100), above its capacity of 120');
    expect(codesOf(bought(150))).toEqual([]);
  });

  it('warns that a made item aiming above its capacity blocks its machine', () => {
    const made = (capacity: number): string =>
      sevenADay(
        '{ type: sQ, reorderPoint: 400, quantity: 500 }',
        `capacity: ${capacity}\n    make: { machine: press, processTime: 0.01 }`,
        'machines:\n  press: {}\n',
      );
    const w = only(warningsOf(made(800)), 'production-blocks');
    expect(w.path).toBe('items.nut.capacity');
    expect(w.message).toContain('aims at 900 units (reorderPoint 400 + quantity 500), above its capacity of 800: machine press will block');
    expect(codesOf(made(900))).toEqual([]);
  });

  it('names the kanban cards and containers that exceed a capacity', () => {
    const text = sevenADay(
      '{ type: kanban, cards: 8, containerSize: 5 }',
      'capacity: 10\n    make: { machine: press, processTime: 0.01 }',
      'machines:\n  press: {}\n',
    );
    expect(only(warningsOf(text), 'production-blocks').message).toContain('aims at 40 units (8 cards × 5), above its capacity of 10');
  });

  it('warns that a made-to-order component with a setup pays one setup per unit of its parent', () => {
    const text = twoStage('{ type: makeToOrder }').replace('processTime: 0.5 }', 'processTime: 0.2, setupTime: 0.1, setupCost: 50 }');
    const w = only(warningsOf(text), 'setup-per-unit');
    expect(w.path).toBe('items.part.policy');
    expect(w.message).toContain('each unit of widget that starts orders its own part');
    expect(w.message).toContain('(time 0.1, cost 50)');
    expect(codesOf(twoStage('{ type: makeToOrder }').replace('processTime: 0.5 }', 'processTime: 0.2 }'))).toEqual([]);
  });

  it('warns that a machine waiting for a made-to-order part it must make itself stops', () => {
    const text = twoStage('{ type: makeToOrder }').replace('machine: saw', 'machine: press');
    const w = only(warningsOf(text), 'make-to-order-deadlock');
    expect(w.path).toBe('items.part.policy');
    expect(w.message).toContain('with 1 server the machine stops at the first unit of widget (deadlock)');
    expect(codesOf(twoStage('{ type: makeToOrder }'))).not.toContain('make-to-order-deadlock');
  });

  it('finds the deadlock down a chain of made-to-order items', () => {
    const text = twoStage('{ type: makeToOrder }')
      .replace('processTime: 0.5 }', 'processTime: 0.1, bom: { blank: 1 } }')
      .replace('  widget:', '  blank:\n    make: { machine: press, processTime: 0.1 }\n    policy: { type: makeToOrder }\n  widget:');
    expect(only(warningsOf(text), 'make-to-order-deadlock').message).toContain('the part order (or one it waits for) needs too');
  });

  const traced = (rows: number[], time = '{ horizon: 100, warmup: 10 }'): { text: string; options: Partial<LoadOptions> } => ({
    text: `name: Traced
time: ${time}
items:
  nut:
    buy: { leadTime: 1 }
    policy: { type: baseStock, level: 5 }
demand:
  - { item: nut, trace: orders.csv }
`,
    options: { readFile: () => `time,quantity\n${rows.map((t) => `${t},1`).join('\n')}\n` },
  });
  const steps = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('warns that a demand trace ending at 50 leaves the rest of a 100-day window without demand', () => {
    const { text, options } = traced(steps(1, 50));
    const w = only(warningsOf(text, 'base', options), 'trace-ends-early');
    expect(w.path).toBe('demand[0].trace');
    expect(w.message).toContain('ends at 50, 50 before the horizon 100, longer than any pause between its orders (at most 1)');
  });

  it("takes an end within the trace's own longest pause for its rhythm, not its end", () => {
    // Orders each day but a 5-day pause in the middle; the last order comes 4 before the horizon.
    const { text, options } = traced([...steps(1, 40), ...steps(45, 96)]);
    // Only the note that a replayed history leaves demand uncertainty out of the intervals.
    expect(codesOf(text, options)).toEqual(['history-replayed']);
  });

  it('warns that a demand trace starting at 40 leaves the start of the window without demand', () => {
    const { text, options } = traced(steps(40, 100));
    const w = only(warningsOf(text, 'base', options), 'trace-starts-late');
    expect(w.message).toContain('starts at 40, 30 after the warm-up ends at 10, longer than any pause between its orders (at most 1)');
  });

  it('says nothing of a trace that covers the window but that it is replayed as is: the intervals leave out demand uncertainty', () => {
    const { text, options } = traced(steps(1, 100));
    const w = only(warningsOf(text, 'base', options), 'history-replayed');
    expect(w).toMatchObject({ level: 'note', path: 'demand[0].trace' });
    expect(w.message).toContain('resample: { block: 7 }');
    expect(codesOf(text.replace('trace: orders.csv }', 'trace: orders.csv, resample: { block: 7 } }'), options)).toEqual([]);
  });
});

describe('bundled scenarios', () => {
  const dir = 'scenarios';
  // Teaching scenarios may sit near capacity on purpose: which warnings each gets is pinned in
  // test/scenarios/bundled.test.ts; only their form is checked here.
  it('are all checked, each warning naming its strategy and a path into the scenario', () => {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()) {
      const path = join(dir, file);
      const scenario = loadScenario(readFileSync(path, 'utf8'), { file: path, readFile: (f) => readFileSync(f, 'utf8') });
      for (const strategy of scenario.strategies) {
        for (const w of planWarnings(strategy, builtStrategy(scenario, strategy))) {
          expect(w.strategies).toEqual([strategy]);
          expect(w.path).toMatch(/^(machines|items)\.|^demand\[\d+\]/);
        }
      }
    }
  });
});

describe('the MRP planning horizon', () => {
  // A chair made from a frame: planned lead times 1 and 2 weeks, cumulative 3 for the frame.
  const mrpPlant = (planning: string, frameLots = 'lotForLot') => `name: MRP
time: { unit: day, horizon: 200 }
planning: ${planning}
forecasts: { chair: { method: naive } }
machines: { assembly: {} }
items:
  chair:
    make: { machine: assembly, processTime: 0.01, bom: { frame: 1 } }
    policy: { type: mrp, leadTime: 1 }
  frame:
    buy: { leadTime: 14 }
    policy: { type: mrp, leadTime: 2, lotSizing: ${frameLots} }
demand:
  - { item: chair, every: 0.1 }
`;

  it('warns when a requirement first seen at the end of the horizon must already be released (cumulative lead time + frozen zone)', () => {
    const warning = only(warningsOf(mrpPlant('{ bucket: 7, horizon: 4, frozen: 1 }')), 'short-planning-horizon');
    expect(warning.path).toBe('planning.horizon');
    expect(warning.message).toContain("frame's cumulative planned lead time is 3 buckets");
    expect(warning.message).toContain('Set planning.horizon to 5 or more.');
    expect(warning.kpis).toContain('frame.pastDueReleases');
  });

  it('counts the buckets a periods-of-supply lot covers', () => {
    expect(codesOf(mrpPlant('{ bucket: 7, horizon: 5, frozen: 1 }'))).not.toContain('short-planning-horizon');
    const warning = only(warningsOf(mrpPlant('{ bucket: 7, horizon: 5, frozen: 1 }', '{ periods: 3 }')), 'short-planning-horizon');
    expect(warning.message).toContain('its lots cover 3 buckets');
    expect(warning.message).toContain('Set planning.horizon to 7 or more.');
  });
});
