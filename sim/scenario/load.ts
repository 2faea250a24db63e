// Loading is a pipeline of named steps (STYLE.md), each run once per strategy:
//   1. parse (YAML or JSON, shape limits)        parse.ts
//   2. overrides (--set, sliders)                set-path.ts
//   3. validate the base, then each strategy's merged document (schema, references)
//                                                merge.ts, validate.ts
//   4. traces, read once for all strategies      traces.ts, forecast-trace.ts
//   5. normalize (every default filled)          normalize.ts
//   6. derive (eoq, service levels, demand rates) derive.ts
// The result, a Scenario with every strategy compiled (compile.ts), is plain data that crosses to
// workers and the page; 7. build (distributions constructed, build.ts) is the only step left to
// each thread, and it validates nothing.
import { DEFAULT_MAX_EVENTS, type PlantSpec } from '../model/index.js';
import { compileStrategy, type CompiledStrategy } from './compile.js';
import type { DemandRate } from './demand-rate.js';
import type { DerivedValues } from './derive.js';
import { ScenarioError, distinct, inFileOrder, toIssues, type Locate, type Problem } from './errors.js';
import { FORECAST_TRACE } from './forecast-trace.js';
import { isObject, own, record } from './json.js';
import { applyStrategy } from './merge.js';
import { MSG } from './messages.js';
import { parse, shapeProblems } from './parse.js';
import { formatPath, type Path } from './paths.js';
import { patchProblems } from './references.js';
import { challengeOf, challengeProblems, type Challenge } from './challenge.js';
import { playOf, playProblems, type PlaySetup, type PlayUnit } from './play.js';
import type { ScenarioDoc, ScenarioInput } from './schema.js';
import { trySetPath } from './set-path.js';
import { DEMAND_TRACE, readTraces, type Trace, type TraceCache, type TraceRef } from './traces.js';
import { datedClock, historyFormat, historyTraceKey, mappingOf, type HistoryMapping } from './order-history.js';
import { validate, type Checked } from './validate.js';

/** How to load a scenario: its file name (for messages and traces), a file reader, --set overrides. */
export interface LoadOptions {
  file: string;
  /** Reads a CSV trace (demand or forecast) by its path (resolved against the scenario file's directory). */
  readFile?: (path: string) => string;
  /** path → value, applied to the file's content before validation: `{ 'time.horizon': 100 }`. */
  overrides?: Record<string, unknown>;
  /** Traces parsed by earlier loads of the same files (a sweep's cells); filled as traces are read. */
  traceCache?: TraceCache;
}

/** A scenario file as written (overrides applied), without its strategies. */
export type ScenarioDocument = Omit<ScenarioInput, 'strategies'>;

/**
 * A loaded, fully checked scenario with every strategy compiled: what the experiment layer, the
 * CLI and the web page work from. Plain data, immutable by convention.
 */
export interface Scenario {
  file: string;
  name: string;
  description: string;
  /** `start`: the date of time 0 when time.start dates the scenario. */
  time: { unit: string; horizon: number; warmup: number; start?: string };
  currency: string;
  run: { replications: number; seed: number | string; maxEvents: number };
  /** Strategy names in file order; ['base'] when the file has none. */
  strategies: string[];
  /** Each strategy compiled, by name. */
  compiled: Record<string, CompiledStrategy>;
  /** Loaded CSV demand traces, keyed by the trace as written in the file (a forecast trace's values are in each compiled document). */
  traces: Record<string, Trace>;
  /** What loading changed in the files it read (rows sorted, zeros skipped): notes beside the results, not problems. */
  notes: ScenarioNote[];
  /** The classroom challenge the file sets; null without one. */
  challenge: Challenge | null;
  /** The stage a person may play (play: { item }), defaults filled; null without one. */
  play: PlaySetup | null;
}

