import { buildStrategy, type BuiltStrategy, type Scenario } from '../scenario/index.js';

// Built plants are immutable (distributions draw from the stream they are given), so each
// strategy is built once per loaded scenario, not once per replication.
const built = new WeakMap<Scenario, Map<string, BuiltStrategy>>();

/** A strategy of a loaded scenario, built once and then reused. */
export function builtStrategy(scenario: Scenario, strategy: string): BuiltStrategy {
  let cache = built.get(scenario);
  if (cache === undefined) built.set(scenario, (cache = new Map()));
  let result = cache.get(strategy);
  if (result === undefined) cache.set(strategy, (result = buildStrategy(scenario, strategy)));
  return result;
}
