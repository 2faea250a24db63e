// Checks across the document that a schema cannot make: names that must refer to items,
// machines or calendars, demand line names used once per item, bills of materials without cycles, which items
// need a policy. They read the raw document defensively (it may also have schema problems), so
// every problem shows at once.
import type { Problem } from './errors.js';
import { isObject, obj, type Json } from './json.js';
import { MSG } from './messages.js';
import { unitsPerDay } from './profiles.js';
import { calendarUnitsPerDay, dayNumber } from './calendars.js';

/** Problems of references inside one document (the base, or a strategy's merged document). */
export function referenceProblems(doc: unknown): Problem[] {
  const items = obj(obj(doc).items);
  const itemNames = Object.keys(items);
  const machineNames = Object.keys(obj(obj(doc).machines));
  const problems: Problem[] = [];
  const demand = obj(doc).demand;
  // A named line's random numbers are `<item>@<name>`: two lines of an item with one name would share them.
  const named = new Map<string, number>();
  (Array.isArray(demand) ? demand : []).forEach((d, i) => {
    const { item, name } = obj(d);
    if (typeof item === 'string' && !Object.hasOwn(items, item)) {
      problems.push({ path: ['demand', i, 'item'], text: MSG.unknownReference('item', itemNames, item) });
    }
    // A profile's days and months are laid on the time unit: it must be one with a known length.
    const unit = obj(obj(doc).time).unit;
    if (obj(d).profile !== undefined && unitsPerDay(typeof unit === 'string' ? unit : 'day') === null) {
      problems.push({ path: ['demand', i, 'profile'], text: MSG.profileUnit(String(unit)) });
    }
    if (typeof item !== 'string' || typeof name !== 'string') return;
    const key = JSON.stringify([item, name]);
    const first = named.get(key);
    if (first === undefined) named.set(key, i);
    else problems.push({ path: ['demand', i, 'name'], text: MSG.duplicateDemandName(item, first, name) });
  });
  const machines = obj(obj(doc).machines);
  const names: Names = { items: itemNames, machines: machineNames, hasItem: (n) => Object.hasOwn(items, n), hasMachine: (n) => Object.hasOwn(machines, n) };
  for (const [name, item] of Object.entries(items)) problems.push(...itemProblems(name, obj(item), names));
  problems.push(...cycleProblems(items));
  // A forecast is of customer demand: an item no demand line orders has nothing to forecast.
  const demanded = new Set((Array.isArray(demand) ? demand : []).map((d) => obj(d).item));
  for (const item of Object.keys(obj(obj(doc).forecasts))) {
    if (!Object.hasOwn(items, item)) problems.push({ path: ['forecasts', item], text: MSG.unknownReference('item', itemNames, item) });
    else if (!demanded.has(item)) problems.push({ path: ['forecasts', item], text: MSG.forecastWithoutDemand(item) });
  }
  problems.push(...mrpProblems(items, demanded, obj(doc)));
  problems.push(...calendarProblems(obj(doc)));
  // A forecast's signal is the customer demand of an item: one that customers order.
  for (const [name, item] of Object.entries(items)) {
    const signal = obj(obj(item).policy).signal;
    if (typeof signal !== 'string') continue;
    const path = ['items', name, 'policy', 'signal'];
    if (!Object.hasOwn(items, signal)) problems.push({ path, text: MSG.unknownReference('item', itemNames, signal) });
    else if (!demanded.has(signal)) problems.push({ path, text: MSG.forecastWithoutDemand(signal) });
  }
  return problems;
}

/**
 * A machine's calendar must be one of the calendars; a calendar lays a week's hours on the time
 * unit, which must be day or hour; a holiday written as a date needs the date of time 0, time.start.
 */
