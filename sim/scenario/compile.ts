// Steps 4–5 for one strategy, run once at load: normalize, derive. What comes out is plain data
// (it crosses to Web Workers and the page by structured clone); the plant with its distribution
// objects is built from it in each thread (build.ts, no validation).
import type { PolicySpec } from '../model/index.js';
import type { DemandRate } from './demand-rate.js';
import { derive, type DerivedValues, type EoqInputs, type ItemDerivation } from './derive.js';
import type { Problem } from './errors.js';
import { isObject } from './json.js';
import { DISTRIBUTION_KEYS } from './merge.js';
import { normalize, type NormalScenario } from './normalize.js';
import { formatPath, isWithin, parsePath, type Path, type Segment } from './paths.js';
import type { ScenarioDoc } from './schema.js';
import type { Trace } from './traces.js';

/** One strategy, compiled once: the only form of a scenario that consumers read. */
export interface CompiledStrategy {
  name: string;
  /** The strategy's document: validated, its patch merged, every default filled (distributions as written, forecast traces' values read). */
  document: NormalScenario;
  /** Each item's policy as the model runs it (eoq and service levels resolved to numbers). */
  policies: Record<string, PolicySpec>;
  /** The derived values as results report them (DESIGN.md, Results). */
  derived: Record<string, DerivedValues>;
  /** The derived values with the numbers they came from. */
  derivations: Record<string, ItemDerivation>;
  /** Every item's EOQ inputs K, D, h, P. */
  economics: Record<string, EoqInputs>;
  /** Each item's mean demand per time unit and its variance rate (customers' plus machines' withdrawals). */
  rates: Record<string, DemandRate>;
  /**
   * What the strategy's patch sets, as paths (`items.widget.policy`, `demand`): a value at or
   * below one of these belongs to the strategy; any other to the base file, shared.
   */
  patched: string[];
}

/** Normalizes and derives a validated strategy document, given every trace it names; the problems of derivation when it cannot. */
export function compileStrategy(
  name: string,
  doc: ScenarioDoc,
  traces: Record<string, Trace>,
  forecastTraces: Record<string, number[]>,
  patch: unknown,
): { compiled: CompiledStrategy; problems: [] } | { compiled: null; problems: Problem[] } {
  const document = normalize(doc, forecastTraces);
  const { policies, derived, derivations, economics, rates, problems } = derive(document, traces);
  if (problems.length > 0) return { compiled: null, problems };
  return { compiled: { name, document, policies, derived, derivations, economics, rates, patched: patchedPaths(patch) }, problems: [] };
}

/** The paths a patch sets: its leaves, with a policy, a distribution and a list each one value (they replace whole). */
function patchedPaths(patch: unknown, path: Segment[] = []): string[] {
  const whole = path.length > 0 && (isReplacedWhole(path) || !isObject(patch));
  if (whole) return [formatPath(path)];
  if (!isObject(patch)) return [];
  return Object.entries(patch).flatMap(([key, value]) => patchedPaths(value, [...path, key]));
}

function isReplacedWhole(path: Path): boolean {
  const last = path.at(-1);
  if (path.length === 3 && path[0] === 'items' && last === 'policy') return true;
  return typeof last === 'string' && DISTRIBUTION_KEYS.has(last);
}

/** True when the value at `path` (`items.widget.policy.cards`) is set by the strategy's patch, not taken from the base file. */
export function ownsPath(strategy: CompiledStrategy, path: string): boolean {
  const target = parsePath(path);
  return target !== null && strategy.patched.some((p) => isWithin(target, parsePath(p) ?? []));
}

/**
 * True when the patch sets `path`, a value above it or one below it: a base override of `path`
 * then does not (wholly) reach this strategy.
 */
export function shadowsPath(strategy: CompiledStrategy, path: string): boolean {
  const target = parsePath(path);
  if (target === null) return false;
  return strategy.patched.some((p) => {
    const set = parsePath(p) ?? [];
    return isWithin(target, set) || isWithin(set, target);
  });
}
