// Playing a stage (DESIGN.md, Classroom): a game is the list of orders the player has given so
// far. Each turn runs replication 0 of the play strategy again from time 0 — the same random
// streams as the first replication of `sawtooth run`, so the player and the policy face the same
// demand (common random numbers) — with the played item's policy replaced by "at review k, order
// orders[k]"; at the first review with no order yet the run stops and the stage's state is the
// turn. Once every review has its order, the debrief runs the same replication with the item's
// own policy and puts the two side by side. Re-running from scratch keeps a game deterministic
// and a link to it trivially short: the orders are the game.
import { MAX_AMOUNT, formatNumber, simulatePlant, type OverriddenStage, type RunResult } from '../model/index.js';
import type { PlaySetup, Scenario } from '../scenario/index.js';
import { builtStrategy } from './experiment-cache.js';
import { replicationSeed } from './seeds.js';

/** The stage at the review the game waits at: what the player sees before ordering. */
export interface PlayTurn {
  kind: 'turn';
  item: string;
  /** This turn (1 for the first review, at time 0) of `periods`. */
  period: number;
  periods: number;
  time: number;
  onHand: number;
  backlog: number;
  /** Ordered and not yet received (waiting upstream or in transit). */
  supplyLine: number;
  /** Units ordered from the stage in the last period (by customers, or by the stages it ships to); 0 at the first turn. */
  incomingOrders: number;
  /** Units the stage received in the last period; 0 at the first turn. */
  lastShipment: number;
  /** The stage's cost and the whole plant's over the measured window so far (0 until the warm-up ends). */
  stageCost: number;
  chainCost: number;
}

/** One period of a finished game, for the player and for the stage's policy on the same demand. */
export interface PlayPeriod {
  period: number;
  /** Its review time (the start of the period). */
  time: number;
  player: PeriodFigures;
  policy: PeriodFigures;
}

export interface PeriodFigures {
  /** Units ordered in the period (the policy's: every order it placed from this review to the next). */
  order: number;
  /** On hand − backlog at the review, before ordering. */
  netStock: number;
  /** Units ordered from the stage during the period. */
  incomingOrders: number;
  /** The stage's cost incurred during the period (within the measured window). */
  cost: number;
}

/** A finished game: period by period, the totals, each stage's bullwhip, and what happened in words. */
export interface PlayDebrief {
  kind: 'over';
  item: string;
  strategy: string;
  periods: PlayPeriod[];
  totals: { player: PlayTotals; policy: PlayTotals };
  /** Every item's bullwhip ratio (order variance / demand variance per bucket) with the player and with the policy, in file order. */
  bullwhip: { item: string; player: number; policy: number }[];
  /** What happened, in plain sentences. */
  summary: string[];
}

export interface PlayTotals {
  /** The played stage's cost over the measured window (its cost KPIs summed). */
  stageCost: number;
  /** The whole plant's (totalCost). */
  chainCost: number;
  /** The played stage's bullwhip ratio (0 when the orders it received did not vary). */
  bullwhip: number;
  orderVariance: number;
  demandVariance: number;
}

export type PlayState = PlayTurn | PlayDebrief;

/** Why `value` cannot be an order (in words), or null when it can: a finite number of units, 0 or more. */
export function orderProblem(value: unknown): string | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return 'an order is a number of units';
  if (value < 0) return `an order cannot be negative (got ${formatNumber(value)}); order 0 to order nothing`;
  if (!(value <= MAX_AMOUNT)) return `an order is at most ${MAX_AMOUNT.toLocaleString('en-US')} units`;
  return null;
}

/**
 * The game after `orders`: the next turn, or the debrief once every review has its order.
 * Throws a RangeError saying what is wrong with a bad order, with more orders than the game has
 * turns, or with a scenario that has no `play` block.
 */
export function playTurn(scenario: Scenario, orders: readonly number[]): PlayState {
  const play = scenario.play;
  if (play === null) throw new RangeError('this scenario has no play block: add play: { item: ITEM } to play one of its stages');
  orders.forEach((order, i) => {
    const problem = orderProblem(order);
    if (problem !== null) throw new RangeError(`order ${i + 1}: ${problem}`);
  });
  if (orders.length > play.turns) {
    throw new RangeError(
      `${orders.length} orders were given, and the game has ${play.turns} turns (one a review of ${play.item} every ${formatNumber(play.every)} ${scenario.time.unit})`,
    );
  }
  const played = runStage(scenario, play, orders);
  if (played.halted !== null) return played.halted;
  const policy = runStage(scenario, play, null);
  return debrief(scenario, play, orders, played, policy);
}

