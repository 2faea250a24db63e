import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, runExperiment, theoryRows } from '../../../sim/index.js';

describe('theoryRows', () => {
  it('predicts the cost of a deterministic EOQ plant within a percent of the simulation', () => {
    const file = 'scenarios/eoq-cost-curve.yaml';
    const scenario = loadScenario(readFileSync(file, 'utf8'), { file });
    const result = runExperiment(scenario, { replications: 2 });
    const rows = theoryRows(result, scenario).filter((r) => r.formula.startsWith('EOQ'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.predicted).not.toBeNull();
      expect(Math.abs(row.simulated.value / row.predicted!.value - 1)).toBeLessThan(0.01);
    }
  });

  it('predicts the cost of a component bought for a machine from the demand it sees through the BOM', () => {
    const file = 'scenarios/jit-eoq-batch.yaml';
    const scenario = loadScenario(readFileSync(file, 'utf8'), { file });
    const result = runExperiment(scenario, { replications: 2, strategies: ['EOQ'] });
    const rows = theoryRows(result, scenario);
    const steel = rows.find((r) => r.item === 'steel' && r.formula.startsWith('EOQ'))!;
    // D = 2 blanks per widget × 30 widgets a day, as in the formula's own inputs.
    expect(steel.formula).toContain('D');
    expect(steel.predicted!.value).toBeGreaterThan(0);
    expect(steel.simulated.value / steel.predicted!.value).toBeGreaterThan(0.8);
  });

  it('sets a service-level reorder point beside the simulated fill rate', () => {
    const file = 'scenarios/service-level-safety-stock.yaml';
    const scenario = loadScenario(readFileSync(file, 'utf8'), { file });
    const result = runExperiment(scenario, { replications: 2 });
    const rows = theoryRows(result, scenario).filter((r) => r.simulated.label === 'fill rate');
    expect(rows.map((r) => r.predicted?.value)).toEqual([0.8, 0.95, 0.99]);
    for (const row of rows) expect(row.simulated.value).toBeGreaterThan(0.5);
  });
});
