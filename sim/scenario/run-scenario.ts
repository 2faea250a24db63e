import { simulatePlant, type RunResult } from '../model/index.js';
import { loadScenario, type LoadOptions, type Scenario } from './load.js';
import { buildStrategy } from './strategy.js';

export interface RunScenarioOptions extends Partial<LoadOptions> {
  /** Strategy to run; the first one of the file (or `base`) when absent. */
  strategy?: string;
  /** Master seed of this replication; the file's `run.seed` when absent. */
  seed?: number | string;
  /** Record down-sampled series for charts. */
  series?: { maxPoints: number } | null;
}

/**
 * One replication of one strategy: a scenario (YAML/JSON text or a loaded Scenario) in, KPIs and
 * series out. Runs the same in Node and in a browser worker; throws ScenarioError on a bad scenario.
 */
export function runScenario(input: string | Scenario, options: RunScenarioOptions = {}): RunResult {
  const scenario = typeof input === 'string' ? loadScenario(input, { file: options.file ?? 'scenario.yaml', ...options }) : input;
  const strategy = options.strategy ?? scenario.strategies[0];
  const { plant } = buildStrategy(scenario, strategy);
  return simulatePlant(plant, { seed: options.seed ?? scenario.run.seed, series: options.series ?? null });
}
