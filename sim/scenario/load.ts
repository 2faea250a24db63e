// Loading is a pipeline of named steps (STYLE.md): parse → overrides → validate → (each
// strategy: applyStrategy → validate) → traces → normalize → derive → build. loadScenario runs
// every step for the base and for every strategy, so a bad strategy is reported at load time.
import type { PlantSpec } from '../model/index.js';
import { build } from './build.js';
import type { DemandRate } from './demand-rate.js';
import { derive, type DerivedValues } from './derive.js';
import { ScenarioError, distinct, inFileOrder, toIssues, type Locate, type Problem } from './errors.js';
import { isObject, own, type Json } from './json.js';
import { applyStrategy, mergePatch } from './merge.js';
import { MSG } from './messages.js';
import { normalize } from './normalize.js';
import { parse, shapeProblems } from './parse.js';
import { formatPath, type Path } from './paths.js';
import { patchProblems } from './references.js';
import type { ScenarioDoc, ScenarioInput } from './schema.js';
import { trySetPath } from './set-path.js';
import { readTraces, type Trace, type TraceCache, type TraceRef } from './traces.js';
import { validate, type Checked } from './validate.js';

/** How to load a scenario: its file name (for messages and traces), a file reader, --set overrides. */
export interface LoadOptions {
  file: string;
  /** Reads a CSV trace by its path (resolved against the scenario file's directory). */
  readFile?: (path: string) => string;
  /** path → value, applied to the file's content before validation: `{ 'time.horizon': 100 }`. */
  overrides?: Record<string, unknown>;
  /** Traces parsed by earlier loads of the same files (a sweep's cells); filled as traces are read. */
  traceCache?: TraceCache;
}

/** A scenario file as written (overrides applied), without its strategies. */
export type ScenarioDocument = Omit<ScenarioInput, 'strategies'>;

/** A loaded, fully checked scenario: what the experiment layer and the web page work from. */
export interface Scenario {
  file: string;
  name: string;
  description: string;
  time: { unit: string; horizon: number; warmup: number };
  currency: string;
  run: { replications: number; seed: number | string };
  /** Strategy names in file order; ['base'] when the file has none. */
  strategies: string[];
  document: ScenarioDocument;
  patches: Record<string, Record<string, unknown>>;
  /** Loaded CSV traces, keyed by the trace as written in the file. */
  traces: Record<string, Trace>;
}

/** One strategy, ready to simulate, with the values derived for it. */
export interface BuiltStrategy {
  plant: PlantSpec;
  derived: Record<string, DerivedValues>;
  /** Each item's mean demand per time unit and its variance rate (customers' plus machines' withdrawals through BOMs). */
  rates: Record<string, DemandRate>;
}

/** The strategy of a scenario without `strategies`: the document as it is. */
export const BASE = 'base';

/** One document to check: the base (strategy null) or a strategy's merged document. */
interface Unit extends Checked {
  strategy: string | null;
}

/** Loads and checks a scenario and all its strategies; throws ScenarioError listing every problem found. */
export function loadScenario(text: string, options: LoadOptions): Scenario {
  const { data: raw, locate } = parse(text, options.file);
  const { data, problems: overrideProblems } = applyOverrides(raw, options.overrides ?? {});
  // Override values from code skip parse's checks of keys, cycles and size: check them here.
  if (Object.keys(options.overrides ?? {}).length > 0) overrideProblems.push(...shapeProblems(data));
  const units = unitsOf(data);
  const refs = units.flatMap(traceRefsOf);
  const { traces, problems: traceProblems } = readTraces(refs, options.file, options.readFile, options.traceCache);
  const problems = [...overrideProblems, ...unitProblems(units, data, traces), ...traceProblems];
  if (problems.length > 0) fail(problems, options.file, locate);
  return scenarioOf(options.file, data as Json, units[0].doc as ScenarioDoc, traces);
}

