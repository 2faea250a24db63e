import { describe, expect, it } from 'vitest';
import { applyStrategy, buildStrategy, mergePatch } from '../../../sim/scenario/index.js';
import { designExample, load } from './helpers.js';

describe('mergePatch (RFC 7386, policies and distributions whole)', () => {
  it('deletes a key whose patch value is null', () => {
    expect(mergePatch({ a: 1, b: 2 }, { a: null })).toEqual({ b: 2 });
  });

  it('merges objects recursively', () => {
    const base = { items: { steel: { holdingCost: 1, initial: 5 }, widget: { holdingCost: 2 } } };
    expect(mergePatch(base, { items: { steel: { initial: 9 } } })).toEqual({
      items: { steel: { holdingCost: 1, initial: 9 }, widget: { holdingCost: 2 } },
    });
  });

  it('replaces scalars and adds new keys', () => {
    expect(mergePatch({ time: { horizon: 5 } }, { time: { horizon: 7, warmup: 1 } })).toEqual({ time: { horizon: 7, warmup: 1 } });
  });

  it("replaces an item's policy whole", () => {
    const base = { items: { w: { policy: { type: 'sQ', reorderPoint: 5, quantity: 'eoq' } } } };
    expect(mergePatch(base, { items: { w: { policy: { type: 'kanban', cards: 5, containerSize: 20 } } } })).toEqual({
      items: { w: { policy: { type: 'kanban', cards: 5, containerSize: 20 } } },
    });
  });

  it('replaces a distribution whole', () => {
    const base = { items: { s: { buy: { leadTime: { uniform: { min: 3, max: 7 } }, orderCost: 4 } } } };
    expect(mergePatch(base, { items: { s: { buy: { leadTime: { uniform: { max: 9 } } } } } })).toEqual({
      items: { s: { buy: { leadTime: { uniform: { max: 9 } }, orderCost: 4 } } },
    });
    const failures = { machines: { m: { failures: { upTime: { exponential: { mean: 40 } }, repairTime: 1 } } } };
    expect(mergePatch(failures, { machines: { m: { failures: { upTime: { gamma: { mean: 30, sd: 3 } } } } } })).toEqual({
      machines: { m: { failures: { upTime: { gamma: { mean: 30, sd: 3 } }, repairTime: 1 } } },
    });
  });

  it('replaces the demand list whole', () => {
    const base = {
      demand: [
        { item: 'a', every: 1 },
        { item: 'b', every: 2 },
      ],
    };
    expect(mergePatch(base, { demand: [{ item: 'c', every: 3 }] })).toEqual({ demand: [{ item: 'c', every: 3 }] });
  });

  it('changes neither the base nor the patch', () => {
    const base = { items: { w: { policy: { type: 'none' }, initial: 1 } } };
    const patch = { items: { w: { initial: null, policy: { type: 'makeToOrder' } } } };
    const before = JSON.stringify([base, patch]);
    mergePatch(base, patch);
    expect(JSON.stringify([base, patch])).toBe(before);
  });
});

describe('applyStrategy', () => {
  it('merges the named patch onto the document without its strategies', () => {
    const doc = { name: 'x', time: { horizon: 5 }, strategies: { Long: { time: { horizon: 50 } } } };
    expect(applyStrategy(doc, 'Long')).toEqual({ name: 'x', time: { horizon: 50 } });
    expect(applyStrategy(doc, 'base')).toEqual({ name: 'x', time: { horizon: 5 } });
  });
});

describe('strategies of a loaded scenario', () => {
  it("a null in a patch deletes a machine's failures", () => {
    const text = `${designExample()}  Reliable:\n    machines: { press: { failures: null } }\n`;
    expect(buildStrategy(load(text), 'Reliable').plant.machines.press.failures).toBeNull();
  });

  it('a patch leaves what it does not name as in the base', () => {
    const { plant } = buildStrategy(load(designExample()), 'Batch');
    expect(plant.items.widget.capacity).toBe(800);
    expect(plant.items.widget.initial).toBe(100);
  });
});
