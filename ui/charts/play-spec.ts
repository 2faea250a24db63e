// The debrief of a played stage: the player's orders and net stock against the policy's, period by
// period on the same demand, and the bullwhip of every stage of the chain with each.
import type { PlayDebrief } from '../../sim/index.js';
import { bullwhipBarsSpec } from './bullwhip-spec.js';
import { CONFIG, chartText, type Spec } from './common.js';

/** The player and the policy: the same two colours in both charts (Okabe–Ito vermilion and blue). */
const WHO = { domain: ['You', 'Policy'], range: ['#D55E00', '#0072B2'] };

/** What the player ordered per period against what the policy ordered, on the same demand. */
export function playOrdersSpec(debrief: PlayDebrief, unit: string): Spec {
  return periodSpec(debrief, unit, 'order', `Your orders against the ${chartText(debrief.item)}’s policy`, [
    `Units ordered per ${chartText(unit)}, on the same demand`,
  ]);
}

/** Net stock (on hand − backlog) at each review, the player's against the policy's: below 0, customers wait. */
export function playStockSpec(debrief: PlayDebrief, unit: string): Spec {
  return periodSpec(debrief, unit, 'netStock', 'Net stock: yours against the policy’s', [
    'On hand − backlog at each review, before ordering;',
    'below 0 (grey line), customers wait',
  ]);
}

/** One figure per period, the player's and the policy's, as step lines (a separate chart each: a compound view cannot follow the card's width). */
function periodSpec(debrief: PlayDebrief, unit: string, figure: 'order' | 'netStock', title: string, subtitle: string[]): Spec {
  const values = debrief.periods.flatMap((p) => [
    { period: p.period, who: 'You', value: p.player[figure] },
    { period: p.period, who: 'Policy', value: p.policy[figure] },
  ]);
  const label = figure === 'order' ? 'units ordered' : 'net stock';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    config: CONFIG,
    data: { values },
    width: 'container' as unknown as number,
    height: 170,
    layer: [
      { mark: { type: 'rule', color: '#9ca3af' }, encoding: { y: { datum: 0 } } },
      {
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.8, point: { size: 18 } },
        encoding: {
          x: {
            field: 'period',
            type: 'quantitative',
            title: chartText(unit),
            scale: { domain: [1, Math.max(2, debrief.periods.length)], nice: false },
            axis: { tickMinStep: 1 },
          },
          y: { field: 'value', type: 'quantitative', title: label },
          color: { field: 'who', type: 'nominal', scale: WHO, title: null },
          tooltip: [{ field: 'who' }, { field: 'period', title: chartText(unit) }, { field: 'value', title: label, format: ',.4~r' }],
        },
      },
    ],
  } as Spec;
}

/** The bullwhip ratio of each stage (customers first) with the player at the played stage and with the policy; a rule at 1. */
export function playBullwhipSpec(debrief: PlayDebrief, stages: readonly string[]): Spec {
  const order = stages.length > 0 ? stages : debrief.bullwhip.map((b) => b.item);
  const values = order.flatMap((stage, rank) => {
    const b = debrief.bullwhip.find((x) => x.item === stage);
    if (b === undefined) return [];
    return [
      { stage, rank, who: 'You', ratio: b.player },
      { stage, rank, who: 'Policy', ratio: b.policy },
    ];
  });
  return bullwhipBarsSpec({
    title: 'Bullwhip by stage: you and the policy',
    values,
    group: { field: 'who', scale: WHO },
    tooltip: [{ field: 'stage' }, { field: 'who', title: 'with' }, { field: 'ratio', title: 'bullwhip', format: ',.3~r' }],
    whiskers: false,
  });
}
