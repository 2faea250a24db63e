// The numbers of a scenario worth turning while watching the results (the page's sliders): policy
// parameters (an MRP lot size too), forecast bias, lead times, setup times and demand gaps. Each comes with a range whose every value
// the scenario accepts — the schema, the cross-field rules and the derivations (an EPQ needs
// demand below the production rate) — so a slider never offers a scenario that cannot run.
import type { PolicyType } from '../model/index.js';
import type { CompiledStrategy } from './compile.js';
import { ownsPath } from './compile.js';
import { derive } from './derive.js';
import type { Scenario } from './load.js';
import type { NormalScenario } from './normalize.js';
import { formatPath, type Segment } from './paths.js';
import { distribution } from './schema-distribution.js';
import { gap } from './schema-helpers.js';
import { policy as policySchema } from './schema-policy.js';
import { forecast as forecastSchema } from './schema-planning.js';
import { referenceProblems } from './references.js';

/** One number at a scenario path (a strategy's patch, or the base file shared by strategies) and the range to offer. */
export interface Lever {
  /** The override path, e.g. `strategies.JIT.items.widget.policy.cards` or `items.steel.buy.leadTime`. */
  path: string;
  label: string;
  /** Which strategies it changes: one name, or every strategy that uses the base value. */
  strategies: string[];
  value: number;
  min: number;
  max: number;
  step: number;
}

/** The tunable fields of each policy, and whether each is a count of units (whole steps). */
export const POLICY_LEVERS: Record<PolicyType, readonly { field: string; whole: boolean }[]> = {
  sQ: [
    { field: 'reorderPoint', whole: true },
    { field: 'quantity', whole: true },
  ],
  sS: [
    { field: 'reorderPoint', whole: true },
    { field: 'orderUpTo', whole: true },
  ],
  RS: [
    { field: 'every', whole: false },
    { field: 'orderUpTo', whole: true },
  ],
  baseStock: [{ field: 'level', whole: true }],
  kanban: [
    { field: 'cards', whole: true },
    { field: 'containerSize', whole: true },
  ],
  batch: [
    { field: 'lotSize', whole: true },
    { field: 'every', whole: false },
  ],
  continuous: [{ field: 'rate', whole: false }],
  makeToOrder: [],
  ddmrp: [
    { field: 'leadTimeFactor', whole: false },
    { field: 'variabilityFactor', whole: false },
    { field: 'orderCycle', whole: false },
  ],
  mrp: [
    { field: 'leadTime', whole: true },
    { field: 'safetyStock', whole: true },
  ],
  anchorAndAdjust: [
    { field: 'alphaS', whole: false },
    { field: 'beta', whole: false },
    { field: 'targetStock', whole: true },
  ],
  forecastOrderUpTo: [
    { field: 'cover', whole: false },
    { field: 'safetyFactor', whole: false },
  ],
  none: [],
};

/** Distribution families whose mean is a parameter a lever can move. */
const MEAN_FAMILIES = ['exponential', 'normal', 'lognormal', 'gamma', 'poisson'];

/** Where the mean of a distribution as written lives: the number itself, constant, or family.mean. */
function meanPath(spec: unknown): Segment[] | null {
  if (typeof spec === 'number') return [];
  if (spec === null || typeof spec !== 'object') return null;
  if ('constant' in spec) return ['constant'];
  const family = MEAN_FAMILIES.find((k) => k in spec);
  return family ? [family, 'mean'] : null;
}

/** A lever before its range is checked: where it is in the strategy's document, and what a value must pass there. */
interface Candidate {
  /** The path in the document as written (`demand[0].every`). */
  path: Segment[];
  label: string;
  value: number;
  whole: boolean;
  /** The value's own rules (schema, cross-field), without the derivations. */
  accepts: (value: number) => boolean;
}

/**
 * The scenario's levers, one per path that owns a value: a patched value per strategy, a base
 * value once for all that share it. `ranges` (by path) are ranges offered before, kept so that a
 * range never jumps under a moving thumb; they too are narrowed to the values accepted now.
 */
