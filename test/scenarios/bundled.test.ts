// Every bundled scenario (scenarios/*.yaml) loads, runs every strategy, keeps its key numbers
// (snapshot) and still teaches the lesson its description promises. A new file is picked up by
// itself; it then needs a lesson below.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim/model/index.js';
import { runExperiment } from '../../sim/experiment/index.js';
import { goalOutcome } from '../../sim/report/index.js';
import { buildStrategy, loadScenario, runScenario, type Scenario } from '../../sim/scenario/index.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');
const FILES = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort();
const SEEDS = [1, 2, 3];
const MIN_FILES = 9;

/**
 * Loads a bundled scenario. The loader resolves a trace (`data/demand.csv`) against the directory
 * of `file` itself (sim/scenario/traces.ts, resolveTracePath) and hands readFile the result, so
 * with the absolute path as `file`, readFile must read its argument as is, not join it again.
 */
function load(name: string, overrides?: Record<string, unknown>): Scenario {
  const path = join(DIR, name);
  return loadScenario(readFileSync(path, 'utf8'), { file: path, readFile: (file) => readFileSync(file, 'utf8'), overrides });
}

/** Each strategy's replications for SEEDS, run once per file and shared by the tests. */
const cache = new Map<string, Record<string, RunResult[]>>();
function runsOf(name: string): Record<string, RunResult[]> {
  let runs = cache.get(name);
  if (!runs) {
    const scenario = load(name);
    runs = Object.fromEntries(scenario.strategies.map((strategy) => [strategy, SEEDS.map((seed) => runScenario(scenario, { strategy, seed }))]));
    cache.set(name, runs);
  }
  return runs;
}

/** The mean over SEEDS of one number of one strategy's runs. */
function meanOf(runs: RunResult[], pick: (run: RunResult) => number): number {
  return runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
}

const sig4 = (x: number): number => Number(x.toPrecision(4));

/** The key numbers of a file: per strategy, means of overall KPIs and each item's fill rate, to 4 significant digits. */
function keyNumbers(name: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [strategy, runs] of Object.entries(runsOf(name))) {
    const numbers: Record<string, number> = {
      totalCost: sig4(meanOf(runs, (r) => r.kpis.totalCost)),
      throughput: sig4(meanOf(runs, (r) => r.kpis.throughput)),
      avgCustomerWait: sig4(meanOf(runs, (r) => r.kpis.avgCustomerWait)),
    };
    for (const item of Object.keys(runs[0].items)) numbers[`${item}.fillRate`] = sig4(meanOf(runs, (r) => r.items[item].fillRate));
    out[strategy] = numbers;
  }
  return out;
}

/** Mean over SEEDS of a number of `strategy` in `file`. */
function mean(file: string, strategy: string, pick: (run: RunResult) => number): number {
  const runs = runsOf(file)[strategy];
  if (!runs) throw new Error(`${file} has no strategy "${strategy}" (it has ${Object.keys(runsOf(file)).join(', ')})`);
  return meanOf(runs, pick);
}