function calendarProblems(doc: Json): Problem[] {
  const problems: Problem[] = [];
  const calendars = obj(doc.calendars);
  const names = Object.keys(calendars);
  for (const [machine, spec] of Object.entries(obj(doc.machines))) {
    const calendar = obj(spec).calendar;
    if (typeof calendar === 'string' && !Object.hasOwn(calendars, calendar)) {
      problems.push({ path: ['machines', machine, 'calendar'], text: MSG.unknownReference('calendar', names, calendar) });
    }
  }
  const { unit, start } = obj(doc.time);
  const unitText = typeof unit === 'string' ? unit : 'day';
  for (const [name, calendar] of Object.entries(calendars)) {
    if (calendarUnitsPerDay(unitText) === null) problems.push({ path: ['calendars', name], text: MSG.calendarUnit(unitText) });
    const holidays = obj(calendar).holidays;
    (Array.isArray(holidays) ? holidays : []).forEach((h, i) => {
      if (typeof h === 'string' && dayNumber(h) !== null && start === undefined) {
        problems.push({ path: ['calendars', name, 'holidays', i], text: MSG.holidayNeedsStart(h) });
      }
    });
  }
  return problems;
}

/**
 * MRP plans customer demand from a forecast and a component's demand from its parents' planned
 * orders: an MRP item that customers order needs a forecast, and every item made from an MRP item
 * must be an MRP item too (the withdrawals of a kanban parent are invisible to the plan). A planned
 * lead time of the whole horizon or more would never release an order inside the plan.
 */
function mrpProblems(items: Json, demanded: Set<unknown>, doc: Json): Problem[] {
  const problems: Problem[] = [];
  const policyOf = (name: string): Json => obj(obj(items[name]).policy);
  const forecasts = obj(doc.forecasts);
  const horizon = obj(doc.planning).horizon ?? 8;
  for (const name of Object.keys(items)) {
    const policy = policyOf(name);
    if (policy.type !== 'mrp') continue;
    if (demanded.has(name) && !Object.hasOwn(forecasts, name)) problems.push({ path: ['items', name, 'policy', 'type'], text: MSG.mrpWithoutForecast(name) });
    if (typeof policy.leadTime === 'number' && typeof horizon === 'number' && policy.leadTime >= horizon) {
      problems.push({ path: ['items', name, 'policy', 'leadTime'], text: MSG.mrpLeadTimeBeyondHorizon(policy.leadTime, horizon) });
    }
  }
  for (const [parent, item] of Object.entries(items)) {
    const type = policyOf(parent).type;
    if (type === 'mrp') continue;
    // A transfer's source is planned from the transfers like a component from its parents (DRP).
    const from = obj(obj(item).transfer).from;
    const sources = typeof from === 'string' ? [from] : Object.keys(obj(obj(obj(item).make).bom));
    for (const component of sources) {
      if (Object.hasOwn(items, component) && policyOf(component).type === 'mrp') {
        problems.push({ path: ['items', component, 'policy', 'type'], text: MSG.mrpParentNotMrp(component, parent, typeof type === 'string' ? type : 'none') });
      }
    }
  }
  return problems;
}

/** The names an item may refer to, with constant-time look-ups (a list's `includes` per item is quadratic). */
interface Names {
  items: string[];
  machines: string[];
  hasItem: (name: string) => boolean;
  hasMachine: (name: string) => boolean;
}