/** Builds one strategy of a loaded scenario (`base` is the document without any patch). */
export function buildStrategy(scenario: Scenario, strategy: string): BuiltStrategy {
  const patch = own(scenario.patches, strategy);
  if (patch === undefined && strategy !== BASE) {
    fail([{ path: ['strategies'], text: MSG.unknownStrategy(strategy, scenario.strategies) }], scenario.file, () => undefined);
  }
  const prefix = patch === undefined ? null : strategy;
  const checked = validate(mergePatch(scenario.document, patch ?? {}));
  if (!checked.doc) fail(checked.problems.map(within(prefix)), scenario.file, () => undefined);
  const normal = normalize(checked.doc);
  const missing: Problem[] = normal.demand.flatMap((d, i) =>
    d.source.kind === 'trace' && !Object.hasOwn(scenario.traces, d.source.trace)
      ? [{ path: ['demand', i, 'trace'], text: MSG.traceNotLoaded(d.source.trace) }] : []);
  const derivation = derive(normal, scenario.traces);
  const problems = [...missing, ...derivation.problems].map(within(prefix));
  if (problems.length > 0) fail(problems, scenario.file, () => undefined);
  return { plant: build(normal, derivation.policies, scenario.traces), derived: derivation.derived, rates: derivation.rates };
}

// Sorted by line, so a terminal reads them top to bottom like the file.
function fail(problems: Problem[], file: string, locate: Locate): never {
  throw new ScenarioError(inFileOrder(toIssues(distinct(problems), file, locate), file));
}

// Overrides go into the raw document, so they are validated like the file's own content.
function applyOverrides(raw: unknown, overrides: Record<string, unknown>): { data: unknown; problems: Problem[] } {
  let data = raw;
  const problems: Problem[] = [];
  for (const [path, value] of Object.entries(overrides)) {
    const result = trySetPath(isObject(data) ? data : {}, path, value);
    if ('problem' in result) problems.push(result.problem);
    else data = result.doc;
  }
  return { data, problems };
}

// The base is checked with its `strategies` (the schema checks each is an object); each
// strategy whose patch is an object is merged onto the base without `strategies` and checked.
function unitsOf(data: unknown): Unit[] {
  const base: Unit = { strategy: null, ...validate(data) };
  if (!isObject(data) || !isObject(data.strategies)) return [base];
  const merged = Object.entries(data.strategies)
    .filter(([, patch]) => isObject(patch))
    .map(([name]): Unit => ({ strategy: name, ...validate(applyStrategy(data, name)) }));
  return [base, ...merged];
}

function traceRefsOf(unit: Unit): TraceRef[] {
  if (!unit.doc) return [];
  return unit.doc.demand.flatMap((d, i) => (d.trace === undefined ? [] : [{ trace: d.trace, path: under(unit.strategy, ['demand', i, 'trace']) }]));
}

// A strategy's problems are named under `strategies.<name>`; those it shares with the base
// (inherited, not caused by the patch) are reported once, for the base.
function unitProblems(units: Unit[], data: unknown, traces: Record<string, Trace>): Problem[] {
  const [base, ...strategies] = units.map((unit) => ({ unit, problems: [...unit.problems, ...deriveProblems(unit, traces)] }));
  const key = (p: Problem): string => `${formatPath(p.path)}\u0000${p.text}`;
  const inherited = new Set(base.problems.map(key));
  const patches = isObject(data) && isObject(data.strategies) ? data.strategies : {};
  const own = strategies.flatMap(({ unit, problems }) => {
    const name = unit.strategy as string;
    const caused = problems.filter((p) => !inherited.has(key(p))).map(within(name));
    return [...patchProblems(data, name, patches[name]), ...caused];
  });
  return [...base.problems, ...own];
}

// Derivation needs every trace of the document; a missing one has been reported already.
function deriveProblems(unit: Unit, traces: Record<string, Trace>): Problem[] {
  if (!unit.doc || unit.doc.demand.some((d) => d.trace !== undefined && !Object.hasOwn(traces, d.trace))) return [];
  return derive(normalize(unit.doc), traces).problems;
}

// A strategy's problems are named under `strategies.<name>`, where its patch is in the file.
function under(strategy: string | null, path: Path): Path {
  return strategy === null ? path : ['strategies', strategy, ...path];
}

function within(strategy: string | null): (problem: Problem) => Problem {
  return (problem) => ({ ...problem, path: under(strategy, problem.path) });
}

function scenarioOf(file: string, data: Json, doc: ScenarioDoc, traces: Record<string, Trace>): Scenario {
  const { strategies, ...document } = data;
  const patches = (strategies ?? {}) as Record<string, Record<string, unknown>>;
  const names = Object.keys(patches);
  return {
    file,
    name: doc.name,
    description: doc.description ?? '',
    time: { ...doc.time },
    currency: doc.currency,
    run: { ...doc.run },
    strategies: names.length > 0 ? names : [BASE],
    document: document as ScenarioDocument,
    patches,
    traces,
  };
}
