import { describe, expect, it } from 'vitest';
import { buildStrategy, scenarioJsonSchema } from '../../../sim/scenario/index.js';
import { load, plantWith, problems } from './helpers.js';

const AMOUNT = "expected a number <= 1e12 (larger ones could overflow a run's totals)";
const HORIZON = 'expected a time <= 1e9 (a longer run could overflow its totals)';
const TIME = 'expected a time <= 1e12 (far beyond any horizon, which is at most 1e9)';

describe('every number of a scenario is bounded, so a run stays finite', () => {
  it('rejects a cost of 1e308 with the path, the bound and the value found', () => {
    expect(problems(plantWith('holdingCost: 0.5', 'holdingCost: 1e308'))).toEqual([`x.yaml: items.widget.holdingCost: ${AMOUNT}, got 1e+308`]);
  });

  it('bounds quantities, levels, capacities, stock and distribution parameters by 1e12', () => {
    const text = plantWith(
      'policy: { type: sQ, reorderPoint: 10, quantity: 100 }',
      'policy: { type: sQ, reorderPoint: 1e13, quantity: 2e12 }\n    initial: 5e12\n    capacity: 1e15',
    ).replace('leadTime: 5', 'leadTime: { exponential: { mean: 1e20 } }');
    expect(problems(text)).toEqual([
      `x.yaml: items.steel.buy.leadTime.exponential.mean: ${AMOUNT}, got 100000000000000000000`,
      `x.yaml: items.steel.policy.reorderPoint: ${AMOUNT}, got 10000000000000`,
      `x.yaml: items.steel.policy.quantity: ${AMOUNT}, got 2000000000000`,
      `x.yaml: items.steel.initial: ${AMOUNT}, got 5000000000000`,
      `x.yaml: items.steel.capacity: ${AMOUNT}, got 1000000000000000`,
    ]);
  });

  it('bounds a normal mean on both sides', () => {
    expect(problems(plantWith('processTime: 0.02', 'processTime: { normal: { mean: -1e13, sd: 1 } }'))).toEqual([
      "x.yaml: items.widget.make.processTime.normal.mean: expected a number from -1e12 to 1e12 (larger ones could overflow a run's totals), got -10000000000000",
    ]);
  });

  it('bounds the horizon and warm-up by 1e9, and gaps, offsets and the times of rate changes by 1e12', () => {
    const text = plantWith('time: { horizon: 100 }', 'time: { horizon: 1e10, warmup: 2e9 }').replace(
      '{ item: widget, every: 1 }',
      '{ item: widget, every: 1e13, changes: [{ at: 5e12, factor: 2 }] }',
    );
    expect(problems(text)).toEqual([
      `x.yaml: time.horizon: ${HORIZON}, got 10000000000`,
      `x.yaml: time.warmup: ${HORIZON}, got 2000000000`,
      `x.yaml: demand[0].every: ${TIME}, got 10000000000000`,
      `x.yaml: demand[0].changes[0].at: ${TIME}, got 5000000000000`,
    ]);
  });

  it('accepts a period far beyond the horizon, the way to release one lot at time 0', () => {
    const once = plantWith('policy: { type: sQ, reorderPoint: 10, quantity: 100 }', 'policy: { type: batch, lotSize: 1e12, every: 1e12 }');
    expect(() => load(once)).not.toThrow();
  });

  it('caps servers at 1000, kanban cards at a million and replications at 100000', () => {
    const text = plantWith('press: {}', 'press: { servers: 1e9 }')
      .replace('policy: { type: sQ, reorderPoint: 10, quantity: 100 }', 'policy: { type: kanban, cards: 1e7, containerSize: 10 }')
      .replace('time: { horizon: 100 }', 'time: { horizon: 100 }\nrun: { replications: 1000000 }');
    expect(problems(text)).toEqual([
      "x.yaml: run.replications: expected a whole number <= 100000 (the results keep every replication's numbers in memory), got 1000000",
      'x.yaml: machines.press.servers: expected a whole number <= 1000 (servers of one machine), got 1000000000',
      'x.yaml: items.steel.policy.cards: expected a whole number <= 1000000 (cards of one kanban loop), got 10000000',
    ]);
  });

  it('rejects infinite numbers', () => {
    expect(problems(plantWith('holdingCost: 0.5', 'holdingCost: .inf'))).toEqual(['x.yaml: items.widget.holdingCost: expected a number, got Infinity']);
  });

  it('accepts numbers at the bounds', () => {
    const text = plantWith('holdingCost: 0.5', 'holdingCost: 1e12').replace('time: { horizon: 100 }', 'time: { horizon: 1e9 }\nrun: { maxEvents: 1e10 }');
    expect(() => buildStrategy(load(text), 'base')).not.toThrow();
  });

  it('tells editors the bounds through the JSON Schema', () => {
    const schema = scenarioJsonSchema() as Record<string, any>;
    const item = schema.properties.items.additionalProperties.properties;
    expect(item.holdingCost.maximum).toBe(1e12);
    expect(schema.properties.time.properties.horizon.maximum).toBe(1e9);
    expect(schema.properties.machines.additionalProperties.properties.servers.maximum).toBe(1000);
    expect(schema.properties.run.properties.replications.maximum).toBe(100_000);
    expect(schema.properties.run.properties.maxEvents.default).toBe(20_000_000);
  });
});