/** What each scenario teaches, checked so that the test fails if the lesson stops being visible. */
const LESSONS: Record<string, { lesson: string; check: (file: string) => void }> = {
  'jit-eoq-batch.yaml': {
    lesson: 'JIT holds the least widget stock and Batch the most, JIT fills fewer orders from stock than EOQ, and EOQ is cheapest',
    check(f) {
      const hold = (s: string): number => mean(f, s, (r) => r.items.widget.holdingCost);
      const fill = (s: string): number => mean(f, s, (r) => r.items.widget.fillRate);
      expect(hold('JIT')).toBeLessThan(0.5 * hold('EOQ'));
      expect(hold('EOQ')).toBeLessThan(hold('Batch'));
      expect(fill('JIT')).toBeLessThan(fill('EOQ') - 0.02);
      expect(mean(f, 'JIT', (r) => r.items.widget.setupCost)).toBeGreaterThan(5 * mean(f, 'EOQ', (r) => r.items.widget.setupCost));
      const cost = (s: string): number => mean(f, s, (r) => r.kpis.totalCost);
      expect(cost('EOQ')).toBeLessThan(Math.min(cost('JIT'), cost('Batch')));
    },
  },
  'smed-setup-times.yaml': {
    lesson: 'small kanban lots with long setups keep the press in changeover and customers waiting; SMED makes JIT cheaper than EOQ with long setups',
    check(f) {
      const long = 'JIT, long setups';
      const smed = 'JIT, SMED (short setups)';
      expect(mean(f, long, (r) => r.machines.press.setupShare)).toBeGreaterThan(0.25);
      expect(mean(f, long, (r) => r.machines.press.idleShare)).toBeLessThan(0.1);
      expect(mean(f, long, (r) => r.items.bracket.fillRate)).toBeLessThan(mean(f, smed, (r) => r.items.bracket.fillRate) - 0.02);
      expect(mean(f, long, (r) => r.kpis.avgCustomerWait)).toBeGreaterThan(5 * mean(f, smed, (r) => r.kpis.avgCustomerWait));
      const cost = (s: string): number => mean(f, s, (r) => r.kpis.totalCost);
      expect(cost(smed)).toBeLessThan(cost('EOQ, long setups'));
      expect(cost('EOQ, long setups')).toBeLessThan(cost(long));
    },
  },
  'eoq-cost-curve.yaml': {
    lesson: 'the EOQ is the cheapest order quantity, where ordering and holding cost are equal, and halving or doubling it costs about 25% more',
    check(f) {
      const cost = (s: string): number => mean(f, s, (r) => r.kpis.totalCost);
      const eoq = cost('Q = EOQ');
      for (const other of ['Q = EOQ/2', 'Q = 2·EOQ']) {
        expect(cost(other) / eoq).toBeGreaterThan(1.2);
        expect(cost(other) / eoq).toBeLessThan(1.3);
      }
      const ordering = mean(f, 'Q = EOQ', (r) => r.items.bearing.orderingCost);
      const holding = mean(f, 'Q = EOQ', (r) => r.items.bearing.holdingCost);
      expect(Math.abs(ordering - holding) / holding).toBeLessThan(0.05);
      expect(buildStrategy(load(f), 'Q = EOQ').derived.bearing.quantity).toBe(316);
    },
  },
  'service-level-safety-stock.yaml': {
    lesson: 'a higher service level raises the fill rate and cuts stockouts, and costs more stock',
    check(f) {
      const levels = ['Service level 80%', 'Service level 95%', 'Service level 99%'];
      const fill = levels.map((s) => mean(f, s, (r) => r.items.filter.fillRate));
      const hold = levels.map((s) => mean(f, s, (r) => r.items.filter.holdingCost));
      const stockouts = levels.map((s) => mean(f, s, (r) => r.items.filter.stockoutEvents));
      for (let k = 1; k < levels.length; k++) {
        expect(fill[k]).toBeGreaterThan(fill[k - 1]);
        expect(hold[k]).toBeGreaterThan(hold[k - 1] * 1.05);
        expect(stockouts[k]).toBeLessThan(stockouts[k - 1] * 0.8);
      }
    },
  },
  'demand-shock.yaml': {
    lesson: 'after the demand jump pull policies keep selling while push at the old rate loses sales',
    check(f) {
      const push = 'Weekly batch at the old rate (push)';
      for (const pull of ['Kanban (pull)', 'Reorder point (pull)']) {
        expect(mean(f, pull, (r) => r.items.valve.fillRate)).toBeGreaterThan(0.99);
        expect(mean(f, push, (r) => r.kpis.throughput)).toBeLessThan(0.85 * mean(f, pull, (r) => r.kpis.throughput));
      }
      expect(mean(f, push, (r) => r.items.valve.lostUnits)).toBeGreaterThan(2000);
    },
  },
  'bottleneck-line.yaml': {
    lesson: 'bigger buffers raise throughput with diminishing returns while WIP grows, and cards beyond the rack space block the saw',
    check(f) {
      const sizes = ['Buffers of 5', 'Buffers of 20', 'Buffers of 100'];
      const thr = sizes.map((s) => mean(f, s, (r) => r.kpis.throughput));
      const wip = sizes.map((s) => mean(f, s, (r) => r.kpis.wip));
      expect(thr[1]).toBeGreaterThan(thr[0] * 1.2);
      expect(thr[2]).toBeGreaterThan(thr[1]);
      expect(thr[2] - thr[1]).toBeLessThan((thr[1] - thr[0]) / 3);
      expect(wip[1]).toBeGreaterThan(wip[0]);
      expect(wip[2]).toBeGreaterThan(2 * wip[1]);
      expect(mean(f, 'Buffers of 5', (r) => r.machines.paint.starvedShare)).toBeGreaterThan(0.2);
      expect(mean(f, 'Buffers of 100', (r) => r.machines.weld.starvedShare)).toBeLessThan(0.01);
      expect(mean(f, 'More cards than rack space', (r) => r.machines.saw.blockedShare)).toBeGreaterThan(0.1);
      for (const s of sizes) expect(mean(f, s, (r) => r.machines.saw.blockedShare)).toBe(0);
    },
  },
  'job-shop-mto-vs-mts.yaml': {
    lesson: 'make to order holds no stock but customers wait; make to stock serves at once and holds stock',
    check(f) {
      const hold = (s: string): number => mean(f, s, (r) => r.items.shaft.holdingCost + r.items.flange.holdingCost + r.items.housing.holdingCost);
      const wait = (s: string): number => mean(f, s, (r) => r.kpis.avgCustomerWait);
      expect(hold('Make to order')).toBe(0);
      expect(hold('Make to stock')).toBeGreaterThan(3000);
      expect(wait('Make to order')).toBeGreaterThan(10 * wait('Make to stock'));
      expect(wait('Hybrid (stock the runner)')).toBeLessThan(wait('Make to order'));
      expect(mean(f, 'Hybrid (stock the runner)', (r) => r.kpis.totalCost)).toBeLessThan(
        Math.min(
          mean(f, 'Make to order', (r) => r.kpis.totalCost),
          mean(f, 'Make to stock', (r) => r.kpis.totalCost),
        ),
      );
    },
  },
  'supplier-disruption.yaml': {
    lesson: 'a reorder point for the mean lead time runs dry in a disruption; safety stock or smaller orders buy the service back',
    check(f) {
      const fill = (s: string): number => mean(f, s, (r) => r.items.chip.fillRate);
      const hold = (s: string): number => mean(f, s, (r) => r.items.chip.holdingCost);
      const base = 'Reorder point for the mean lead time';
      const two = 'Plus two weeks of safety stock';
      const four = 'Plus four weeks of safety stock';
      const weekly = 'Two weeks extra, weekly orders';
      const variance = "95% counting the lead time's variance";
      expect(fill(base)).toBeLessThan(0.97);
      expect(fill(variance)).toBeGreaterThan(0.98);
      expect(fill(two)).toBeGreaterThan(fill(base) + 0.03);
      expect(fill(four)).toBeGreaterThan(0.995);
      expect(hold(base)).toBeLessThan(hold(two));
      expect(hold(two)).toBeLessThan(hold(four));
      expect(mean(f, base, (r) => r.items.chip.backorderCost)).toBeGreaterThan(hold(base));
      // Same reorder point, smaller orders: at least as good a service with less stock.
      expect(fill(weekly)).toBeGreaterThan(fill(two) - 0.01);
      expect(hold(weekly)).toBeLessThan(hold(two));
    },
  },
  'periodic-vs-continuous.yaml': {
    lesson: 'periodic review needs more safety stock than continuous review for the same service',
    check(f) {
      const cont = 'Continuous review (s,Q)';
      const same = 'Periodic review (R,S), same stock';
      const served = 'Periodic review (R,S), same service';
      const stock = (s: string): number => mean(f, s, (r) => r.items.gasket.avgOnHand);
      const fill = (s: string): number => mean(f, s, (r) => r.items.gasket.fillRate);
      expect(Math.abs(stock(same) / stock(cont) - 1)).toBeLessThan(0.06);
      // Share of demand not filled at once: several times as large with periodic review.
      expect(1 - fill(same)).toBeGreaterThan(2 * (1 - fill(cont)));
      expect(mean(f, same, (r) => r.items.gasket.stockoutEvents)).toBeGreaterThan(3 * mean(f, cont, (r) => r.items.gasket.stockoutEvents));
      expect(fill(served)).toBeGreaterThan(fill(same));
      expect(fill(served)).toBeGreaterThan(fill(cont) - 0.01);
      expect(stock(served)).toBeGreaterThan(stock(cont) * 1.1);
    },
  },
  'mrp-push-vs-pull.yaml': {
    lesson:
      'at equal service MRP holds far more stock than DDMRP (its planned lead time), its forecast errors cost plan changes, rush lots and setups that a perfect forecast avoids, and DDMRP is cheapest',
    check(f) {
      const mrp = 'MRP today (push)';
      const perfect = 'MRP with a perfect forecast';
      const ddmrp = 'DDMRP buffers (pull)';
      const strategies = [mrp, perfect, 'Kanban (pull)', ddmrp];
      const cost = (s: string): number => mean(f, s, (r) => r.kpis.totalCost);
      for (const s of strategies)
        expect(
          mean(f, s, (r) => r.items.chair.fillRate),
          s,
        ).toBeGreaterThan(0.99);
      expect(mean(f, mrp, (r) => r.items.chair.avgOnHand)).toBeGreaterThan(2 * mean(f, ddmrp, (r) => r.items.chair.avgOnHand));
      // A perfect forecast does not lower MRP's stock (the planned lead time keeps it) but ends the churn.
      expect(mean(f, perfect, (r) => r.items.chair.avgOnHand)).toBeGreaterThan(0.95 * mean(f, mrp, (r) => r.items.chair.avgOnHand));
      expect(mean(f, perfect, (r) => r.items.chair.planChanges)).toBe(0);
      expect(mean(f, perfect, (r) => r.items.chair.pastDueReleases)).toBe(0);
      expect(mean(f, mrp, (r) => r.items.chair.planChanges)).toBeGreaterThan(100);
      expect(mean(f, mrp, (r) => r.items.chair.pastDueReleases)).toBeGreaterThan(20);
      expect(mean(f, mrp, (r) => r.items.chair.setupCost)).toBeGreaterThan(1.5 * mean(f, perfect, (r) => r.items.chair.setupCost));
      expect(cost(perfect)).toBeLessThan(cost(mrp));
      for (const s of strategies.filter((s) => s !== ddmrp)) expect(cost(ddmrp), s).toBeLessThan(cost(s));
    },
  },
  'mrp-planned-lead-times.yaml': {
    lesson:
      'a planned lead time shorter than the real one brings stockouts and past-due rush lots, a padded one buys service with stock, and forecast bias adds stock in proportion',
    check(f) {
      const [short, honest, padded] = ['Planned 1 week (too short)', 'Planned 2 weeks (the mean)', 'Planned 3 weeks (padded)'];
      const fill = (s: string): number => mean(f, s, (r) => r.items.bearing.fillRate);
      const stock = (s: string): number => mean(f, s, (r) => r.items.bearing.avgOnHand);
      const cost = (s: string): number => mean(f, s, (r) => r.kpis.totalCost);
      expect(fill(short)).toBeLessThan(0.5);
      expect(fill(honest)).toBeGreaterThan(0.9);
      expect(fill(padded)).toBeGreaterThan(0.99);
      expect(mean(f, short, (r) => r.items.bearing.pastDueReleases)).toBeGreaterThan(mean(f, padded, (r) => r.items.bearing.pastDueReleases));
      expect(stock(padded)).toBeGreaterThan(2 * stock(honest));
      expect(cost(honest)).toBeLessThan(Math.min(cost(short), cost(padded)));
      // A bias b > 1 over-plans (b − 1) × forecast for every bucket of the lead time and the bucket after:
      // about (b − 1) × 140 units a week × 3 weeks more stock on hand. (Below 1 stock cannot fall below 0: not linear.)
      const biased = (bias: number): number => {
        const scenario = load(f, { 'forecasts.bearing.bias': bias });
        return meanOf(
          SEEDS.map((seed) => runScenario(scenario, { strategy: honest, seed })),
          (r) => r.items.bearing.avgOnHand,
        );
      };
      const base = stock(honest);
      for (const bias of [1.1, 1.2, 1.3]) {
        const expected = (bias - 1) * 20 * 7 * 3;
        expect(biased(bias) - base, `bias ${bias}`).toBeGreaterThan(expected - 0.15 * Math.abs(expected));
        expect(biased(bias) - base, `bias ${bias}`).toBeLessThan(expected + 0.15 * Math.abs(expected));
      }
    },
  },
  'beer-game.yaml': {
    lesson:
      'under Sterman’s rule every stage orders more erratically than it is ordered from, more so upstream, at about ten times the cost of base stock; shared demand information calms the orders',
    check(f) {
      const sterman = "Sterman's players (anchor and adjust)";
      const baseStock = 'Base stock at every stage';
      const shared = 'Shared demand information';
      const chain = ['retailer', 'wholesaler', 'distributor', 'factory'];
      const variance = (s: string, item: string): number => mean(f, s, (r) => r.items[item].orderVariance);
      chain.forEach((stage, i) => {
        expect(
          mean(f, sterman, (r) => r.items[stage].bullwhip),
          stage,
        ).toBeGreaterThan(1.2);
        if (i > 0) expect(variance(sterman, stage), stage).toBeGreaterThan(variance(sterman, chain[i - 1]));
        // One for one, a stage passes its demand on unchanged.
        expect(
          mean(f, baseStock, (r) => r.items[stage].bullwhip),
          stage,
        ).toBeCloseTo(1, 9);
        expect(variance(shared, stage), stage).toBeLessThan(variance(sterman, stage));
      });
      expect(variance(shared, 'factory')).toBeLessThan(0.25 * variance(sterman, 'factory'));
      expect(mean(f, sterman, (r) => r.kpis.totalCost)).toBeGreaterThan(5 * mean(f, baseStock, (r) => r.kpis.totalCost));
      expect(mean(f, shared, (r) => r.kpis.totalCost)).toBeLessThan(mean(f, sterman, (r) => r.kpis.totalCost) / 3);
    },
  },
  'erp-history-kanban.yaml': {
    lesson:
      'on an ERP history redrawn by weeks, kanban cuts the costs the policies control by about a ninth with better service, which the total, swamped by purchase cost, hardly shows',
    check(f) {
      const scenario = load(f);
      // The export as it is: three items in one file, rows out of date order sorted, zeros skipped, each said in a note.
      expect(scenario.notes.map((n) => n.text).join('\n')).toMatch(/rows were out of time order and were sorted[\s\S]*quantity of 0 were skipped/);
      const [verdict] = runExperiment(scenario).summary;
      expect([verdict.a, verdict.b]).toEqual(['Kanban', 'Today (reorder point, big lots)']);
      expect(verdict.controlledCost.significant).toBe(true);
      expect(verdict.controlledCost.relative!.mean).toBeLessThan(-0.08);
      expect(verdict.purchaseCost.significant).toBe(false);
      expect(Math.abs(verdict.totalCost.relative!.mean)).toBeLessThan(Math.abs(verdict.controlledCost.relative!.mean) / 2);
      expect(verdict.service.filter((s) => s.significant && s.meanDiff < 0)).toEqual([]);
      expect(verdict.service.some((s) => s.significant && s.meanDiff > 0)).toBe(true);
      expect(verdict.sentence).toMatch(/less in the costs the policies control .* the same purchase cost — (and|with) higher service for 3 items/);
    },
  },
  'challenge-beat-the-batch.yaml': {
    lesson:
      'the challenge can be won: two containers of 100 meet its goal on the interval, while its starting levers (two of 30) run short and the batch costs too much',
    check(f) {
      const scenario = load(f);
      const challenge = scenario.challenge!;
      expect(challenge.levers).toEqual(['strategies.Yours.items.widget.policy.cards', 'strategies.Yours.items.widget.policy.containerSize']);
      const goal = (overrides: Record<string, unknown>) => goalOutcome(runExperiment(load(f, overrides), { strategies: [challenge.strategy] }), challenge);
      const won = goal({ [challenge.levers[0]]: 2, [challenge.levers[1]]: 100 });
      expect(won.met).toBe(true);
      const start = goal({});
      expect(start.feasible).toBe(false);
      expect(start.met).toBe(false);
      // Today's batch, measured against the same goal: served, but far too dear.
      const batch = goalOutcome(runExperiment(scenario, { strategies: ['Batch (today)'] }), { ...challenge, strategy: 'Batch (today)' });
      expect(batch.feasible).toBe(true);
      expect(batch.objective.estimate.mean).toBeGreaterThan(1.5 * challenge.objective.below!);
    },
  },
  'challenge-cheapest-kanban.yaml': {
    lesson:
      'the challenge can be won: three cards of 130 meet its goal on the interval, while the starting six cards of 20 choke the press with setups and today’s EOQ lots fill too few orders',
    check(f) {
      const scenario = load(f);
      const challenge = scenario.challenge!;
      expect(challenge.levers).toEqual(['strategies.Yours.items.bracket.policy.cards', 'strategies.Yours.items.bracket.policy.containerSize']);
      const goal = (overrides: Record<string, unknown>) => goalOutcome(runExperiment(load(f, overrides), { strategies: [challenge.strategy] }), challenge);
      expect(goal({ [challenge.levers[0]]: 3, [challenge.levers[1]]: 130 }).met).toBe(true);
      // Two cards never fill 95%, however large the container; four of 95 fill it but cost too much.
      expect(goal({ [challenge.levers[0]]: 2, [challenge.levers[1]]: 150 }).feasible).toBe(false);
      const four = goal({ [challenge.levers[0]]: 4, [challenge.levers[1]]: 95 });
      expect(four.feasible && !four.met).toBe(true);
      const start = goal({});
      expect(start.feasible).toBe(false);
      expect(start.constraints[0].estimate.mean).toBeLessThan(0.2);
      const today = goalOutcome(runExperiment(scenario, { strategies: ['Today (EOQ lots)'] }), { ...challenge, strategy: 'Today (EOQ lots)' });
      expect(today.feasible).toBe(false);
    },
  },
  'challenge-beer-game.yaml': {
    lesson:
      'the challenge can be won: counting the supply line in full (beta 1) and aiming higher (targets 40/50/50/30) meets its goal, while Sterman’s rule and either change alone do not',
    check(f) {
      const challenge = load(f).challenge!;
      const goal = (overrides: Record<string, unknown>) => goalOutcome(runExperiment(load(f, overrides), { strategies: [challenge.strategy] }), challenge);
      const stages = ['retailer', 'wholesaler', 'distributor', 'factory'];
      const lever = (stage: string, field: string) => `strategies.Yours.items.${stage}.policy.${field}`;
      expect(challenge.levers.sort()).toEqual(stages.flatMap((s) => [lever(s, 'beta'), lever(s, 'targetStock')]).sort());
      const fullBeta = Object.fromEntries(stages.map((s) => [lever(s, 'beta'), 1]));
      const targets = Object.fromEntries(stages.map((s, i) => [lever(s, 'targetStock'), [40, 50, 50, 30][i]]));
      const won = goal({ ...fullBeta, ...targets });
      expect(won.met).toBe(true);
      const start = goal({});
      expect(start.met).toBe(false);
      expect(start.objective.estimate.mean).toBeGreaterThan(4 * challenge.objective.below!);
      expect(goal(fullBeta).objective.met).toBe(false);
      expect(goal(targets).met).toBe(false);
    },
  },
  'csv-demand-trace.yaml': {
    lesson: 'EOQ and reorder point derived from the history cost less than the rule of thumb, with far less stock',
    check(f) {
      const today = "Today's rule (s = 400, Q = 1000)";
      const eoq = 'EOQ with 95% service';
      expect(load(f).traces['data/demand.csv'].times.length).toBeGreaterThan(1000);
      expect(mean(f, eoq, (r) => r.kpis.totalCost)).toBeLessThan(0.8 * mean(f, today, (r) => r.kpis.totalCost));
      expect(mean(f, eoq, (r) => r.items['seal-kit'].avgOnHand)).toBeLessThan(0.5 * mean(f, today, (r) => r.items['seal-kit'].avgOnHand));
      expect(mean(f, eoq, (r) => r.items['seal-kit'].fillRate)).toBeGreaterThan(0.96);
    },
  },
};

