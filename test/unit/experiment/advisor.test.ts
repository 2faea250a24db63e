// What the experiment tells a reader about its own numbers: levels that grow through the window,
// warm-ups that are too short, and intervals too wide for the replications run.
import { describe, expect, it } from 'vitest';
import { replicationsNeeded, runExperiment, type ExperimentResult, type KpiSummary, type StrategyResult, type Warning } from '../../../sim/experiment/index.js';
import { replicationWarnings } from '../../../sim/experiment/advisor.js';
import { loadScenario } from '../../../sim/scenario/index.js';
import { summarize } from '../../../sim/stats/index.js';

/** An M/M/1 queue through the plant model: a make-to-order item on one machine, service mean 1. */
function mm1(rho: number, time: { horizon: number; warmup: number }, seed = 1) {
  return loadScenario(
    `name: M/M/1 at ${rho}
time: { unit: minute, horizon: ${time.horizon}, warmup: ${time.warmup} }
run: { seed: ${seed} }
machines: { server: { servers: 1 } }
items:
  job:
    make: { machine: server, processTime: { exponential: { mean: 1 } } }
    policy: { type: makeToOrder }
demand:
  - item: job
    interarrival: { exponential: { mean: ${1 / rho} } }
`,
    { file: 'mm1.yaml' },
  );
}

const ofCode = (result: ExperimentResult, code: string): Warning[] => result.warnings.filter((w) => w.code === code);
const codes = (result: ExperimentResult): string[] => result.warnings.map((w) => w.code);

describe('growing backlogs and WIP', () => {
  it('an M/M/1 queue at ρ = 1.25 gets a growing backlog and a growing WIP, marking its waits', () => {
    const result = runExperiment(mm1(1.25, { horizon: 2000, warmup: 100 }), { replications: 10 });
    const [backlog] = ofCode(result, 'growing-backlog');
    expect(backlog).toMatchObject({ path: 'items.job', strategies: ['base'] });
    expect(backlog.kpis).toEqual(expect.arrayContaining(['job.avgBackorders', 'job.avgCustomerWait', 'avgCustomerWait']));
    // About 0.25 customers a minute pile up: from ~100 in the first third to ~400 in the last.
    expect(backlog.message).toMatch(
      /^The backlog of job grows from \d+ to \d+ units between the first and the last third of the measured window \(100 to 2000 minute\), so its average is not a steady-state value and will grow with the horizon/,
    );
    const [wip] = ofCode(result, 'growing-wip');
    expect(wip).toMatchObject({ path: 'items.job', strategies: ['base'] });
    expect(wip.kpis).toEqual(expect.arrayContaining(['job.wip', 'wip']));
  });

  it('so does the same queue with one replication', () => {
    const result = runExperiment(mm1(1.25, { horizon: 2000, warmup: 100 }), { replications: 1 });
    expect(codes(result)).toContain('growing-backlog');
  });

  it('a kanban loop facing more demand than its cards carry gets a growing backlog, with its costs marked', () => {
    // 2 cards of 10 over a 5-day lead time carry 4 a day; customers take 5.
    const scenario = loadScenario(
      `name: Overloaded kanban
time: { unit: day, horizon: 400, warmup: 20 }
items:
  part:
    holdingCost: 0.1
    backorderCost: 1
    buy: { leadTime: 5 }
    policy: { type: kanban, cards: 2, containerSize: 10 }
demand:
  - item: part
    interarrival: { exponential: { mean: 0.2 } }
`,
      { file: 'kanban.yaml' },
    );
    const [backlog] = ofCode(runExperiment(scenario, { replications: 5 }), 'growing-backlog');
    expect(backlog.path).toBe('items.part');
    expect(backlog.kpis).toEqual(expect.arrayContaining(['part.avgBackorders', 'part.backorderCost', 'totalCost']));
  });

  it('a stable M/M/1 at ρ = 0.8 after a warm-up gets none, over seeds and replication counts', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const replications of [1, 3, 10]) {
        const result = runExperiment(mm1(0.8, { horizon: 2000, warmup: 200 }, seed), { replications });
        expect(codes(result), `seed ${seed}, ${replications} replications`).not.toContain('growing-backlog');
        expect(codes(result), `seed ${seed}, ${replications} replications`).not.toContain('growing-wip');
      }
    }
  });
});

describe('the warm-up hint', () => {
  it('covers queues: an M/M/1 at ρ = 0.95 started empty gets a hint', () => {
    // Its make-to-order item holds no stock, so only the backlog and the WIP show the start-up: the
    // queue takes about 1/(1 − √ρ)² ≈ 1,600 minutes to fill, and a run from empty reads its mean
    // 5–10% low. A queue this noisy needs many replications before a start-up is told from noise.
    for (const seed of [1, 2, 3]) {
      const result = runExperiment(mm1(0.95, { horizon: 4000, warmup: 0 }, seed), { replications: 40 });
      const [hint] = ofCode(result, 'warmup-too-short');
      expect(hint, `seed ${seed}`).toMatchObject({ path: 'time.warmup' });
      expect(hint.message).toMatch(/^The warm-up \(0 minute\) looks too short: levels settle after about \d+ minute/);
    }
  });

  it('gives no hint for a sawtooth in the same phase in every replication', () => {
    // Deterministic demand and process times: every replication is the same sawtooth, 43 days a
    // cycle, so averaging does not cancel it. MSER in 5-sample batches cuts its first cycle; that
    // moves the mean by less than a partial cycle at the run's ends can, so no warm-up is due.
    const scenario = loadScenario(
      `name: In-phase sQ
time: { unit: day, horizon: 365, warmup: 0 }
machines: { press: { servers: 1 } }
items:
  part:
    holdingCost: 0.1
    initial: 46
    make: { machine: press, processTime: 0.6 }
    policy: { type: sQ, reorderPoint: 3, quantity: 43 }
demand:
  - item: part
    every: 1
`,
      { file: 'sq.yaml' },
    );
    expect(codes(runExperiment(scenario, { replications: 3 }))).not.toContain('warmup-too-short');
  });
});

