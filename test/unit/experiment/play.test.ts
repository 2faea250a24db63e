import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { orderProblem, playTurn, replicationSeed, runTask, type PlayDebrief, type PlayTurn } from '../../../sim/experiment/index.js';
import { simulatePlant, type RunResult } from '../../../sim/model/index.js';
import { buildStrategy, loadScenario, type Scenario } from '../../../sim/scenario/index.js';

// Playing a stage (DESIGN.md, Classroom): a game is the orders given so far; each turn re-runs
// replication 0 of the play strategy with the played item's orders taken from them.
const beer = loadScenario(readFileSync('scenarios/beer-game.yaml', 'utf8'), { file: 'beer-game.yaml' });
const STERMAN = "Sterman's players (anchor and adjust)";

function over(scenario: Scenario, orders: readonly number[]): PlayDebrief {
  const state = playTurn(scenario, orders);
  if (state.kind !== 'over') throw new Error(`expected the game to be over, got turn ${state.period}`);
  return state;
}

function turn(scenario: Scenario, orders: readonly number[]): PlayTurn {
  const state = playTurn(scenario, orders);
  if (state.kind !== 'turn') throw new Error('expected a turn, got the debrief');
  return state;
}

/** The first replication of a strategy, as `sawtooth run` runs it. */
function firstReplication(scenario: Scenario, strategy: string, series: { maxPoints: number } | null = null): RunResult {
  return runTask(scenario, {
    strategy,
    replication: 0,
    seed: replicationSeed(scenario.run.seed, 0),
    series,
    levelSamples: 0,
    maxEvents: scenario.run.maxEvents,
  });
}

const stageCost = (run: RunResult, item: string): number => {
  const k = run.items[item];
  return k.holdingCost + k.orderingCost + k.setupCost + k.backorderCost + k.lostSaleCost + k.purchaseCost;
};

describe('a game of the Beer Game', () => {
  it('starts at the first review, the stage as the file sets it up', () => {
    expect(playTurn(beer, [])).toEqual({
      kind: 'turn',
      item: 'retailer',
      period: 1,
      periods: 36,
      time: 0,
      onHand: 12,
      backlog: 0,
      supplyLine: 0,
      incomingOrders: 0,
      lastShipment: 0,
      stageCost: 0,
      chainCost: 0,
    });
  });

  it('debriefs the policy as the first replication of the run: the same demand, the same KPIs', () => {
    const game = over(beer, new Array<number>(36).fill(4));
    const run = firstReplication(beer, STERMAN);
    expect(game.strategy).toBe(STERMAN);
    expect(game.totals.policy).toEqual({
      stageCost: stageCost(run, 'retailer'),
      chainCost: run.kpis.totalCost,
      bullwhip: run.items.retailer.bullwhip,
      orderVariance: run.items.retailer.orderVariance,
      demandVariance: run.items.retailer.demandVariance,
    });
    // README: Sterman's chain costs 4,279 and the retailer's bullwhip is 16.5.
    expect(game.totals.policy.chainCost).toBeCloseTo(4278.7, 1);
    expect(game.bullwhip.map((b) => b.item)).toEqual(['factory', 'distributor', 'wholesaler', 'retailer']);
    for (const b of game.bullwhip) expect(b.policy).toBe(run.items[b.item].bullwhip);
    // Same customers either way; the player's steady 4 a week does not swing at all.
    expect(game.periods.map((p) => p.player.incomingOrders)).toEqual(game.periods.map((p) => p.policy.incomingOrders));
    expect(game.totals.player.orderVariance).toBe(0);
    expect(game.summary[0]).toBe(
      'You ordered 0× as erratically as the orders you received (the variance of your orders over theirs, per period); the policy 16.48×.',
    );
    // A game is one path: the debrief says so rather than let one win pass for a better rule.
    expect(game.summary.at(-1)).toMatch(/^A game is one run of the plant \(its first replication\).*another run could turn out otherwise\.$/);
  });

  it("gives exactly the policy's KPIs when the player orders what the policy ordered", () => {
    const policyOrders = over(beer, new Array<number>(36).fill(0)).periods.map((p) => p.policy.order);
    expect(policyOrders.some((q) => q > 0 && !Number.isInteger(q))).toBe(true); // Sterman's rule orders fractions of a case
    // They are the orders of the run's own series (units ordered per week), up to the last week: its
    // bucket also holds the order the rule places at the horizon itself, which the game leaves out.
    const flows = firstReplication(beer, STERMAN, { maxPoints: 100 }).series!.flows!.items.retailer.ordered;
    expect(flows.slice(0, 35)).toEqual(policyOrders.slice(0, 35));
    expect(flows[35]).toBeGreaterThan(policyOrders[35]);
    const replay = over(beer, policyOrders);
    expect(replay.totals.player).toEqual(replay.totals.policy);
    for (const b of replay.bullwhip) expect(b.player).toBe(b.policy);
    for (const p of replay.periods) expect(p.player).toEqual(p.policy);
    // The period costs add up to the stage's cost over the window.
    expect(replay.periods.reduce((sum, p) => sum + p.player.cost, 0)).toBeCloseTo(replay.totals.player.stageCost, 9);
  });

  it('shows at each turn what the plant shows at that time', () => {
    const policyOrders = over(beer, new Array<number>(36).fill(0)).periods.map((p) => p.policy.order);
    // The plant's own record of the policy's run: the inventory position after every event, the cumulative cost chart.
    const positions: { time: number; position: number }[] = [];
    const { plant } = buildStrategy(beer, STERMAN);
    simulatePlant(plant, {
      seed: replicationSeed(beer.run.seed, 0),
      observer: { afterEvent: (now, stocks) => void positions.push({ time: now, position: stocks.get('retailer')!.position }) },
    });
    const series = firstReplication(beer, STERMAN, { maxPoints: 36 }).series!;
    let shipped = 0;
    let asked = 0;
    for (const k of [1, 2, 5, 9, 17, 30, 35]) {
      const state = turn(beer, policyOrders.slice(0, k));
      expect(state).toMatchObject({ period: k + 1, time: k });
      // At the review only shipments have come (on order → on hand): the position is the one the plant had just before.
      const before = positions.filter((p) => p.time < k).at(-1)!;
      expect(state.onHand - state.backlog + state.supplyLine).toBeCloseTo(before.position, 9);
      // The cost chart samples the plant's total at every week from the warm-up on.
      expect(series.cumulative.t[k - 1]).toBe(k);
      expect(state.chainCost).toBeCloseTo(series.cumulative.cost[k - 1], 9);
      shipped = 0;
      asked = 0;
      for (let j = 1; j <= k; j++) {
        const earlier = turn(beer, policyOrders.slice(0, j));
        shipped += earlier.lastShipment;
        asked += earlier.incomingOrders;
      }
      // Units are conserved: what came in and went out, against what was ordered and is still on order.
      expect(12 + shipped - asked).toBeCloseTo(state.onHand - state.backlog, 9);
      expect(shipped + state.supplyLine).toBeCloseTo(
        policyOrders.slice(0, k).reduce((a, b) => a + b, 0),
        9,
      );
    }
  });

  it('is the same game for the same orders', () => {
    const orders = [4, 4, 8, 12, 0, 6.5, 9];
    expect(playTurn(beer, orders)).toEqual(playTurn(beer, orders));
    const full = Array.from({ length: 36 }, (_, i) => (i * 7) % 13);
    expect(playTurn(beer, full)).toEqual(playTurn(beer, full));
  });

  it('refuses a bad order, too many orders, and a scenario without a game, in words', () => {
    expect(() => playTurn(beer, [4, -1])).toThrow('order 2: an order cannot be negative (got -1); order 0 to order nothing');
    expect(() => playTurn(beer, [Number.NaN])).toThrow('order 1: an order is a number of units');
    expect(() => playTurn(beer, [Infinity])).toThrow('order 1: an order is at most 1,000,000,000,000 units');
    expect(() => playTurn(beer, ['4' as unknown as number])).toThrow('order 1: an order is a number of units');
    expect(() => playTurn(beer, new Array<number>(37).fill(4))).toThrow(
      '37 orders were given, and the game has 36 turns (one a review of retailer every 1 week)',
    );
    const plain = loadScenario(readFileSync('test/fixtures/small-plant.yaml', 'utf8'), { file: 'small-plant.yaml' });
    expect(() => playTurn(plain, [])).toThrow('this scenario has no play block');
    expect(orderProblem(0)).toBeNull();
    expect(orderProblem(12.5)).toBeNull();
  });
});