export function leversOf(scenario: Scenario, ranges: ReadonlyMap<string, Pick<Lever, 'min' | 'max' | 'step'>> = new Map()): Lever[] {
  const byPath = new Map<string, { lever: Lever; candidate: Candidate; users: CompiledStrategy[] }>();
  for (const name of scenario.strategies) {
    const strategy = scenario.compiled[name];
    for (const candidate of candidatesOf(strategy)) {
      const text = formatPath(candidate.path);
      const key = ownsPath(strategy, text) ? `strategies.${name}.${text}` : text;
      const seen = byPath.get(key);
      if (seen) {
        seen.lever.strategies.push(name);
        seen.users.push(strategy);
        continue;
      }
      const range = ranges.get(key) ?? initialRange(candidate.value, candidate.whole);
      const lever = { path: key, label: candidate.label, strategies: [name], value: candidate.value, min: range.min, max: range.max, step: range.step };
      byPath.set(key, { lever, candidate, users: [strategy] });
    }
  }
  return [...byPath.values()].map(({ lever, candidate, users }) => ({ ...lever, ...validRange(lever, candidate, users, scenario) }));
}

function candidatesOf(strategy: CompiledStrategy): Candidate[] {
  const { document: doc, policies } = strategy;
  const out: Candidate[] = [];
  for (const [name, item] of Object.entries(doc.items)) {
    const running = policies[name];
    const written = item.policy as Record<string, unknown>;
    // An MRP field meets cross-field rules (a planned lead time shorter than the planning horizon): check the document too.
    const crossChecked = running.type === 'mrp';
    const policyLever = (path: Segment[], label: string, value: number, whole: boolean): Candidate => ({
      path: ['items', name, 'policy', ...path],
      label,
      value,
      whole,
      accepts: (v) =>
        policySchema.safeParse(setIn(written, path, v)).success &&
        (!crossChecked || referenceProblems(setIn(doc, ['items', name, 'policy', ...path], v)).length === 0),
    });
    for (const { field, whole } of POLICY_LEVERS[running.type]) {
      out.push(policyLever([field], `${name} ${field}`, (running as unknown as Record<string, number>)[field], whole));
    }
    // MRP's lot size as written: a fixed lot or periods of supply (an EOQ lot is derived, not a lever).
    if (running.type === 'mrp' && typeof running.lotSizing === 'object') {
      if ('fixed' in running.lotSizing) out.push(policyLever(['lotSizing', 'fixed'], `${name} fixed lot`, running.lotSizing.fixed, true));
      if ('periods' in running.lotSizing) out.push(policyLever(['lotSizing', 'periods'], `${name} periods of supply`, running.lotSizing.periods, true));
    }
    const lead = item.buy ? meanPath(item.buy.leadTime) : null;
    if (item.buy && lead) out.push(distributionLever(['items', name, 'buy', 'leadTime'], lead, item.buy.leadTime, `${name} lead time`, false));
    const shipping = item.transfer ? meanPath(item.transfer.leadTime) : null;
    if (item.transfer && shipping) {
      out.push(distributionLever(['items', name, 'transfer', 'leadTime'], shipping, item.transfer.leadTime, `${name} shipping time`, false));
    }
    const setup = item.make ? meanPath(item.make.setupTime) : null;
    if (item.make && setup) {
      const lever = distributionLever(['items', name, 'make', 'setupTime'], setup, item.make.setupTime, `${name} setup time`, false);
      if (lever.value > 0) out.push(lever);
    }
  }
  for (const [item, forecast] of Object.entries(doc.forecasts)) {
    // A trace forecast's normalized form carries the values read from its file: the schema knows the file only.
    const { values: _read, ...written } = forecast as typeof forecast & { values?: unknown };
    out.push({
      path: ['forecasts', item, 'bias'],
      label: `${item} forecast bias`,
      value: forecast.bias,
      whole: false,
      accepts: (v) => forecastSchema.safeParse({ ...written, bias: v }).success,
    });
  }
  doc.demand.forEach((line, i) => {
    const { source } = line;
    if (source.kind === 'every') {
      out.push({
        path: ['demand', i, 'every'],
        label: `${line.item}: time between orders`,
        value: source.every,
        whole: false,
        accepts: (v) => gap().safeParse(v).success,
      });
    }
    const at = source.kind === 'interarrival' ? meanPath(source.interarrival) : null;
    if (source.kind === 'interarrival' && at) {
      out.push(distributionLever(['demand', i, 'interarrival'], at, source.interarrival, `${line.item}: mean time between orders`, true));
    }
  });
  return out;
}

