// Challenge mode's sliders: which are locked, that every lever gets a slider (one the page would
// not show gets one from its value) and that the levers' ranges reach far beyond the start.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../sim/scenario/index.js';
import { isLocked, pathKey, slidersFor, wideRange } from '../../../ui/state/sliders.js';

const KANBAN = 'scenarios/challenge-cheapest-kanban.yaml';
const CARDS = 'strategies.Yours.items.bracket.policy.cards';
const SIZE = 'strategies.Yours.items.bracket.policy.containerSize';

const load = (text: string, overrides: Record<string, unknown> = {}) => loadScenario(text, { file: KANBAN, overrides });

describe('isLocked', () => {
  it('locks nothing outside a challenge', () => {
    expect(isLocked('replications', null)).toBe(false);
    expect(isLocked('items.steel.buy.leadTime', null)).toBe(false);
  });

  it('locks everything but the levers in a challenge, the replications too', () => {
    const levers = [CARDS, 'demand[0].every'];
    expect(isLocked(CARDS, levers)).toBe(false);
    expect(isLocked(SIZE, levers)).toBe(true);
    expect(isLocked('replications', levers)).toBe(true);
    // The same path written either way, as `sawtooth grade` compares them.
    expect(isLocked('demand.0.every', levers)).toBe(false);
    expect(pathKey('demand[0].every')).toBe('demand.0.every');
  });
});

describe('wideRange', () => {
  it('reaches about ten times the value, in whole steps for counts', () => {
    expect(wideRange(20, true)).toEqual({ min: 0, max: 200, step: 1 });
    expect(wideRange(6, true)).toEqual({ min: 0, max: 60, step: 1 });
    expect(wideRange(1, true)).toEqual({ min: 0, max: 10, step: 1 });
    expect(wideRange(0.34, false)).toEqual({ min: 0.004, max: 4, step: 0.004 });
  });
});

describe('slidersFor in a challenge', () => {
  const text = readFileSync(KANBAN, 'utf8');

  it('widens the levers (the winning 3 × 130 is in reach from 6 × 20) and leaves the other sliders as they were', () => {
    const sliders = slidersFor(load(text));
    const byPath = new Map(sliders.map((s) => [s.path, s]));
    expect(byPath.get(CARDS)).toMatchObject({ value: 6, step: 1 });
    expect(byPath.get(CARDS)!.max).toBeGreaterThanOrEqual(30);
    expect(byPath.get(SIZE)).toMatchObject({ value: 20, step: 1 });
    expect(byPath.get(SIZE)!.max).toBeGreaterThanOrEqual(130);
    // Without the challenge block, the page's usual ranges (about three times the value).
    const plain = new Map(slidersFor(load(text.replace(/^challenge:[\s\S]*?^(?=strategies:)/m, ''))).map((s) => [s.path, s]));
    expect(plain.get(SIZE)!.max).toBeLessThan(130);
    for (const [path, slider] of plain) if (path !== CARDS && path !== SIZE) expect(byPath.get(path)).toEqual(slider);
  });

  it('keeps a range it was given, so that a range never jumps under a moving thumb', () => {
    const first = slidersFor(load(text));
    const moved = slidersFor(load(text, { [SIZE]: 130 }), first);
    const size = moved.find((s) => s.path === SIZE)!;
    expect(size.value).toBe(130);
    expect(size.max).toBe(first.find((s) => s.path === SIZE)!.max);
  });

  it('gives a lever the page has no slider for one from its value (an item’s starting stock, a holding cost)', () => {
    const withMore = text.replace(
      'levers: [strategies.Yours.items.bracket.policy.cards, strategies.Yours.items.bracket.policy.containerSize]',
      'levers: [strategies.Yours.items.bracket.policy.cards, items.bracket.initial, items.housing.holdingCost]',
    );
    const sliders = slidersFor(load(withMore));
    const initial = sliders.find((s) => s.path === 'items.bracket.initial');
    expect(initial).toEqual({ path: 'items.bracket.initial', label: 'bracket initial', strategies: ['Yours'], value: 200, min: 0, max: 2000, step: 1 });
    const holding = sliders.find((s) => s.path === 'items.housing.holdingCost');
    expect(holding).toMatchObject({ label: 'housing holdingCost', value: 0.05, step: 0.001, max: 1 });
    // Every lever has exactly one slider.
    for (const lever of ['strategies.Yours.items.bracket.policy.cards', 'items.bracket.initial', 'items.housing.holdingCost']) {
      expect(sliders.filter((s) => s.path === lever)).toHaveLength(1);
    }
  });
});