/** The stage at one review, before its order. */
interface Review {
  time: number;
  onHand: number;
  backlog: number;
  supplyLine: number;
  /** The stage's demand since time 0. */
  demanded: number;
  /** Units placed since the review before (for the shipment received). */
  placedSince: number;
  costs: { item: number; plant: number };
}

interface StageRun {
  /** The turn the run stopped at for want of an order; null when it ran to the horizon. */
  halted: PlayTurn | null;
  reviews: Review[];
  /** Units ordered in each period (the reviews' order), for the policy's run. */
  ordered: number[];
  /** The review at the horizon (or the last instant before it): closes the last period. */
  closing: Review | null;
  /** The stage's and the plant's cost at the end of the run. */
  final: { item: number; plant: number };
  result: RunResult;
}

/**
 * Replication 0 of the play strategy, the stage reviewed at 0, every, 2·every, … before the
 * horizon and once at it. With `orders` the stage orders orders[k] at review k (nothing for 0) and
 * the run halts at the first review without one; with null it follows its own policy, the reviews
 * only looking (they run before the policy's own review at the same instant, and before demand).
 */
function runStage(scenario: Scenario, play: PlaySetup, orders: readonly number[] | null): StageRun {
  const { plant } = builtStrategy(scenario, play.strategy);
  const horizon = plant.time.horizon;
  const reviews: Review[] = [];
  const ordered = new Array<number>(play.turns).fill(0);
  let closing: Review | null = null;
  let halted: PlayTurn | null = null;
  let stage!: OverriddenStage;
  let placedSince = 0;
  const look = (): Review => {
    const { sim, stock } = stage;
    const review = {
      time: sim.now,
      onHand: stock.onHand,
      backlog: stock.backordered,
      supplyLine: stock.onOrder,
      demanded: stock.totalDemanded,
      placedSince,
      costs: stage.costs(),
    };
    placedSince = 0;
    return review;
  };
  const attach = (s: OverriddenStage): void => {
    stage = s;
    const place = (quantity: number): void => {
      // A periodic policy reviews at the horizon itself too: its order there could not arrive within
      // the run, and the player is asked for none, so it is left out (its ordering and purchase cost
      // with it) to keep the comparison fair.
      if (s.sim.now >= horizon) return;
      placedSince += quantity;
      ordered[Math.max(0, reviews.length - 1)] += quantity;
      s.place(quantity, null);
    };
    let k = 0;
    const due = (): number => Math.min(k * play.every, horizon);
    const runDue = (): void => {
      if (s.sim.now !== due() || k > play.turns) return;
      const turn = k++;
      if (turn === play.turns) {
        closing = look();
        return;
      }
      reviews.push(look());
      if (orders === null) return;
      if (turn < orders.length) {
        if (orders[turn] > 0) place(orders[turn]);
        return;
      }
      halted = turnOf(play, reviews);
      s.halt();
    };
    const tick = (): void => {
      s.timer.events++;
      runDue();
      if (k <= play.turns) s.sim.scheduleAt(due(), tick);
    };
    s.sim.scheduleAt(0, tick);
    if (orders === null) s.attachOwn((quantity) => (place(quantity), null));
    // A review due at the instant of a demand runs before it (and before the policy's own review).
    const theirs = s.stock.beforeDemand;
    s.stock.beforeDemand = theirs === null ? runDue : () => (runDue(), theirs());
  };
  const result = simulatePlant(plant, {
    seed: replicationSeed(scenario.run.seed, 0),
    maxEvents: scenario.run.maxEvents,
    override: { item: play.item, attach },
  });
  return { halted, reviews, ordered, closing, final: stage.costs(), result };
}