function itemProblems(name: string, item: Json, names: Names): Problem[] {
  const problems: Problem[] = [];
  const at = (...rest: string[]) => ['items', name, ...rest];
  const sources = (['buy', 'make', 'transfer'] as const).filter((source) => isObject(item[source]));
  const hasSource = sources.length > 0;
  if (sources.length > 1) problems.push({ path: at(), text: MSG.oneSource(sources) });
  if (isObject(item.transfer)) {
    const from = item.transfer.from;
    if (typeof from === 'string' && !names.hasItem(from))
      problems.push({ path: at('transfer', 'from'), text: MSG.unknownReference('item', names.items, from) });
    else if (from === name) problems.push({ path: at('transfer', 'from'), text: MSG.transferFromItself(name) });
  }
  const allocation = typeof item.allocation === 'string' ? item.allocation : 'fifo';
  if (Array.isArray(item.priority) && item.priority.length > 0) {
    if (allocation !== 'priority') problems.push({ path: at('priority'), text: MSG.priorityWithoutPriorityAllocation(allocation) });
    item.priority.forEach((entry, i) => {
      if (typeof entry === 'string' && !names.hasItem(entry))
        problems.push({ path: at('priority', String(i)), text: MSG.unknownReference('item', names.items, entry) });
    });
  } else if (allocation === 'priority') problems.push({ path: at('priority'), text: MSG.priorityListMissing() });
  if (isObject(item.make)) {
    const machine = item.make.machine;
    if (typeof machine === 'string' && !names.hasMachine(machine)) {
      problems.push({ path: at('make', 'machine'), text: MSG.unknownReference('machine', names.machines, machine) });
    }
    for (const component of Object.keys(obj(item.make.bom))) {
      if (!names.hasItem(component)) problems.push({ path: at('make', 'bom', component), text: MSG.unknownName('item', names.items) });
    }
  }
  const type = obj(item.policy).type;
  if (hasSource && item.policy === undefined) problems.push({ path: at('policy'), text: MSG.policyRequired() });
  if (!hasSource && typeof type === 'string' && type !== 'none') {
    problems.push({ path: at('policy', 'type'), text: MSG.policyWithoutSource(type) });
  }
  return problems;
}

// Depth-first search over "is supplied by" edges — a BOM component, a transfer's source; a grey item
// met again closes a cycle. Each cycle is reported once, at the BOM entry or transfer of its first item.
function cycleProblems(items: Json): Problem[] {
  const components = (name: string): string[] => {
    const item = obj(items[name]);
    const from = obj(item.transfer).from;
    const made = Object.keys(obj(obj(item.make).bom));
    return (typeof from === 'string' && from !== name ? [...made, from] : made).filter((c) => Object.hasOwn(items, c));
  };
  const isTransfer = (name: string, next: string): boolean => obj(obj(items[name]).transfer).from === next;
  const state = new Map<string, 'grey' | 'black'>();
  const stack: string[] = [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const visit = (name: string): void => {
    state.set(name, 'grey');
    stack.push(name);
    for (const next of components(name)) {
      if (state.get(next) === 'grey') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('\u0000');
        if (!seen.has(key)) {
          seen.add(key);
          const to = cycle[1] ?? cycle[0];
          const path = isTransfer(cycle[0], to) ? ['items', cycle[0], 'transfer', 'from'] : ['items', cycle[0], 'make', 'bom', to];
          const viaTransfer = cycle.some((from, i) => isTransfer(from, cycle[(i + 1) % cycle.length]));
          const closed = [...cycle, cycle[0]];
          problems.push({ path, text: viaTransfer ? MSG.supplyCycle(closed) : MSG.bomCycle(closed) });
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(name, 'black');
  };
  for (const name of Object.keys(items)) if (!state.has(name)) visit(name);
  return problems;
}

/** Problems of a strategy patch itself: items or machines the base lacks, keys a strategy cannot change. */
export function patchProblems(base: unknown, name: string, patch: unknown): Problem[] {
  if (!isObject(patch)) return []; // the schema reports it
  const problems: Problem[] = [];
  for (const [key, kind] of [
    ['items', 'item'],
    ['machines', 'machine'],
  ] as const) {
    const known = Object.keys(obj(obj(base)[key]));
    for (const entry of Object.keys(obj(patch[key]))) {
      if (!known.includes(entry)) problems.push({ path: ['strategies', name, key, entry], text: MSG.unknownName(kind, known) });
    }
  }
  if (Object.hasOwn(patch, 'run')) problems.push({ path: ['strategies', name, 'run'], text: MSG.patchRun() });
  if (Object.hasOwn(patch, 'strategies')) problems.push({ path: ['strategies', name, 'strategies'], text: MSG.patchStrategies() });
  return problems;
}
