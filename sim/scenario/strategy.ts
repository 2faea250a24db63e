import type { PlantSpec } from '../model/index.js';
import { build } from './build.js';
import type { CompiledStrategy } from './compile.js';
import { ScenarioError, distinct, inFileOrder, toIssues } from './errors.js';
import { own } from './json.js';
import type { BuiltStrategy, Scenario } from './load.js';
import type { Trace } from './traces.js';
import { MSG } from './messages.js';

// Apart from load.ts and compile.ts: what runs a loaded scenario (the web page's experiment, its
// replication workers) builds strategies without carrying the loader (the YAML parser, the schema).

/** The plant a compiled strategy runs: distributions constructed, no validation. */
export function plantOf(strategy: CompiledStrategy, traces: Record<string, Trace>): PlantSpec {
  return build(strategy.document, strategy.policies, traces);
}

/** Builds one strategy of a loaded scenario (`base` is the document without any patch): its plant, from what was compiled. */
export function buildStrategy(scenario: Scenario, strategy: string): BuiltStrategy {
  const compiled = own(scenario.compiled, strategy);
  if (compiled === undefined) {
    const problems = [{ path: ['strategies'], text: MSG.unknownStrategy(strategy, scenario.strategies) }];
    throw new ScenarioError(
      inFileOrder(
        toIssues(distinct(problems), scenario.file, () => undefined),
        scenario.file,
      ),
    );
  }
  return { plant: plantOf(compiled, scenario.traces), derived: compiled.derived, rates: compiled.rates };
}