/** A summary of `values` as the experiment reports it (interval only from 2 replications). */
function kpi(values: number[]): KpiSummary {
  const s = summarize(values);
  return { mean: s.mean, sd: s.sd, ci95: s.n < 2 ? null : s.ci95, n: s.n };
}

/** A strategy whose headline KPIs are all tight except those given. */
function strategy(name: string, wide: { wait?: number[]; fill?: number[]; cost?: number[] } = {}): StrategyResult {
  const steady = (x: number): number[] => [x, x * 1.001, x * 0.999, x, x * 1.0005, x * 0.9995, x, x, x * 1.001, x * 0.999];
  const items = {
    widget: { fillRate: kpi(wide.fill ?? steady(0.95)), avgCustomerWait: kpi(wide.wait ?? steady(2)) },
  } as unknown as StrategyResult['items'];
  const kpis = { totalCost: kpi(wide.cost ?? steady(1000)), throughput: kpi(steady(10)), wip: kpi(steady(40)), avgCustomerWait: kpi(steady(2)) };
  return { name, derived: {}, kpis, items, machines: {} };
}

describe('replication warnings', () => {
  const waits = [1, 5, 2, 0.5, 3, 4, 0.8, 2.5, 1.2, 3.5];

  it('look at every headline KPI: a wide customer wait gets a warning, not only a wide total cost', () => {
    const [w, ...rest] = replicationWarnings([strategy('A', { wait: waits })], 10);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ code: 'too-few-replications', path: 'run.replications', strategies: ['A'] });
    expect(w.message).toBe('widget.avgCustomerWait is ±46% (2.35 ± 1.08); about 640 replications would bring it to ±5% (have 10; set run.replications).');
  });

  it('name the worst KPI of a strategy and count the others, one warning per strategy', () => {
    const cost = [800, 1200, 1000, 900, 1100, 1040, 960, 1000, 1160, 840];
    const warnings = replicationWarnings([strategy('A', { wait: waits, cost }), strategy('B')], 10);
    expect(warnings.map((w) => w.strategies)).toEqual([['A']]);
    expect(warnings[0].message).toMatch(/^widget\.avgCustomerWait .*; 1 more KPI is wider than its target\.$/);
  });

  it('hold fill rates to two percentage points, not to 5% of the rate', () => {
    const fill = [0.9, 0.95, 0.85, 0.92, 0.97, 0.88, 0.93, 0.9, 0.96, 0.86];
    const [w] = replicationWarnings([strategy('A', { fill })], 10);
    expect(w.message).toMatch(/^widget\.fillRate is 0\.912 ± 0\.0\d+; about \d+ replications would bring it to ± 0\.02 \(have 10/);
    // ±0.03 around 0.9 is ±3.3%, within 5% of the rate, but not within two points.
    expect(replicationWarnings([strategy('A', { fill: fill.map((x) => 0.9 + (x - 0.912) * 0.8) })], 10)).toHaveLength(1);
  });

  it('skip KPIs with a zero mean or nothing measured', () => {
    const none = strategy('A', { wait: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    none.items.widget.avgCustomerWait = { mean: 0, sd: 0, ci95: null, n: 0 };
    expect(replicationWarnings([none], 10)).toEqual([]);
  });

  it('with one replication, say once that nothing can be told apart', () => {
    const one = strategy('A');
    expect(replicationWarnings([one, strategy('B')], 1)).toEqual([
      {
        code: 'one-replication',
        path: 'run.replications',
        message: expect.stringMatching(
          /^With one replication no confidence interval can be computed and no difference between strategies can be called significant/,
        ),
      },
    ]);
  });

  it('do not overstate from a small pilot: 2 replications ask, on average, for what 200 say is needed', () => {
    // Over 20 pilots of 2 replications, the replications asked for the WIP's ±5% average out
    // within a factor 2 of the number a 200-replication run asks for. Scaling n·(h/target)² with
    // the pilot's own t(0.975, 1) = 12.7 asked for about 40 times too many.
    const scenario = mm1(0.8, { horizon: 500, warmup: 50 });
    const neededBy = (result: ExperimentResult): number => replicationsNeeded(result.strategies[0].kpis.wip, 0.05);
    const reference = neededBy(runExperiment(scenario, { replications: 200, levelSamples: 0 }));
    const pilots = Array.from({ length: 20 }, (_, k) => neededBy(runExperiment(scenario, { replications: 2, seed: 100 + k, levelSamples: 0 })));
    const ratio = pilots.reduce((sum, n) => sum + n, 0) / pilots.length / reference;
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});
