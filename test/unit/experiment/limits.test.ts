import { describe, expect, it } from 'vitest';
import { SimulationTooLargeError } from '../../../sim/engine/index.js';
import { planReplications, runExperiment, runTask } from '../../../sim/experiment/index.js';
import { loadScenario } from '../../../sim/scenario/index.js';

const TINY = `name: Tiny
time: { horizon: 20 }
items:
  w:
    holdingCost: 1
    initial: 3
    buy: { leadTime: 1, orderCost: 5 }
    policy: { type: sQ, reorderPoint: 2, quantity: 5 }
demand:
  - { item: w, interarrival: { exponential: { mean: 1 } } }
`;
const tiny = loadScenario(TINY, { file: 'tiny.yaml' });

/** Replications of each strategy that sample levels, and how many instants. */
function levelPlanOf(tasks: { replication: number; levelSamples: number }[]): { replications: number; samples: number } {
  const sampling = tasks.filter((task) => task.levelSamples > 0);
  return { replications: sampling.length, samples: sampling[0]?.levelSamples ?? 0 };
}

describe('what an experiment keeps per replication', () => {
  it('samples levels in every replication of an ordinary run', () => {
    expect(levelPlanOf(planReplications(tiny, { replications: 1000 }))).toEqual({ replications: 1000, samples: 500 });
  });

  it('samples levels only in the first replications once they would outgrow 128 MB', () => {
    // One item: 5 series of 500 samples, 20 kB a replication; 2^24 samples fit 6710 replications.
    const tasks = planReplications(tiny, { replications: 20_000 });
    expect(levelPlanOf(tasks)).toEqual({ replications: 6710, samples: 500 });
    expect(tasks.slice(0, 6710).every((task) => task.levelSamples === 500)).toBe(true);
    expect(runTask(tiny, tasks[19_999]).levels).toBeNull();
    expect(levelPlanOf(planReplications(tiny, { replications: 20_000, levelSamples: 100 })).replications).toBe(20_000);
  });

  it('samples fewer instants in a plant of thousands of items, so one replication stays small', () => {
    const items = Array.from({ length: 5000 }, (_, i) => `  p${i}: { initial: 1 }`).join('\n');
    const large = loadScenario(`name: Large\ntime: { horizon: 10 }\nitems:\n${items}\n`, { file: 'large.yaml' });
    // 15002 series: 2^21 samples a replication leave 139 instants each.
    expect(levelPlanOf(planReplications(large, { replications: 2 }))).toEqual({ replications: 2, samples: 139 });
  });

  it('refuses more replications than it can keep, with a message the CLI can tell from a bug', () => {
    expect(() => planReplications(tiny, { replications: 100_001 })).toThrow(SimulationTooLargeError);
    expect(() => planReplications(tiny, { replications: 100_001 })).toThrow(
      "simulation too large: 100001 replications per strategy asked for; at most 100000 (the results keep every replication's numbers): run fewer, or several runs with other seeds",
    );
  });
});

describe('the event budget of a run', () => {
  // 10 orders of 10,000 units, each unit one event on the press: the schema's rate check cannot see them.
  const flood = (run: string): string => `name: Flood
time: { horizon: 100 }
${run}machines: { press: {} }
items:
  w:
    make: { machine: press, processTime: 0.0001 }
    policy: { type: makeToOrder }
demand:
  - { item: w, every: 10, quantity: 10000 }
`;

  it('comes from run.maxEvents and stops the replication naming the machine', () => {
    const scenario = loadScenario(flood('run: { replications: 2, maxEvents: 50000 }\n'), { file: 'flood.yaml' });
    expect(planReplications(scenario, {})[0].maxEvents).toBe(50_000);
    expect(() => runExperiment(scenario)).toThrow(/^simulation too large: one replication fired more than 50000 events .*machines\.press scheduled/);
  });

  it('is 20 million events when the file sets none', () => {
    const scenario = loadScenario(flood('run: { replications: 2 }\n'), { file: 'flood.yaml' });
    expect(planReplications(scenario, {})[0].maxEvents).toBe(20_000_000);
    expect(runExperiment(scenario).strategies[0].machines.press.unitsProduced.mean).toBe(90_000);
  });
});
