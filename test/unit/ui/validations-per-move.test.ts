// A slider move loads the scenario once in the page's loader worker — the base file and each
// strategy validated once — and once in each simulation worker; nothing on the page's own thread
// validates again (the sliders, the theory panel, the charts and the result read the compiled
// scenario). Counted on the schema itself.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExperimentAssembler, planReplications, runTask } from '../../../sim/experiment/index.js';
import { scenarioSchema } from '../../../sim/scenario/schema.js';
import { theoryRows } from '../../../sim/report/index.js';
import { dashboardCharts } from '../../../ui/charts/dashboard.js';
import { slidersFor } from '../../../ui/state/sliders.js';
import { loadForPage } from '../../../ui/worker/load-scenario.js';

const file = 'scenarios/jit-eoq-batch.yaml';
const text = readFileSync(file, 'utf8');

afterEach(() => vi.restoreAllMocks());

describe('one slider move', () => {
  it('validates the base and each strategy once in the loader, and never again on the page', () => {
    const validations = vi.spyOn(scenarioSchema, 'safeParse');
    const loaded = loadForPage({ id: 1, text, file, overrides: { 'strategies.JIT.items.widget.policy.cards': 6 }, files: new Map() });
    if (loaded.kind !== 'loaded') throw new Error(loaded.kind);
    const strategies = loaded.scenario.strategies.length;
    expect(strategies).toBe(3);
    expect(validations).toHaveBeenCalledTimes(1 + strategies);

    // What the page does with the loaded scenario (a structured clone of it, as from a worker).
    validations.mockClear();
    const scenario = structuredClone(loaded.scenario);
    const options = { replications: 2, series: { maxPoints: 100 }, levelSamples: 100 };
    const tasks = planReplications(scenario, options);
    const assembler = new ExperimentAssembler(scenario, options, tasks);
    tasks.forEach((task, i) => assembler.add(i, runTask(scenario, task)));
    const result = assembler.result();
    const sliders = slidersFor(scenario);
    theoryRows(result, scenario);
    const policies = Object.fromEntries(Object.values(scenario.compiled).map((s) => [s.name, s.policies.widget]));
    dashboardCharts(result, 'widget', policies, scenario.time.unit, scenario.currency);
    expect(sliders.length).toBeGreaterThan(0);
    expect(validations).not.toHaveBeenCalled();
  });
});
