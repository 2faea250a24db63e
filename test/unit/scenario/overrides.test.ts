import { describe, expect, it } from 'vitest';
import { ScenarioError, buildStrategy, parseValue, setPath } from '../../../sim/scenario/index.js';
import { PLANT, designExample, errorOf, load, problems } from './helpers.js';

describe('overrides', () => {
  it('change the document before validation', () => {
    const scenario = load(PLANT, { overrides: { 'time.horizon': 50, 'items.steel.policy.quantity': 500 } });
    expect(scenario.time.horizon).toBe(50);
    expect(scenario.compiled.base.document.items.steel.policy).toMatchObject({ quantity: 500 });
    expect(buildStrategy(scenario, 'base').plant.items.steel.policy).toEqual({ type: 'sQ', reorderPoint: 10, quantity: 500 });
  });

  it("are validated like the file's own content", () => {
    expect(problems(PLANT, { overrides: { 'items.steel.policy.quantity': -1 } })).toEqual([
      'x.yaml: items.steel.policy.quantity: expected a number > 0, got -1',
    ]);
  });

  it('may address a strategy patch', () => {
    const overrides = { 'strategies.JIT.items.widget.policy.cards': 9 };
    const scenario = load(designExample(), { overrides });
    expect(buildStrategy(scenario, 'JIT').plant.items.widget.policy).toEqual({ type: 'kanban', cards: 9, containerSize: 20 });
    expect(problems(designExample(), { overrides: { 'strategies.JIT.items.widget.policy.cards': 0 } })).toEqual([
      'x.yaml: strategies.JIT.items.widget.policy.cards: expected a whole number >= 1, got 0',
    ]);
  });

  it('point the editor at the nearest line the file has', () => {
    const error = errorOf(PLANT, { overrides: { 'items.steel.buy.unitCost': -2 } });
    expect(error.issues[0]).toMatchObject({ path: 'items.steel.buy.unitCost', line: 8 });
  });

  it('with a malformed path are reported, not thrown past', () => {
    expect(problems(PLANT, { overrides: { 'items..steel': 1, 'demand[3].every': 2 } })).toEqual([
      'x.yaml: expected a path like items.widget.policy.quantity or demand[0].every, got "items..steel"',
      'x.yaml: demand[3]: expected an index from 0 to 1 (the list has 1 entry), got 3',
    ]);
  });
});

describe('setPath', () => {
  it('returns a new document and leaves the old one as it was', () => {
    const doc = { time: { horizon: 5 }, items: { a: { initial: 1 } } };
    const next = setPath(doc, 'items.a.initial', 7);
    expect(next).toEqual({ time: { horizon: 5 }, items: { a: { initial: 7 } } });
    expect(doc.items.a.initial).toBe(1);
    expect((next as typeof doc).time).toBe(doc.time);
  });

  it('creates the objects on the way', () => {
    expect(setPath({}, 'machines.press.failures.upTime', 40)).toEqual({ machines: { press: { failures: { upTime: 40 } } } });
  });

  it('replaces a plain number on the way by an object, for a new distribution', () => {
    expect(setPath({ leadTime: 5 }, 'leadTime.exponential.mean', 2)).toEqual({ leadTime: { exponential: { mean: 2 } } });
  });

  it('indexes lists as demand[0] or demand.0, and appends at the end', () => {
    const doc = { demand: [{ item: 'a', every: 1 }] };
    expect(setPath(doc, 'demand[0].every', 3)).toEqual({ demand: [{ item: 'a', every: 3 }] });
    expect(setPath(doc, 'demand.0.every', 4)).toEqual({ demand: [{ item: 'a', every: 4 }] });
    expect(setPath(doc, 'demand[1]', { item: 'b', every: 2 })).toEqual({
      demand: [
        { item: 'a', every: 1 },
        { item: 'b', every: 2 },
      ],
    });
  });

  it('throws a ScenarioError for an index past the end or a malformed path', () => {
    expect(() => setPath({ demand: [] }, 'demand[2].every', 1)).toThrow(ScenarioError);
    expect(() => setPath({ demand: [] }, 'demand[2].every', 1)).toThrow('--set: demand[2]: expected an index from 0 to 0 (the list has 0 entries), got 2');
    expect(() => setPath({}, '', 1)).toThrow('--set: expected a path like items.widget.policy.quantity or demand[0].every, got ""');
  });
});

describe('parseValue', () => {
  it('reads a --set value as YAML', () => {
    expect(parseValue('12')).toBe(12);
    expect(parseValue('0.5')).toBe(0.5);
    expect(parseValue('eoq')).toBe('eoq');
    expect(parseValue('true')).toBe(true);
    expect(parseValue('{exponential: {mean: 2}}')).toEqual({ exponential: { mean: 2 } });
    expect(parseValue('[1, 2]')).toEqual([1, 2]);
    expect(parseValue('null')).toBeNull();
  });

  it('keeps an empty value as an empty text', () => {
    expect(parseValue('')).toBe('');
  });

  it('throws a ScenarioError on bad YAML', () => {
    expect(() => parseValue('{a: 1')).toThrow(ScenarioError);
    expect(() => parseValue('{a: 1')).toThrow(/^--set:1:\d+: YAML syntax error: /);
  });
});