function turnOf(play: PlaySetup, reviews: readonly Review[]): PlayTurn {
  const now = reviews[reviews.length - 1];
  const before = reviews.length > 1 ? reviews[reviews.length - 2] : null;
  return {
    kind: 'turn',
    item: play.item,
    period: reviews.length,
    periods: play.turns,
    time: now.time,
    onHand: now.onHand,
    backlog: now.backlog,
    supplyLine: now.supplyLine,
    incomingOrders: before === null ? 0 : now.demanded - before.demanded,
    lastShipment: before === null ? 0 : received(before, now),
    stageCost: now.costs.item,
    chainCost: now.costs.plant,
  };
}

/** Units received between two reviews: what was on order, plus what was ordered since, less what is on order now. */
function received(before: Review, now: Review): number {
  return Math.max(0, before.supplyLine + now.placedSince - now.supplyLine);
}

function debrief(scenario: Scenario, play: PlaySetup, orders: readonly number[], player: StageRun, policy: StageRun): PlayDebrief {
  const figures = (run: StageRun, k: number, order: number): PeriodFigures => {
    const at = run.reviews[k];
    const next = run.reviews[k + 1] ?? run.closing;
    const endCost = k + 1 < run.reviews.length ? run.reviews[k + 1].costs.item : run.final.item;
    return {
      order,
      netStock: at.onHand - at.backlog,
      incomingOrders: next === null ? 0 : next.demanded - at.demanded,
      cost: endCost - at.costs.item,
    };
  };
  const periods = player.reviews.map((review, k) => ({
    period: k + 1,
    time: review.time,
    player: figures(player, k, orders[k]),
    policy: figures(policy, k, policy.ordered[k]),
  }));
  const totals = { player: totalsOf(player, play.item), policy: totalsOf(policy, play.item) };
  const bullwhip = Object.keys(player.result.items).map((item) => ({
    item,
    player: player.result.items[item].bullwhip,
    policy: policy.result.items[item].bullwhip,
  }));
  return { kind: 'over', item: play.item, strategy: play.strategy, periods, totals, bullwhip, summary: summaryOf(scenario, play, totals) };
}

function totalsOf(run: StageRun, item: string): PlayTotals {
  const kpis = run.result.items[item];
  return {
    stageCost: kpis.holdingCost + kpis.orderingCost + kpis.setupCost + kpis.backorderCost + kpis.lostSaleCost + kpis.purchaseCost,
    chainCost: run.result.kpis.totalCost,
    bullwhip: kpis.bullwhip,
    orderVariance: kpis.orderVariance,
    demandVariance: kpis.demandVariance,
  };
}

/** What happened, in words: how erratically the player ordered against the policy, and what each cost. */
function summaryOf(scenario: Scenario, play: PlaySetup, totals: { player: PlayTotals; policy: PlayTotals }): string[] {
  const { player, policy } = totals;
  const money = (value: number): string => `${formatNumber(value)} ${scenario.currency}`;
  const ratio = (t: PlayTotals): string => `${formatNumber(t.bullwhip)}×`;
  const swings =
    player.demandVariance > 0
      ? `You ordered ${ratio(player)} as erratically as the orders you received (the variance of your orders over theirs, per period); the policy ${ratio(policy)}.`
      : `The orders you received did not vary, so there is no bullwhip ratio to give; the variance of your orders was ${formatNumber(player.orderVariance)}, the policy's ${formatNumber(policy.orderVariance)}.`;
  const better = player.stageCost < policy.stageCost ? 'less than' : player.stageCost > policy.stageCost ? 'more than' : 'the same as';
  const cost = `You cost the ${play.item} ${money(player.stageCost)}, ${better} the policy's ${money(policy.stageCost)}; the whole chain cost ${money(player.chainCost)} with you and ${money(policy.chainCost)} with the policy.`;
  const { warmup, unit } = scenario.time;
  const first = warmup === 1 ? `the first ${unit}` : `the first ${formatNumber(warmup)} ${unit}s`;
  const warmupNote = warmup > 0 ? `Costs leave out the warm-up (${first}, time.warmup), as the results do.` : null;
  // One game is one path of the plant: a win over the policy there is not a win on average.
  const onePath =
    'A game is one run of the plant (its first replication), on the same demand for you and the policy; where demand or lead times are random, another run could turn out otherwise.';
  return warmupNote === null ? [swings, cost, onePath] : [swings, cost, warmupNote, onePath];
}
