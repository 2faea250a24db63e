import { describe, expect, it } from 'vitest';
import { SimulationTooLargeError } from '../../../sim/engine/index.js';
import { simulatePlant, type PlantRunOptions, type PlantSpec } from '../../../sim/model/index.js';
import { constant, exponential } from '../../../sim/random/index.js';
import { boughtItem, demandFor, madeItem, plant } from './fixtures.js';

/** The error a run stops with (fails the test when it completes). */
function stopOf(spec: PlantSpec, options: Partial<PlantRunOptions> = {}): SimulationTooLargeError {
  try {
    simulatePlant(spec, { seed: 1, ...options });
  } catch (error) {
    if (error instanceof SimulationTooLargeError) return error;
    throw error;
  }
  throw new Error('expected the run to stop as too large, but it completed');
}

describe('simulatePlant stops a run that outgrows its limits, naming the cause', () => {
  it('names the demand line of an event storm and how fast it fires', () => {
    const spec = plant({
      items: { a: boughtItem({ type: 'none' }, { unmet: 'lost' }), b: boughtItem({ type: 'none' }, { unmet: 'lost' }) },
      demand: [demandFor('a', constant(1)), demandFor('b', exponential(1e-4))],
    });
    const error = stopOf(spec, { maxEvents: 20_000 });
    expect(error.limit).toBe('maxEvents');
    expect(error.message).toBe(
      'simulation too large: one replication fired more than 20000 events by t=2.025 (horizon 100); demand[1] (item "b") ' +
        'scheduled 20000 of them, about 9873 per time unit: lengthen its gaps, or raise run.maxEvents if a run this long is meant',
    );
  });

  it('names the machine when units, not customers, make the storm', () => {
    const spec = plant({
      machines: { press: { servers: 1, failures: null } },
      items: { w: madeItem('press', constant(1e-6), { type: 'makeToOrder' }) },
      demand: [demandFor('w', constant(10), constant(1e6))],
    });
    expect(stopOf(spec, { maxEvents: 50_000 }).message).toMatch(
      /machines\.press scheduled 50000 of them, about 4975 per time unit: every unit it makes is an event, so lengthen its process times or make fewer units/,
    );
  });

  it('has a default budget well above the longest bundled run (2.1 million events)', () => {
    const spec = plant({
      items: { a: boughtItem({ type: 'none' }, { unmet: 'lost' }) },
      demand: [demandFor('a', constant(2 ** -16))], // exact in binary: 100 · 65536 orders
    });
    expect(simulatePlant(spec, { seed: 1 }).events).toBe(6_553_600);
  });

  it('stops a backlog that outgrows maxQueue and names the item', () => {
    const spec = plant({ items: { a: boughtItem({ type: 'none' }) }, demand: [demandFor('a', constant(1))] });
    const error = stopOf(spec, { maxQueue: 50 });
    expect(error.limit).toBe('maxQueue');
    expect(error.message).toBe(
      'simulation too large: more than 50 orders wait for item "a" at t=51: the plant cannot keep up with its demand ' +
        "(see the load check's warnings); relieve the bottleneck, or shorten the horizon",
    );
    expect(simulatePlant(spec, { seed: 1, maxQueue: 100 }).items.a.stockoutEvents).toBe(100);
  });

  it('stops a machine whose production orders outgrow maxQueue and names it', () => {
    // Stock covers every customer; each one releases a production order of one unit that takes 10.
    const spec = plant({
      machines: { press: { servers: 1, failures: null } },
      items: { w: madeItem('press', constant(10), { type: 'sQ', reorderPoint: 1000, quantity: 1 }, { initial: 1000 }) },
      demand: [demandFor('w', constant(1))],
    });
    expect(stopOf(spec, { maxQueue: 20 }).message).toMatch(
      /^simulation too large: more than 20 production orders wait at machine "press" at t=2\d: it cannot keep up/,
    );
  });

  it('stops purchase orders piling up in transit and names the item whose orders they are', () => {
    // Every customer takes one unit and base stock re-orders it; the orders arrive long after the horizon.
    const spec = plant({
      items: { a: boughtItem({ type: 'baseStock', level: 1e6 }, { initial: 1e6 }, constant(1e9)) },
      demand: [demandFor('a', constant(0.5))],
    });
    expect(stopOf(spec, { maxQueue: 100 }).message).toBe(
      'simulation too large: more than 100 events were waiting at once at t=50 (horizon 100), most from items.a.buy ' +
        '(100 scheduled so far, about 2 per time unit): order less often (a larger quantity), or shorten the horizon',
    );
  });

  it('stops a run whose totals overflow instead of reporting Infinity', () => {
    const spec = plant({
      items: { a: boughtItem({ type: 'none' }, { initial: 10, holdingCost: 1e308 }) },
    });
    const error = stopOf(spec);
    expect(error.limit).toBe('overflow');
    expect(error.message).toMatch(/^simulation too large: items\.a\.holdingCost came to Infinity at the end of the run/);
  });
});
