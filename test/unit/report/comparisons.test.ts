// A paired difference that is the same in every replication (a scenario without randomness, like the
// Beer Game on its fixed demand) has an interval of no width: the page's sentences and the CLI's
// table say "the same in every replication" rather than showing "x–x" as if it were precision.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparisonTable } from '../../../sim/cli/format/run-report.js';
import { sameInEveryReplication } from '../../../sim/experiment/index.js';
import { describeComparison, loadScenario, runExperiment } from '../../../sim/index.js';

function run(id: string, replications: number) {
  const file = `scenarios/${id}.yaml`;
  const scenario = loadScenario(readFileSync(file, 'utf8'), { file, readFile: (path) => readFileSync(path, 'utf8') });
  return runExperiment(scenario, { replications });
}

describe('a difference the same in every replication', () => {
  it('is an interval no wider than the last bits of a float sum', () => {
    expect(sameInEveryReplication([3848, 3848], 3848)).toBe(true);
    expect(sameInEveryReplication([-365.9 - 1e-13, -365.9 + 1e-13], -365.9)).toBe(true);
    expect(sameInEveryReplication([0.4, 0.4000001], 0.4)).toBe(false);
  });

  it('is said in words on the Beer Game, in the sentences and in the CLI table', () => {
    const result = run('beer-game', 3);
    const costs = result.comparisons.filter((c) => c.kpi === 'totalCost');
    expect(costs.length).toBe(3);
    for (const c of costs) {
      expect(c.ci95![0]).toBe(c.ci95![1]);
      expect(describeComparison(c, result)).toMatch(/\(the same difference in every replication\)$/);
    }
    const rows = comparisonTable(result).rows.filter((row) => row[0] === 'totalCost');
    expect(rows.map((row) => row[3])).toEqual(['same in every replication', 'same in every replication', 'same in every replication']);
    expect(rows.map((row) => row[4])).toEqual(['+892.7%', '+436.9%', '-45.9%']);
  });

  it('is not claimed where replications differ: a random plant keeps its intervals', () => {
    const result = run('jit-eoq-batch', 5);
    const cost = result.comparisons.find((c) => c.kpi === 'totalCost')!;
    expect(describeComparison(cost, result)).toMatch(/\(95% CI [\d.]+–[\d.]+%\)$/);
    expect(comparisonTable(result).rows.find((row) => row[0] === 'totalCost')![3]).toMatch(/…/);
  });
});
