// The theory beside the simulation reads the numbers the derivation used. Before, the page
// re-derived D from the plant's trace rows — all of them, where the scenario layer counts the rows
// up to the horizon: with time.horizon 100 the formula used D = 42.4 and the page D = 164.4.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eoqCurve, lotCostRate, theoryRows } from '../../../sim/report/index.js';
import { runExperiment } from '../../../sim/experiment/index.js';
import { loadScenario } from '../../../sim/scenario/index.js';

const file = 'scenarios/csv-demand-trace.yaml';
const scenario = loadScenario(readFileSync(file, 'utf8'), { file, readFile: (p) => readFileSync(p, 'utf8'), overrides: { 'time.horizon': 100 } });
const EOQ = 'EOQ with 95% service';

describe("theory from the derivation's own inputs", () => {
  it('uses the demand rate of the rows within the horizon, as the EOQ did', () => {
    const derivation = scenario.compiled[EOQ].derivations['seal-kit'];
    const D = scenario.compiled[EOQ].rates['seal-kit'].mean;
    expect(D).toBeCloseTo(42.4, 1);
    expect(derivation.quantity!.inputs.D).toBe(D);
    expect(derivation.reorderPoint!.inputs.D).toBe(D);
    const result = runExperiment(scenario, { replications: 2, strategies: [EOQ] });
    const [cost] = theoryRows(result, scenario).filter((r) => r.simulated.kpi === 'totalCost');
    const window = scenario.time.horizon - scenario.time.warmup;
    expect(cost.predicted!.value).toBeCloseTo(lotCostRate(derivation.quantity!.inputs, derivation.quantity!.value) * window, 9);
  });

  it('reads the service level aimed at from the derivation, not from the formula text', () => {
    const result = runExperiment(scenario, { replications: 2 });
    const targets = theoryRows(result, scenario)
      .filter((r) => r.simulated.kpi === 'fillRate')
      .map((r) => r.predicted!.value);
    expect(targets).toEqual([0.95, 0.99]);
  });

  it('draws the EOQ cost curve of a quantity sweep with the same D', () => {
    const today = "Today's rule (s = 400, Q = 1000)";
    const curve = eoqCurve(scenario, today, 'items.seal-kit.policy.quantity', [200, 1000])!;
    const { K, h } = scenario.compiled[today].economics['seal-kit'];
    const D = scenario.compiled[today].rates['seal-kit'].mean;
    const window = scenario.time.horizon - scenario.time.warmup;
    expect(curve.points[0]).toEqual({ x: 200, y: ((K * D) / 200 + (h * 200) / 2) * window });
  });
});
