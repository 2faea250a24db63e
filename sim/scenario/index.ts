// The public API of sim/scenario: load and check a scenario file, build its strategies, the
// JSON Schema of the format, and the helpers behind --set.
export { loadScenario } from './load.js';
export { buildStrategy } from './load.js';
export { BASE } from './load.js';
export type { LoadOptions } from './load.js';
export type { Scenario } from './load.js';
export type { ScenarioDocument } from './load.js';
export type { BuiltStrategy } from './load.js';
export { ownsPath, shadowsPath, plantOf } from './compile.js';
export { leversOf, POLICY_LEVERS } from './levers.js';
export type { Lever } from './levers.js';
export type { CompiledStrategy } from './compile.js';
export type { EoqInputs, ItemDerivation, QuantityDerivation, ReorderPointDerivation } from './derive.js';
export type { DerivedValues } from './derive.js';
export type { Trace } from './traces.js';
export type { TraceCache } from './traces.js';
export { ScenarioError } from './errors.js';
export type { ScenarioIssue } from './errors.js';
export { setPath } from './set-path.js';
export { parseValue } from './parse.js';
export { applyStrategy } from './merge.js';
export { mergePatch } from './merge.js';
export { scenarioJsonSchema } from './schema.js';
export { scenarioReference } from './reference.js';
export type { ScenarioInput } from './schema.js';
export { runScenario } from './run-scenario.js';
export type { RunScenarioOptions } from './run-scenario.js';
