import { describe, expect, it } from 'vitest';
import { assembleExperiment, collectRuns, ExperimentAssembler, planReplications, runTask } from '../../../sim/experiment/index.js';
import { workerPool } from '../../../sim/experiment/pool.js';
import { loadScenario } from '../../../sim/scenario/index.js';
import { pairedDifference, ratioLinearization, summarize } from '../../../sim/stats/index.js';

const TEXT = `name: Two rules
time: { horizon: 60, warmup: 5 }
run: { replications: 12 }
items:
  w:
    holdingCost: 1
    backorderCost: 4
    initial: 4
    buy: { leadTime: { exponential: { mean: 2 } }, orderCost: 5 }
    policy: { type: sQ, reorderPoint: 3, quantity: 6 }
demand:
  - { item: w, interarrival: { exponential: { mean: 0.6 } } }
strategies:
  Lean: { items: { w: { policy: { type: sQ, reorderPoint: 1, quantity: 6 } } } }
  Safe: { items: { w: { policy: { type: sQ, reorderPoint: 5, quantity: 6 } } } }
`;
const scenario = loadScenario(TEXT, { file: 'two.yaml' });
const options = { replications: 12 };
const tasks = planReplications(scenario, options);
const runs = tasks.map((task) => runTask(scenario, task));

describe('statistics folded in replication by replication', () => {
  it('are the same whatever order the results arrive in', () => {
    const shuffled = new ExperimentAssembler(scenario, options, tasks);
    const order = tasks.map((_, i) => i).sort((a, b) => ((a * 7919) % 31) - ((b * 7919) % 31));
    for (const i of order) shuffled.add(i, runs[i]);
    expect(shuffled.result()).toEqual(assembleExperiment(scenario, options, tasks, runs));
  });

  it('give what the two-pass formulas give over the stored replications', () => {
    const result = assembleExperiment(scenario, options, tasks, runs);
    const of = (name: string) => runs.filter((_, i) => tasks[i].strategy === name);
    const [lean, safe] = [of('Lean'), of('Safe')];
    const cost = summarize(lean.map((r) => r.kpis.totalCost));
    expect(result.strategies[0].kpis.totalCost.mean).toBeCloseTo(cost.mean, 9);
    expect(result.strategies[0].kpis.totalCost.sd).toBeCloseTo(cost.sd, 9);
    const fill = summarize(
      ratioLinearization(
        lean.map((r) => r.counts.items.w.filledAtOnceUnits),
        lean.map((r) => r.counts.items.w.demandedUnits),
      )!,
    );
    expect(result.strategies[0].items.w.fillRate.mean).toBeCloseTo(fill.mean, 12);
    expect(result.strategies[0].items.w.fillRate.sd).toBeCloseTo(fill.sd, 12);
    const wait = (rs: typeof runs) =>
      ratioLinearization(
        rs.map((r) => r.counts.customerWaitSum),
        rs.map((r) => r.counts.customers),
      )!;
    const diff = pairedDifference(wait(lean), wait(safe));
    const compared = result.comparisons.find((c) => c.kpi === 'avgCustomerWait')!;
    expect(compared.meanDiff).toBeCloseTo(diff.meanDiff, 12);
    expect(compared.ci95![1] - compared.meanDiff).toBeCloseTo(diff.ci95[1] - diff.meanDiff, 12);
    // The two policies differ for real, and the comparison says so.
    expect(compared.ci95![0]).toBeGreaterThan(0);
  });

  it('refuse to report before every replication has', () => {
    const partial = new ExperimentAssembler(scenario, options, tasks);
    partial.add(0, runs[0]);
    expect(() => partial.result()).toThrow(/23 replications have not reported/);
  });
});

describe('worker threads', () => {
  it('keep a bounded window of results ahead of the first one still to come', async () => {
    const tiny = loadScenario(TEXT.replace('horizon: 60, warmup: 5', 'horizon: 2'), { file: 'tiny.yaml' });
    const many = planReplications(tiny, { replications: 4000, levelSamples: 0 });
    // The first replication is made slow (millions of level samples): the other threads must wait for it, not race on.
    many[0] = { ...many[0], levelSamples: 3_000_000 };
    const pool = workerPool(2);
    try {
      const received = new Set<number>();
      let next = 0;
      let mostAhead = 0;
      await pool.execute({ text: TEXT.replace('horizon: 60, warmup: 5', 'horizon: 2'), file: 'tiny.yaml' }, tiny, many, (i) => {
        received.add(i);
        while (received.delete(next)) next++;
        mostAhead = Math.max(mostAhead, received.size);
      });
      expect(next).toBe(many.length);
      expect(mostAhead).toBeGreaterThan(0);
      // Batches of 64, at most 2 threads × 4 batches ahead of the oldest one running.
      expect(mostAhead).toBeLessThanOrEqual(64 * 2 * 4);
      expect(await collectRuns(pool.execute, { text: TEXT, file: 'two.yaml' }, scenario, tasks)).toEqual(runs);
    } finally {
      await pool.close();
    }
  });
});