/** A lever on a distribution's mean parameter; `positive` when a mean of 0 is refused (a gap between orders). */
function distributionLever(path: Segment[], mean: Segment[], spec: unknown, label: string, positive: boolean): Candidate {
  const value = mean.length === 0 ? (spec as number) : (getIn(spec, mean) as number);
  return {
    path: [...path, ...mean],
    label,
    value,
    whole: false,
    accepts: (v) => (!positive || v > 0) && distribution().safeParse(setIn(spec, mean, v)).success,
  };
}

function getIn(value: unknown, path: Segment[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<Segment, unknown>)[key] : undefined), value);
}

/** A copy of `value` with `path` set to `v` (the value itself for an empty path). */
function setIn(value: unknown, path: Segment[], v: unknown): unknown {
  if (path.length === 0) return v;
  const [head, ...rest] = path;
  const copy = Array.isArray(value) ? [...value] : { ...(value as Record<Segment, unknown>) };
  (copy as Record<Segment, unknown>)[head] = setIn((value as Record<Segment, unknown>)[head], rest, v);
  return copy;
}

/** A range around the value: up to about three times it, in whole steps for counts, in a thousand steps otherwise. */
function initialRange(value: number, whole: boolean): Pick<Lever, 'min' | 'max' | 'step'> {
  const top = Math.max(whole ? 10 : 1, value * 3);
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const max = Math.ceil(top / magnitude) * magnitude;
  if (whole) return { min: 0, max, step: 1 };
  const step = Number((max / 1000).toPrecision(1));
  return { min: step, max, step };
}

/**
 * The range narrowed to values every strategy using the lever accepts: its own rules, then the
 * derivations of each strategy that derives a value. The accepted values are taken to be one
 * interval around the current value (true of every bound and derivation here), so each end is
 * found by bisection on the step grid.
 */
function validRange(lever: Lever, candidate: Candidate, users: CompiledStrategy[], scenario: Scenario): Pick<Lever, 'min' | 'max'> {
  const { min, max, step, value } = lever;
  const deriving = users.filter((s) => Object.keys(s.derivations).length > 0);
  const valid = (v: number): boolean => candidate.accepts(v) && deriving.every((s) => derives(s, candidate.path, v, scenario));
  if (!valid(value)) return { min, max };
  const at = (k: number): number => Number((min + k * step).toPrecision(12));
  const steps = Math.round((max - min) / step);
  const here = Math.min(steps, Math.max(0, Math.round((value - min) / step)));
  // Smallest valid grid value at or below the current one; largest at or above it.
  let low = 0;
  if (!valid(at(0))) {
    let bad = 0;
    let good = valid(at(here)) ? here : -1;
    if (good < 0) return { min: value, max: value };
    while (good - bad > 1) {
      const mid = (bad + good) >> 1;
      if (valid(at(mid))) good = mid;
      else bad = mid;
    }
    low = good;
  }
  let high = steps;
  if (!valid(at(steps))) {
    let good = Math.max(low, here);
    let bad = steps;
    while (bad - good > 1) {
      const mid = (bad + good) >> 1;
      if (valid(at(mid))) good = mid;
      else bad = mid;
    }
    high = good;
  }
  return { min: at(low), max: at(high) };
}

/** Whether the strategy's derivations still work with the value at `path` (no zod: derive on a copy of the normalized document). */
function derives(strategy: CompiledStrategy, path: Segment[], v: number, scenario: Scenario): boolean {
  const doc = withValue(strategy.document, path, v);
  return doc !== null && derive(doc, scenario.traces).problems.length === 0;
}

/** The normalized document with the value at a path of the document as written (a demand line's gap lives in its source). */
function withValue(doc: NormalScenario, path: Segment[], v: number): NormalScenario | null {
  if (path[0] === 'demand') {
    const [, i, key, ...rest] = path;
    const demand = [...doc.demand];
    const line = demand[i as number];
    if (line === undefined || line.source.kind !== key) return null;
    demand[i as number] = { ...line, source: setIn(line.source, [key, ...rest], v) as typeof line.source };
    return { ...doc, demand };
  }
  return setIn(doc, path, v) as NormalScenario;
}
