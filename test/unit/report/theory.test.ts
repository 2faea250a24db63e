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

  it("sets a DDMRP buffer's zones beside the simulated average on hand, aiming at top of red + green/2", () => {
    const file = 'scenarios/demand-shock.yaml';
    const buffer = 'DDMRP buffer (pull)';
    const policy = `strategies.${buffer}.items.valve.policy`;
    // A fixed ADU of 40 a day and demand that stays at 40: the zones hold through the run.
    const scenario = loadScenario(readFileSync(file, 'utf8'), { file, overrides: { [`${policy}.adu`]: { fixed: 40 }, 'demand.0.changes': [] } });
    const result = runExperiment(scenario, { replications: 2, strategies: [buffer] });
    const [row] = theoryRows(result, scenario).filter((r) => r.item === 'valve');
    const zones = scenario.compiled[buffer].derived.valve.zones!;
    expect(row.formula).toBe(scenario.compiled[buffer].derived.valve.formulas.zones);
    expect(row.levels).toEqual([
      { label: 'top of red', value: zones.topOfRed },
      { label: 'top of yellow', value: zones.topOfYellow },
      { label: 'top of green', value: zones.topOfGreen },
    ]);
    expect(row.predicted).toEqual({ label: 'average on hand aimed at (top of red + green/2)', value: zones.topOfRed + zones.green / 2 });
    expect(row.simulated).toMatchObject({ label: 'average on hand', kpi: 'avgOnHand', value: result.strategies[0].items.valve.avgOnHand.mean, measured: true });
    // The stock swings between its zones: above the red zone, below the top of green.
    expect(row.simulated.value).toBeGreaterThan(zones.topOfRed);
    expect(row.simulated.value).toBeLessThan(zones.topOfGreen);
    expect(row.note).not.toContain('rolling');
  });

  it("says when a rolling ADU moves the zones, and leaves the other strategies' rows as they were", () => {
    const file = 'scenarios/demand-shock.yaml';
    const scenario = loadScenario(readFileSync(file, 'utf8'), { file });
    const result = runExperiment(scenario, { replications: 2 });
    const rows = theoryRows(result, scenario);
    const buffers = rows.filter((r) => r.levels !== undefined);
    expect(buffers.map((r) => [r.strategy, r.item])).toEqual([['DDMRP buffer (pull)', 'valve']]);
    expect(buffers[0].note).toContain('rolling ADU moves them');
    // The reorder point's EOQ and service-level rows come first, untouched.
    expect(rows.filter((r) => r.levels === undefined).map((r) => r.simulated.kpi)).toEqual(['totalCost', 'fillRate']);
  });
});