/** Something loading did to a file that a reader should know, at the path that names the file. */
export interface ScenarioNote {
  path: string;
  text: string;
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

/** The CSV files a scenario names, read: demand traces and forecast traces, each keyed by the name as written. */
interface TraceFiles {
  traces: Record<string, Trace>;
  forecasts: Record<string, number[]>;
}

/** One document to check: the base (strategy null) or a strategy's merged document; compiled once checked. */
interface Unit extends Checked {
  strategy: string | null;
  compiled?: CompiledStrategy | null;
}

/** Loads, checks and compiles a scenario and all its strategies; throws ScenarioError listing every problem found. */
export function loadScenario(text: string, options: LoadOptions): Scenario {
  const { data: raw, locate } = parse(text, options.file);
  const { data, problems: overrideProblems } = applyOverrides(raw, options.overrides ?? {});
  // Override values from code skip parse's checks of keys, cycles and size: check them here.
  if (Object.keys(options.overrides ?? {}).length > 0) overrideProblems.push(...shapeProblems(data));
  const units = unitsOf(data);
  const demand = readTraces(DEMAND_TRACE, units.flatMap(traceRefsOf), options.file, options.readFile, options.traceCache);
  const histories = readHistories(units, options);
  const forecasts = readTraces(FORECAST_TRACE, units.flatMap(forecastRefsOf), options.file, options.readFile, options.traceCache);
  const traces = { ...demand.traces, ...histories.traces };
  const files: TraceFiles = { traces, forecasts: forecasts.traces };
  const names = units.length > 1 ? units.slice(1).map((u) => u.strategy as string) : [BASE];
  const problems = [
    ...overrideProblems,
    ...unitProblems(units, data, files),
    ...demand.problems,
    ...histories.problems,
    ...forecasts.problems,
    ...challengeProblems(data, units[0].doc?.challenge, names),
    ...playProblems(data, units[0].doc?.play, playUnits(units)),
  ];
  if (problems.length > 0) fail(problems, options.file, locate);
  return scenarioOf(options.file, units, traces, histories.notes);
}

/** Each strategy's document for the play checker, in file order (the base alone as `base`). */
function playUnits(units: Unit[]): PlayUnit[] {
  return units.length > 1 ? units.slice(1).map((u) => ({ strategy: u.strategy!, doc: u.doc })) : [{ strategy: BASE, doc: units[0].doc }];
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
  return unit.doc.demand.flatMap((d, i) => (typeof d.trace === 'string' ? [{ trace: d.trace, path: under(unit.strategy, ['demand', i, 'trace']) }] : []));
}

/** The demand lines that read an export with named columns: the mapping, the line's item and the key its orders go under. */
function historyRefsOf(unit: Unit): { mapping: HistoryMapping; item: string; key: string; path: Path }[] {
  if (!unit.doc) return [];
  return unit.doc.demand.flatMap((d, i) => {
    if (d.trace === undefined || typeof d.trace === 'string') return [];
    const mapping = mappingOf(d.trace);
    return [{ mapping, item: d.item, key: historyTraceKey(mapping, d.item), path: under(unit.strategy, ['demand', i, 'trace']) }];
  });
}

/**
 * Reads each mapped export once per mapping and hands each demand line its item's orders (every
 * row without an item column). A line whose item has no row is a problem; what reading changed
 * (rows sorted, zeros skipped) comes back as notes, once per file.
 */
function readHistories(units: Unit[], options: LoadOptions): { traces: Record<string, Trace>; problems: Problem[]; notes: ScenarioNote[] } {
  const traces = record<Trace>();
  const problems: Problem[] = [];
  const notes = new Map<string, ScenarioNote>();
  for (const unit of units) {
    const clock = unit.doc ? datedClock(unit.doc.time) : null;
    for (const ref of historyRefsOf(unit)) {
      if (Object.hasOwn(traces, ref.key)) continue;
      const read = readTraces(
        historyFormat(ref.mapping, clock),
        [{ trace: ref.mapping.file, path: ref.path }],
        options.file,
        options.readFile,
        options.traceCache,
      );
      problems.push(...read.problems);
      const history = own(read.traces, ref.mapping.file);
      if (history === undefined) continue;
      const orders = own(history.items, ref.mapping.item === null ? '' : ref.item);
      if (orders === undefined) problems.push({ path: ref.path, text: MSG.historyNoItem(ref.item, ref.mapping.file, ref.mapping.item ?? '') });
      else traces[ref.key] = orders;
      for (const text of history.notes) notes.set(text, { path: formatPath(ref.path), text });
    }
  }
  return { traces, problems, notes: [...notes.values()] };
}

function forecastRefsOf(unit: Unit): TraceRef[] {
  if (!unit.doc) return [];
  return Object.entries(unit.doc.forecasts).flatMap(([item, f]) =>
    f.method === 'trace' ? [{ trace: f.file, path: under(unit.strategy, ['forecasts', item, 'file']) }] : [],
  );
}

// A strategy's problems are named under `strategies.<name>`; those it shares with the base
// (inherited, not caused by the patch) are reported once, for the base.
function unitProblems(units: Unit[], data: unknown, files: TraceFiles): Problem[] {
  const patches = isObject(data) && isObject(data.strategies) ? data.strategies : {};
  const [base, ...strategies] = units.map((unit) => ({
    unit,
    problems: [...unit.problems, ...deriveProblems(unit, files, unit.strategy === null ? {} : patches[unit.strategy])],
  }));
  const key = (p: Problem): string => `${formatPath(p.path)}\u0000${p.text}`;
  const inherited = new Set(base.problems.map(key));
  const own = strategies.flatMap(({ unit, problems }) => {
    const name = unit.strategy as string;
    const caused = problems.filter((p) => !inherited.has(key(p))).map(within(name));
    return [...patchProblems(data, name, patches[name]), ...caused];
  });
  return [...base.problems, ...own];
}

// Steps 5 and 6, once per unit. Derivation needs every trace of the document; a missing one has
// been reported already.
function deriveProblems(unit: Unit, files: TraceFiles, patch: unknown): Problem[] {
  if (!unit.doc || !hasEveryTrace(unit, files)) return [];
  const { compiled, problems } = compileStrategy(unit.strategy ?? BASE, unit.doc, files.traces, files.forecasts, patch);
  unit.compiled = compiled;
  return problems;
}

function hasEveryTrace(unit: Unit, files: TraceFiles): boolean {
  const found = (read: object) => (ref: TraceRef) => Object.hasOwn(read, ref.trace);
  return (
    traceRefsOf(unit).every(found(files.traces)) &&
    historyRefsOf(unit).every((ref) => Object.hasOwn(files.traces, ref.key)) &&
    forecastRefsOf(unit).every(found(files.forecasts))
  );
}

// A strategy's problems are named under `strategies.<name>`, where its patch is in the file.
function under(strategy: string | null, path: Path): Path {
  return strategy === null ? path : ['strategies', strategy, ...path];
}

function within(strategy: string | null): (problem: Problem) => Problem {
  return (problem) => ({ ...problem, path: under(strategy, problem.path) });
}

function scenarioOf(file: string, units: Unit[], traces: Record<string, Trace>, notes: ScenarioNote[]): Scenario {
  const [base, ...strategies] = units;
  const doc = base.doc as ScenarioDoc;
  const compiled: Record<string, CompiledStrategy> = record();
  for (const unit of strategies.length > 0 ? strategies : [base]) compiled[unit.strategy ?? BASE] = unit.compiled!;
  return {
    file,
    name: doc.name,
    description: doc.description ?? '',
    time: { unit: doc.time.unit, horizon: doc.time.horizon, warmup: doc.time.warmup, ...(doc.time.start === undefined ? {} : { start: doc.time.start }) },
    currency: doc.currency,
    run: { replications: doc.run.replications, seed: doc.run.seed, maxEvents: doc.run.maxEvents ?? DEFAULT_MAX_EVENTS },
    strategies: Object.keys(compiled),
    compiled,
    traces,
    notes,
    challenge: challengeOf(doc),
    play: playOf(doc.play, Object.keys(compiled), compiled),
  };
}
