// Step 6: the PlantSpec the model runs: distributions constructed, policies resolved.
import type { CalendarSpec, DemandSpec, ItemSpec, PlantSpec, PolicySpec } from '../model/index.js';
import { constant, demandStreamId } from '../random/index.js';
import { buildCalendar, calendarUnitsPerDay } from './calendars.js';
import { customerRates } from './demand-rate.js';
import { toDistribution } from './distributions.js';
import { rateProfile } from './profiles.js';
import { dayNumber } from './calendars.js';
import type { NormalDemand, NormalItem, NormalScenario } from './normalize.js';
import type { Trace } from './traces.js';

/** Builds the plant from a normalized scenario, the derived policies and the loaded traces. */
export function build(doc: NormalScenario, policies: Record<string, PolicySpec>, traces: Record<string, Trace>): PlantSpec {
  const machines: PlantSpec['machines'] = {};
  for (const [name, m] of Object.entries(doc.machines)) {
    const failures = m.failures && { upTime: toDistribution(m.failures.upTime), repairTime: toDistribution(m.failures.repairTime) };
    machines[name] = { servers: m.servers, failures, calendar: m.calendar === null ? null : calendarOf(doc, m.calendar) };
  }
  const items: PlantSpec['items'] = {};
  for (const [name, item] of Object.entries(doc.items)) items[name] = buildItem(item, policies[name]);
  return {
    time: { horizon: doc.time.horizon, warmup: doc.time.warmup, bucket: doc.time.bucket },
    machines,
    items,
    demand: buildDemand(doc.demand, traces, doc.time.unit, doc.time.start),
    planning: { ...doc.planning },
    forecasts: forecastsOf(doc, traces),
  };
}

/** The named calendar on the scenario's time unit, dated by time.start if set (references.ts has checked the name and the unit). */
function calendarOf(doc: NormalScenario, name: string): CalendarSpec {
  const perDay = calendarUnitsPerDay(doc.time.unit);
  if (perDay === null) throw new Error(`build: calendar ${name} needs time.unit day or hour, got ${doc.time.unit}`);
  return buildCalendar(doc.calendars[name], perDay, doc.time.start ?? null);
}

/** Each forecast with the customer demand rate a plan starts from before the method has seen a bucket. */
function forecastsOf(doc: NormalScenario, traces: Record<string, Trace>): PlantSpec['forecasts'] {
  const entries = Object.entries(doc.forecasts);
  if (entries.length === 0) return {};
  const rates = customerRates(doc, traces);
  return Object.fromEntries(entries.map(([item, method]) => [item, { ...methodOf(method), startRate: rates[item].mean }]));
}

// The model takes a trace's values (a copy, as for demand traces), not the file they were read from.
function methodOf(method: NormalScenario['forecasts'][string]) {
  if (method.method !== 'trace') return method;
  const { file: _file, values, ...levers } = method;
  return { ...levers, values: [...values] };
}

function buildItem(item: NormalItem, policy: PolicySpec): ItemSpec {
  const { buy, make, transfer } = item;
  return {
    holdingCost: item.holdingCost,
    capacity: item.capacity,
    unmet: item.unmet,
    backorderCost: item.backorderCost,
    lostSaleCost: item.lostSaleCost,
    initial: item.initial,
    buy: buy && { leadTime: toDistribution(buy.leadTime), orderCost: buy.orderCost, unitCost: buy.unitCost },
    make: make && {
      machine: make.machine,
      processTime: toDistribution(make.processTime),
      setupTime: toDistribution(make.setupTime),
      setupCost: make.setupCost,
      bom: { ...make.bom },
    },
    transfer: transfer && { from: transfer.from, leadTime: toDistribution(transfer.leadTime), orderDelay: transfer.orderDelay, orderCost: transfer.orderCost },
    allocation: item.allocation === 'priority' ? { kind: 'priority', priority: [...item.priority] } : { kind: item.allocation },
    policy,
  };
}

// Stream ids: `widget` for an item's first line, `widget#2`, `widget#3`, … for the next, so an
// item's random numbers do not move when another item's lines change; `widget@export` for a line
// named `export`, which keeps its numbers when lines of its own item move. A named line still
// takes its place in the count, so naming one line never renumbers the others.
function buildDemand(streams: NormalDemand[], traces: Record<string, Trace>, unit: string, start: string | undefined): DemandSpec[] {
  const seen = new Map<string, number>();
  return streams.map((d): DemandSpec => {
    const count = (seen.get(d.item) ?? 0) + 1;
    seen.set(d.item, count);
    const name = demandStreamId(d.item, d.name === null ? count : { name: d.name });
    const { source } = d;
    if (source.kind === 'trace') {
      const trace = traces[source.trace];
      return {
        kind: 'trace',
        item: d.item,
        name,
        times: [...trace.times],
        quantities: [...trace.quantities],
        dueIn: d.dueIn,
        resample: d.resample && { ...d.resample },
        scale: d.scale,
        changes: d.changes.map((c) => ({ ...c })),
      };
    }
    const interarrival = source.kind === 'every' ? constant(source.every) : toDistribution(source.interarrival);
    const changes = d.changes.map((c) => ({ ...c }));
    const profile = d.profile === null ? null : rateProfile(d.profile, unit, start === undefined ? null : dayNumber(start));
    return { kind: 'stream', item: d.item, name, interarrival, quantity: toDistribution(d.quantity), changes, profile, dueIn: d.dueIn };
  });
}
