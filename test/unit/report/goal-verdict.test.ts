// A challenge's goal, figure by figure: met only when the whole interval is on the right side of
// the bound, missed only when it is wholly on the wrong side, undecided when it straddles the
// bound (the page's goal panel says which), and the leaderboard's words for the whole goal.
import { describe, expect, it } from 'vitest';
import type { ExperimentResult, KpiSummary } from '../../../sim/experiment/index.js';
import { goalOutcome, goalStanding } from '../../../sim/report/index.js';
import type { Challenge } from '../../../sim/scenario/index.js';

const summary = (low: number, high: number): KpiSummary => ({ mean: (low + high) / 2, sd: 1, ci95: [low, high], n: 30 });

/** A result of one strategy whose total cost and widget fill rate have the given intervals. */
function resultWith(cost: KpiSummary, fill: KpiSummary): ExperimentResult {
  return { strategies: [{ name: 'Yours', kpis: { totalCost: cost }, items: { widget: { fillRate: fill } } }] } as unknown as ExperimentResult;
}

const challenge: Challenge = {
  title: 'Test',
  goal: 'Cheap and served',
  strategy: 'Yours',
  levers: ['strategies.Yours.items.widget.policy.cards'],
  objective: { kpi: 'totalCost', below: 5000 },
  constraints: [{ kpi: 'widget.fillRate', atLeast: 0.95 }],
  hints: [],
};

describe('goalOutcome verdicts', () => {
  it('says met, missed or undecided by where the whole interval lies', () => {
    const cases: [KpiSummary, KpiSummary, string, string][] = [
      [summary(4000, 4900), summary(0.96, 0.99), 'met', 'met'],
      [summary(5100, 6000), summary(0.8, 0.9), 'missed', 'missed'],
      [summary(4800, 5200), summary(0.94, 0.97), 'undecided', 'undecided'],
      // An interval that only touches a strict bound has not met it, and has missed it.
      [summary(5000, 5000), summary(0.95, 0.95), 'missed', 'met'],
    ];
    for (const [cost, fill, objective, constraint] of cases) {
      const outcome = goalOutcome(resultWith(cost, fill), challenge);
      expect([outcome.objective.verdict, outcome.constraints[0].verdict]).toEqual([objective, constraint]);
      expect(outcome.objective.met).toBe(objective === 'met');
      expect(outcome.constraints[0].met).toBe(constraint === 'met');
    }
  });

  it('is undecided without an interval (one replication), never met', () => {
    const one: KpiSummary = { mean: 100, sd: 0, ci95: null, n: 1 };
    const outcome = goalOutcome(resultWith(one, { mean: 1, sd: 0, ci95: null, n: 1 }), challenge);
    expect(outcome.objective.verdict).toBe('undecided');
    expect(outcome.met).toBe(false);
  });

  it('works for upper bounds too (above, atMost)', () => {
    const flipped: Challenge = { ...challenge, objective: { kpi: 'widget.fillRate', above: 0.9 }, constraints: [{ kpi: 'totalCost', atMost: 5000 }] };
    const outcome = goalOutcome(resultWith(summary(5001, 5200), summary(0.8, 0.89)), flipped);
    expect([outcome.objective.verdict, outcome.constraints[0].verdict]).toEqual(['missed', 'missed']);
    const won = goalOutcome(resultWith(summary(4000, 5000), summary(0.91, 0.99)), flipped);
    expect([won.objective.verdict, won.constraints[0].verdict, won.met]).toEqual(['met', 'met', true]);
  });
});

describe('goalStanding', () => {
  it('names the goal as the leaderboard does', () => {
    expect(goalStanding(goalOutcome(resultWith(summary(4000, 4900), summary(0.96, 0.99)), challenge))).toBe('met');
    expect(goalStanding(goalOutcome(resultWith(summary(5100, 6000), summary(0.96, 0.99)), challenge))).toBe('feasible, objective not met');
    expect(goalStanding(goalOutcome(resultWith(summary(4000, 4900), summary(0.94, 0.97)), challenge))).toBe('infeasible (widget.fillRate)');
  });
});