describe('the bundled scenarios', () => {
  it(`are at least ${MIN_FILES} files in scenarios/`, () => {
    expect(FILES.length).toBeGreaterThanOrEqual(MIN_FILES);
  });
});

describe.each(FILES)('scenarios/%s', (file) => {
  it('loads without error, in EUR, with 30 replications and a warm-up', () => {
    const scenario = load(file);
    expect(scenario.currency).toBe('EUR');
    expect(scenario.run.replications).toBe(30);
    expect(scenario.time.warmup).toBeGreaterThan(0);
    expect(scenario.time.warmup).toBeLessThan(scenario.time.horizon / 4);
  });

  it('explains itself in a description of at least 100 characters', () => {
    expect(load(file).description.length).toBeGreaterThanOrEqual(100);
  });

  it('has at least two named strategies, each of which builds', () => {
    const scenario = load(file);
    expect(scenario.strategies.length).toBeGreaterThanOrEqual(2);
    for (const strategy of scenario.strategies) expect(() => buildStrategy(scenario, strategy)).not.toThrow();
  });

  it('runs every strategy for 3 replications and keeps its key numbers (means, 4 significant digits)', () => {
    const numbers = keyNumbers(file);
    for (const values of Object.values(numbers)) for (const value of Object.values(values)) expect(Number.isFinite(value)).toBe(true);
    expect(numbers).toMatchSnapshot();
  });

  const lesson = LESSONS[file];
  it(`teaches that ${lesson?.lesson ?? '… (add its lesson to LESSONS in this file)'}`, () => {
    expect(lesson, `${file} needs a lesson in LESSONS (test/scenarios/bundled.test.ts)`).toBeDefined();
    lesson.check(file);
  });
});

