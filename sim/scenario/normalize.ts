// Step 4: every default filled, so later steps never ask "is this set?". The schema fills the
// defaults that are values (costs 0, servers 1, …; they show in the JSON Schema); this step
// fills the ones that are absences: no storage limit, no failures, no buy/make/transfer, no policy. A
// forecast trace gets its values in place, read from its file by load.ts.
import { own } from './json.js';
import { DEFAULT_DEMAND_QUANTITY, type DemandDoc, type ItemDoc, type MachineDoc, type ScenarioDoc } from './schema.js';
import type { DistributionSpec } from './schema-distribution.js';
import type { ForecastDoc } from './schema-planning.js';
import type { PolicyDoc } from './schema-policy.js';
import type { ProfileDoc } from './profiles.js';
import { historyTraceKey, mappingOf } from './order-history.js';

export interface NormalMachine {
  servers: number;
  failures: NonNullable<MachineDoc['failures']> | null;
  /** The name of its calendar under calendars; null when always open. */
  calendar: string | null;
}

export interface NormalItem extends Omit<ItemDoc, 'capacity' | 'buy' | 'make' | 'transfer' | 'priority' | 'policy'> {
  /** Infinity when unlimited. */
  capacity: number;
  buy: NonNullable<ItemDoc['buy']> | null;
  make: NonNullable<ItemDoc['make']> | null;
  transfer: NonNullable<ItemDoc['transfer']> | null;
  /** The downstream items served first with allocation: priority; empty otherwise. */
  priority: string[];
  policy: PolicyDoc;
}

/** Where a demand stream's customer orders come from. */
export type DemandSource = { kind: 'interarrival'; interarrival: DistributionSpec } | { kind: 'every'; every: number } | { kind: 'trace'; trace: string };

export interface NormalDemand {
  item: string;
  /** Names the line's random streams; null for a line known by its position among the item's lines. */
  name: string | null;
  source: DemandSource;
  quantity: DistributionSpec;
  changes: { at: number; factor: number }[];
  dueIn: number;
  profile: ProfileDoc | null;
  /** A history's block bootstrap: blocks of `block` time units; null replays it as is. */
  resample: { block: number } | null;
  /** Multiplies every quantity. */
  scale: number;
}

/** A forecast with nothing left to read: a trace's file as written, and its values per bucket from bucket 0. */
export type NormalForecast = Exclude<ForecastDoc, { method: 'trace' }> | (Extract<ForecastDoc, { method: 'trace' }> & { values: number[] });

/** A validated scenario with nothing left unset (distributions still as written). */
export interface NormalScenario extends Omit<ScenarioDoc, 'description' | 'machines' | 'items' | 'demand' | 'strategies' | 'forecasts'> {
  description: string;
  machines: Record<string, NormalMachine>;
  items: Record<string, NormalItem>;
  demand: NormalDemand[];
  forecasts: Record<string, NormalForecast>;
}

/** Fills every default of DESIGN.md that the schema leaves absent; `forecastTraces` holds every forecast file the document names, by the name written. */
export function normalize(doc: ScenarioDoc, forecastTraces: Record<string, number[]>): NormalScenario {
  return {
    name: doc.name,
    description: doc.description ?? '',
    time: doc.time,
    currency: doc.currency,
    run: doc.run,
    calendars: doc.calendars,
    machines: mapValues(doc.machines, (m) => ({ servers: m.servers, failures: m.failures ?? null, calendar: m.calendar ?? null })),
    items: mapValues(doc.items, normalItem),
    demand: doc.demand.map(normalDemand),
    planning: doc.planning,
    forecasts: mapValues(doc.forecasts, (f) => normalForecast(f, forecastTraces)),
  };
}

function normalForecast(f: ForecastDoc, traces: Record<string, number[]>): NormalForecast {
  if (f.method !== 'trace') return f;
  const values = own(traces, f.file);
  if (values === undefined) throw new Error(`normalize: forecast trace ${f.file} was not read (load.ts compiles a document once its files are read)`);
  return { ...f, values };
}

function normalItem(item: ItemDoc): NormalItem {
  return {
    ...item,
    capacity: item.capacity ?? Infinity,
    buy: item.buy ?? null,
    make: item.make ?? null,
    transfer: item.transfer ?? null,
    priority: item.priority ?? [],
    // references.ts has checked that only an item with no buy, make or transfer lacks a policy.
    policy: item.policy ?? { type: 'none' },
  };
}

function normalDemand(d: DemandDoc): NormalDemand {
  return {
    item: d.item,
    name: d.name ?? null,
    source: sourceOf(d),
    quantity: d.quantity ?? DEFAULT_DEMAND_QUANTITY,
    changes: d.changes,
    dueIn: d.dueIn,
    profile: d.profile ?? null,
    resample: d.resample ?? null,
    scale: d.scale,
  };
}

function sourceOf(d: DemandDoc): DemandSource {
  // A mapped export is known by its file, its columns and the line's item (one file may feed several items).
  if (d.trace !== undefined) return { kind: 'trace', trace: typeof d.trace === 'string' ? d.trace : historyTraceKey(mappingOf(d.trace), d.item) };
  if (d.every !== undefined) return { kind: 'every', every: d.every };
  if (d.interarrival !== undefined) return { kind: 'interarrival', interarrival: d.interarrival };
  throw new Error('normalize: a demand stream without a source passed validation');
}

function mapValues<A, B>(record: Record<string, A>, f: (value: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}
