import { describe, expect, it } from 'vitest';
import type { CostDifference, Warning } from '../../../sim/experiment/index.js';
import { pairSummaries } from '../../../sim/experiment/summary.js';
import type { PairDifferences } from '../../../sim/experiment/tally.js';

// The verdict's sentences from known differences: each case is one a planner meets.

function cost(meanDiff: number, ci95: [number, number] | null, relative: number | null, relativeCi: [number, number] | null = null): CostDifference {
  const significant = ci95 !== null && (ci95[0] > 0 || ci95[1] < 0);
  return { meanDiff, ci95, significant, relative: relative === null ? null : { mean: relative, ci95: relativeCi } };
}

const SAME_PURCHASE = cost(0, [-10, 12], 0.0001, [-0.001, 0.0012]);

function pair(costs: PairDifferences['costs'], service: PairDifferences['service'] = []): PairDifferences {
  return { a: 'Kanban', b: 'Today', costs, service };
}

const fill = (item: string, a: number, b: number, ci: [number, number]): PairDifferences['service'][number] => ({
  item,
  kpi: 'fillRate',
  means: [a, b],
  difference: { meanDiff: a - b, ci95: ci, significant: ci[0] > 0 || ci[1] < 0 },
});

const context = { currency: 'EUR', replications: 30, warnings: [] as Warning[] };

describe('the verdict on a pair of strategies', () => {
  it("answers the planner's question: the total, the costs the policies control apart from purchase cost, and service", () => {
    const [summary] = pairSummaries(
      [
        pair(
          {
            totalCost: cost(1770, [1690, 1860], 0.177, [0.169, 0.186]),
            controlledCost: cost(1765, [1690, 1850], 0.52, [0.5, 0.55]),
            purchaseCost: SAME_PURCHASE,
          },
          [fill('widget', 0.95, 0.951, [-0.004, 0.002])],
        ),
      ],
      context,
    );
    expect(summary.sentence).toBe(
      'Kanban costs 17.7% more than Today (95% CI 16.9–18.6%) — 52.0% more in the costs the policies control (holding, ordering, setup, backorders, lost sales), ' +
        'the same purchase cost — with no significant difference in service (fill rate and on-time share of every item customers order).',
    );
    expect(summary.service).toEqual([
      { item: 'widget', kpi: 'fillRate', means: [0.95, 0.951], meanDiff: 0.95 - 0.951, ci95: [-0.004, 0.002], significant: false },
    ]);
  });

  it('says "but" when a cheaper strategy serves worse, and names the item and both fill rates', () => {
    const [summary] = pairSummaries(
      [
        pair(
          {
            totalCost: cost(-500, [-600, -400], -0.1, [-0.12, -0.08]),
            controlledCost: cost(-500, [-600, -400], -0.4, [-0.48, -0.32]),
            purchaseCost: SAME_PURCHASE,
          },
          [fill('widget', 0.9, 0.97, [-0.09, -0.05])],
        ),
      ],
      context,
    );
    expect(summary.sentence).toMatch(/^Kanban costs 10\.0% less than Today \(95% CI 8\.0–12\.0%\) — 40\.0% less in the costs/);
    expect(summary.sentence).toMatch(/— but lower service for widget \(fill rate 90\.0% against 97\.0%\)\.$/);
  });

  it('says the costs are the same within the interval when it straddles 0, with the signed interval', () => {
    const [summary] = pairSummaries(
      [pair({ totalCost: cost(20, [-40, 80], 0.002, [-0.004, 0.008]), controlledCost: cost(20, [-40, 80], 0.01, [-0.02, 0.04]), purchaseCost: SAME_PURCHASE })],
      context,
    );
    expect(summary.sentence).toMatch(
      /^Kanban and Today cost the same within the interval \(95% CI of the difference −0\.4% to \+0\.8%\) — no significant difference in the costs/,
    );
    expect(summary.sentence).toMatch(/with no customer orders to compare service on\.$/);
  });

  it('leaves the split out when nothing is bought at a price, and speaks in money when the base costs nothing', () => {
    const none = cost(0, [0, 0], null);
    const [summary] = pairSummaries(
      [pair({ totalCost: cost(250, [200, 300], null), controlledCost: cost(250, [200, 300], null), purchaseCost: none })],
      context,
    );
    expect(summary.sentence).toBe('Kanban costs 250 EUR more than Today (95% CI 200–300 EUR), with no customer orders to compare service on.');
  });

  it('claims nothing from one replication', () => {
    const [summary] = pairSummaries([pair({ totalCost: cost(100, null, 0.05), controlledCost: cost(100, null, 0.2), purchaseCost: cost(0, null, 0) })], {
      ...context,
      replications: 1,
    });
    expect(summary.sentence).toBe(
      'With one replication there are no intervals: Kanban costs 5.0% more than Today in that run, which proves nothing either way; run more replications for a verdict.',
    );
  });

  it('says so when a warning puts the total cost of either strategy in doubt', () => {
    const warnings: Warning[] = [{ code: 'growing-backlog', path: 'items.widget', message: '…', strategies: ['Today'], kpis: ['totalCost'] }];
    const [summary] = pairSummaries(
      [
        pair({
          totalCost: cost(-500, [-600, -400], -0.1, [-0.12, -0.08]),
          controlledCost: cost(-500, [-600, -400], -0.4, [-0.48, -0.32]),
          purchaseCost: SAME_PURCHASE,
        }),
      ],
      { ...context, warnings },
    );
    expect(summary.doubted).toBe(true);
    expect(summary.sentence).toMatch(/; these are not steady-state figures \(see the warnings\)\.$/);
  });

  it("says when an item's service rests on too few orders to compare", () => {
    const warnings: Warning[] = [
      { code: 'few-orders', path: 'items.widget', message: '…', strategies: ['Today'], kpis: ['widget.fillRate', 'widget.onTimeShare'] },
    ];
    const [summary] = pairSummaries(
      [
        pair(
          {
            totalCost: cost(-500, [-600, -400], -0.1, [-0.12, -0.08]),
            controlledCost: cost(-500, [-600, -400], -0.4, [-0.48, -0.32]),
            purchaseCost: SAME_PURCHASE,
          },
          [fill('widget', 1, 1, [0, 0])],
        ),
      ],
      { ...context, warnings },
    );
    expect(summary.sentence).toMatch(/; the service of widget rests on too few orders to compare \(see the warnings\)\.$/);
  });

  it('names the largest change when several items change', () => {
    const [summary] = pairSummaries(
      [
        pair({ totalCost: cost(500, [400, 600], 0.1, [0.08, 0.12]), controlledCost: cost(500, [400, 600], 0.4, [0.32, 0.48]), purchaseCost: SAME_PURCHASE }, [
          fill('bolt', 0.99, 0.97, [0.01, 0.03]),
          fill('nut', 0.98, 0.9, [0.06, 0.1]),
        ]),
      ],
      context,
    );
    expect(summary.sentence).toMatch(/— but higher service for 2 items \(the largest change: nut's fill rate, 98\.0% against 90\.0%\)\.$/);
  });
});