describe('the bundled scenarios through the CLI', () => {
  // Warnings a lesson is about: the weld cannot keep up with demand (lost sales are the point),
  // too many cards overfill the racks, and long setups leave the press barely keeping up.
  const LESSON_WARNINGS: Record<string, string[]> = {
    'bottleneck-line.yaml': ['production-blocks', 'unstable-load'],
    'smed-setup-times.yaml': ['high-load'],
    // The challenge starts where small containers choke the press: finding why is the exercise.
    'challenge-cheapest-kanban.yaml': ['censored-waits', 'growing-backlog', 'unstable-load'],
  };

  it('run at their own replications with no warning but the ones their lesson is about, and exit 0', async () => {
    const { main } = await import('../../sim/cli/main.js');
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      let err = '';
      let out = '';
      const code = await main(['run', `scenarios/${file}`, '--json', '--quiet', '--workers', '1'], {
        out: (t) => void (out += t),
        err: (t) => void (err += t),
      });
      expect(code, file).toBe(0);
      const warnings = (JSON.parse(out).warnings as { code: string; level?: string }[]).filter((w) => w.level !== 'note');
      expect([...new Set(warnings.map((w) => w.code))].sort(), file).toEqual(LESSON_WARNINGS[file] ?? []);
      expect(err.split('\n').filter((line) => line.startsWith('warning:')).length, file).toBe(warnings.length);
    }
  });
});
