// Estimators checked the way an analyst checks them: many independent experiments, each a full
// run with its own seeds, and the share of experiments whose 95% interval covers the truth.
//
// The slow mover of the "Numbers you can trust" issue: Poisson demand with a mean gap of 50 days,
// base stock 1, a fixed lead time of 30. Each demand finds the unit on the shelf unless another
// demand came in the previous 30 days, so the fill rate is P(N(30) = 0) = e^(−0.6) = 0.5488 and,
// with E[B] = E[(N − 1)+] = 0.6 − 1 + e^(−0.6), the mean wait is E[B]/λ = 7.44 days (Little).
import { describe, expect, it } from 'vitest';
import { assembleExperiment, planReplications, runTask } from '../../sim/experiment/index.js';
import type { RunResult } from '../../sim/model/index.js';
import { loadScenario } from '../../sim/scenario/index.js';
import { summarize } from '../../sim/stats/index.js';

const FILL = Math.exp(-0.6);
const WAIT = (0.6 - 1 + Math.exp(-0.6)) * 50;

function slowMover(window: number, replications: number): ReturnType<typeof loadScenario> {
  const text = `
name: slow mover
time: { unit: day, horizon: ${60 + window}, warmup: 60 }
run: { replications: ${replications} }
items:
  part:
    initial: 1
    buy: { leadTime: 30 }
    policy: { type: baseStock, level: 1 }
demand:
  - item: part
    interarrival: { exponential: { mean: 50 } }
`;
  return loadScenario(text, { file: 'slow-mover.yaml' });
}

interface Coverage {
  fill: number;
  wait: number;
  /** The old estimator: the mean of per-replication fill rates (1 for a replication without demand). */
  averagedFill: number;
}

/** Runs `experiments` independent experiments (seeds 1000, 1001, …) and counts how often each interval covers the truth. */
function coverage(window: number, replications: number, experiments: number): Coverage {
  const scenario = slowMover(window, replications);
  const covered = { fill: 0, wait: 0, averagedFill: 0 };
  const covers = (ci: [number, number] | null, truth: number): boolean => ci !== null && ci[0] <= truth && truth <= ci[1];
  for (let e = 0; e < experiments; e++) {
    const options = { seed: 1000 + e, levelSamples: 0 };
    const tasks = planReplications(scenario, options);
    const runs: RunResult[] = tasks.map((task) => runTask(scenario, task));
    const part = assembleExperiment(scenario, options, tasks, runs).strategies[0].items.part;
    if (covers(part.fillRate.ci95, FILL)) covered.fill++;
    if (covers(part.avgCustomerWait.ci95, WAIT)) covered.wait++;
    if (covers(summarize(runs.map((r) => r.items.part.fillRate)).ci95, FILL)) covered.averagedFill++;
  }
  return { fill: covered.fill / experiments, wait: covered.wait / experiments, averagedFill: covered.averagedFill / experiments };
}

describe('pooled ratio estimators on a slow mover (400 independent experiments)', () => {
  // 400 experiments put the standard error of a 95% coverage at 1.1 points: [0.91, 0.99] is
  // about 3.5 standard errors either side, so a correct estimator passes and a biased one fails.
  it('cover the true fill rate 0.549 and wait 7.44 about 95% of the time on 500-day windows', () => {
    const found = coverage(500, 20, 400);
    expect(found.fill).toBeGreaterThanOrEqual(0.91);
    expect(found.fill).toBeLessThanOrEqual(0.99);
    expect(found.wait).toBeGreaterThanOrEqual(0.91);
    expect(found.wait).toBeLessThanOrEqual(0.99);
  });

  it('still cover on 100-day windows, where averaging per-replication fill rates does not', () => {
    // About two demands per replication, and one replication in seven without any: the average of
    // per-replication ratios counts those as a fill rate of 1 and misses the truth.
    const found = coverage(100, 50, 400);
    expect(found.fill).toBeGreaterThanOrEqual(0.91);
    expect(found.wait).toBeGreaterThanOrEqual(0.89);
    expect(found.averagedFill).toBeLessThan(0.8);
  });
});

describe('estimates that look exact but are not', () => {
  it('give no interval from one replication, and no paired interval either', () => {
    const twoStrategies = loadScenario(
      `name: two
time: { unit: day, horizon: 200 }
items:
  part: { initial: 5, buy: { leadTime: 3 }, policy: { type: baseStock, level: 5 } }
demand: [ { item: part, interarrival: { exponential: { mean: 1 } } } ]
strategies: { A: {}, B: { items: { part: { policy: { type: baseStock, level: 3 } } } } }
`,
      { file: 'two.yaml' },
    );
    const options = { replications: 1, levelSamples: 0 };
    const tasks = planReplications(twoStrategies, options);
    const result = assembleExperiment(
      twoStrategies,
      options,
      tasks,
      tasks.map((t) => runTask(twoStrategies, t)),
    );
    expect(result.strategies[0].kpis.totalCost.ci95).toBeNull();
    expect(result.strategies[0].items.part.fillRate.ci95).toBeNull();
    expect(result.comparisons.every((c) => c.ci95 === null)).toBe(true);
  });

  it('count the customers still waiting when the horizon is shorter than the lead time', () => {
    const text = `
name: short horizon
time: { unit: day, horizon: 20 }
run: { replications: 5 }
items:
  part: { buy: { leadTime: 30 }, policy: { type: baseStock, level: 0 } }
demand: [ { item: part, every: 1 } ]
`;
    const scenario = loadScenario(text, { file: 'short.yaml' });
    const options = { levelSamples: 0 };
    const tasks = planReplications(scenario, options);
    const part = assembleExperiment(
      scenario,
      options,
      tasks,
      tasks.map((t) => runTask(scenario, t)),
    ).strategies[0].items.part;
    // Nobody is served within 20 days; the 20 customers have waited 19, 18, …, 0 days by then.
    expect(part.avgCustomerWait.mean).toBeCloseTo(9.5, 9);
  });

  it('say when a fill rate rests on a handful of orders, where it would read "100%, equal in every replication"', () => {
    const scenario = loadScenario(
      `name: very slow mover
time: { unit: day, horizon: 60 }
run: { replications: 3 }
items:
  part: { initial: 1, buy: { leadTime: 30 }, policy: { type: baseStock, level: 1 } }
demand: [ { item: part, interarrival: { exponential: { mean: 50 } } } ]
`,
      { file: 'very-slow.yaml' },
    );
    const options = { levelSamples: 0 };
    const tasks = planReplications(scenario, options);
    const result = assembleExperiment(
      scenario,
      options,
      tasks,
      tasks.map((t) => runTask(scenario, t)),
    );
    const few = result.warnings.find((w) => w.code === 'few-orders');
    expect(few?.path).toBe('items.part');
    expect(few?.kpis).toContain('part.fillRate');
    expect(few?.message).toMatch(/rest on only \d+ customer orders? over 3 replications/);
  });

  it('keep the bounds of a non-negative KPI at or above 0', () => {
    const scenario = slowMover(100, 10);
    const options = { levelSamples: 0 };
    const tasks = planReplications(scenario, options);
    const runs = tasks.map((t) => runTask(scenario, t));
    // Rare stockouts: most replications have none, and a plain t interval would reach below 0.
    const raw = summarize(runs.map((r) => r.items.part.stockoutUnits));
    expect(raw.ci95[0]).toBeLessThan(0);
    const part = assembleExperiment(scenario, options, tasks, runs).strategies[0].items.part;
    expect(part.stockoutUnits.ci95![0]).toBe(0);
    expect(part.fillRate.ci95![1]).toBeLessThanOrEqual(1);
  });
});