/** The problems of a scenario about its event budget ([] when it loads, or fails only for other reasons). */
function budgetProblems(text: string): string[] {
  try {
    load(text);
    return [];
  } catch {
    return problems(text).filter((line) => line.includes('run.maxEvents'));
  }
}

describe('the event budget, checked before the run from mean rates', () => {
  const storm = plantWith('{ item: widget, every: 1 }', '{ item: widget, interarrival: { exponential: { mean: 1e-9 } } }');

  it('names the demand line whose orders alone exceed run.maxEvents', () => {
    expect(problems(storm)).toEqual([
      'x.yaml: demand[0].interarrival: expected at most 2e7 customer orders per replication (run.maxEvents; raise it if so long a run is meant), ' +
        'got about 1e11 orders of "widget" over the horizon (100) at a mean gap of 1e-9',
    ]);
  });

  it('lets a larger run.maxEvents admit the same line', () => {
    const gentler = plantWith('{ item: widget, every: 1 }', '{ item: widget, every: 1e-6 }');
    expect(problems(gentler)[0]).toMatch(/^x\.yaml: demand\[0\]\.every: expected at most 2e7 customer orders .* got about 1e8 orders/);
    expect(budgetProblems(gentler.replace('time: { horizon: 100 }', 'time: { horizon: 100 }\nrun: { maxEvents: 2e8 }'))).toEqual([]);
  });

  it('counts rate changes', () => {
    const slowed = plantWith('{ item: widget, every: 1 }', '{ item: widget, every: 2e-6, changes: [{ at: 10, factor: 0.1 }] }');
    // 10 / 2e-6 = 5e6 before the change, 90 · 0.1 / 2e-6 = 4.5e6 after it.
    expect(budgetProblems(slowed)).toEqual([]);
    expect(budgetProblems(slowed.replace('factor: 0.1', 'factor: 1'))[0]).toMatch(/got about 5e7 orders/);
  });

  it('names a review or release timer that alone exceeds it', () => {
    const text = plantWith('policy: { type: sQ, reorderPoint: 10, quantity: 100 }', 'policy: { type: RS, every: 1e-6, orderUpTo: 100 }');
    expect(problems(text)).toEqual([
      'x.yaml: items.steel.policy.every: expected at most 2e7 reviews per replication (run.maxEvents; raise it if so long a run is meant), ' +
        'got about 1e8 over the horizon (100) at one every 0.000001',
    ]);
  });

  it('reports a strategy that makes the storm under its own name', () => {
    const text = `${plantWith('{ item: widget, every: 1 }', '{ item: widget, every: 1 }')}strategies:\n  Flood: { demand: [{ item: widget, every: 1e-7 }] }\n`;
    expect(problems(text)[0]).toMatch(/^x\.yaml: strategies\.Flood\.demand\[0\]\.every: expected at most 2e7 customer orders/);
  });
});
