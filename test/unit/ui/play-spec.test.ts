import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainStages, loadScenario, playTurn, type PlayDebrief } from '../../../sim/index.js';
import { playBullwhipSpec, playOrdersSpec, playStockSpec } from '../../../ui/charts/play-spec.js';
import { complaintsOf } from './vega-compile.js';

// The debrief's charts: the game's own numbers, and specs Vega-Lite compiles without a word.
const beer = loadScenario(readFileSync('scenarios/beer-game.yaml', 'utf8'), { file: 'beer-game.yaml' });
const orders = Array.from({ length: 36 }, (_, i) => (i < 6 ? 4 : 10));
const debrief = playTurn(beer, orders) as PlayDebrief;
type Row = Record<string, unknown>;
const rows = (spec: unknown): Row[] => (spec as { data: { values: Row[] } }).data.values;

describe('the debrief charts', () => {
  it('draw the player against the policy, period by period', () => {
    expect(debrief.kind).toBe('over');
    const ordered = rows(playOrdersSpec(debrief, 'week'));
    expect(ordered.filter((r) => r.who === 'You').map((r) => r.value)).toEqual(orders);
    expect(ordered.filter((r) => r.who === 'Policy').map((r) => r.value)).toEqual(debrief.periods.map((p) => p.policy.order));
    const stock = rows(playStockSpec(debrief, 'week'));
    expect(stock.filter((r) => r.who === 'You').map((r) => r.value)).toEqual(debrief.periods.map((p) => p.player.netStock));
    expect(stock.slice(0, 2)).toEqual([
      { period: 1, who: 'You', value: 12 },
      { period: 1, who: 'Policy', value: 12 },
    ]);
  });

  it('order the stages from the customers up, both runs each', () => {
    const bars = rows(playBullwhipSpec(debrief, chainStages(beer)));
    expect(bars.map((r) => `${String(r.stage)}/${String(r.who)}`)).toEqual(
      ['retailer', 'wholesaler', 'distributor', 'factory'].flatMap((s) => [`${s}/You`, `${s}/Policy`]),
    );
    expect(bars.find((r) => r.stage === 'retailer' && r.who === 'Policy')?.ratio).toBeCloseTo(16.48, 2);
  });

  it('compile without a warning', () => {
    for (const spec of [playOrdersSpec(debrief, 'week'), playStockSpec(debrief, 'week'), playBullwhipSpec(debrief, chainStages(beer))]) {
      expect(complaintsOf(spec)).toEqual([]);
    }
  });
});