describe('a game on random demand and lead times', () => {
  // The small plant's bought part, reviewed every 5 days (RS), played on the same random streams.
  const text = readFileSync('test/fixtures/small-plant.yaml', 'utf8').replace(
    'run: { replications: 8, seed: 3 }',
    'run: { replications: 8, seed: 3 }\nplay: { item: part }',
  );
  const scenario = loadScenario(text, { file: 'small-plant.yaml', overrides: { 'items.part.policy': { type: 'RS', every: 5, orderUpTo: 250 } } });

  it('reviews at the policy’s own period and replays its orders exactly', () => {
    expect(scenario.play).toEqual({ item: 'part', strategy: 'Reorder', every: 5, turns: 40 });
    const policyOrders = over(scenario, new Array<number>(40).fill(0)).periods.map((p) => p.policy.order);
    expect(policyOrders.filter((q) => q > 0).length).toBeGreaterThan(5);
    const replay = over(scenario, policyOrders);
    expect(replay.totals.player).toEqual(replay.totals.policy);
    // `sawtooth run` has the policy order at the horizon itself too (a review falls there), which the game leaves out: 20 EUR of ordering cost.
    const run = firstReplication(scenario, 'Reorder');
    const inWindow = replay.periods.filter((p) => p.time > scenario.time.warmup && p.policy.order > 0).length;
    expect(run.items.part.replenishmentOrders).toBe(inWindow + 1);
    expect(run.kpis.totalCost - replay.totals.player.chainCost).toBeCloseTo(20, 9);
    expect(stageCost(run, 'part') - replay.totals.player.stageCost).toBeCloseTo(20, 9);
    expect(replay.totals.player.bullwhip).toBe(run.items.part.bullwhip);
  });

  it('gives the player the same demand as the policy whatever the player orders', () => {
    const game = over(scenario, new Array<number>(40).fill(60));
    expect(game.periods.map((p) => p.player.incomingOrders)).toEqual(game.periods.map((p) => p.policy.incomingOrders));
    expect(game.totals.player.stageCost).not.toBe(game.totals.policy.stageCost);
  });
});
