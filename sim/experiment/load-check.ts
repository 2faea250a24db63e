// The load check before a run (README, "When not to trust a number"): what a strategy asks of
// each machine and each pull loop, from demand rates alone, and the traps a planner falls into.
// Queueing is ignored throughout, so loads and lead times here are lower bounds: silence is no
// promise that a strategy runs well.
import {
  cumulativeLeadTimes,
  customerWaitKpis,
  openShareOf,
  takesFrom,
  type DemandSpec,
  type ItemSpec,
  type MachineSpec,
  type PlantSpec,
} from '../model/index.js';

import type { BuiltStrategy } from '../scenario/index.js';
import { WARN, type LoadPart, type MachineLoad } from './messages.js';
import type { Warning } from './results.js';

/** At full load more work arrives than the servers can do: queues grow without limit. */
const UNSTABLE = 1;
/** Near full load queues are long and settle slowly (an M/M/1 queue at 95% holds 19 on average). */
const HIGH = 0.95;
/** Rates that differ by rounding noise only (12 × 1 / 2 against 6) are equal. */
const SLACK = 1e-9;

type Draft = Omit<Warning, 'strategies'>;

/** Static checks of one built strategy before it runs: machine loads, loop capacities, scenario traps; rates per `unit` of time. */
export function planWarnings(strategy: string, built: BuiltStrategy, unit = 'time unit'): Warning[] {
  const flow = flowOf(built);
  const drafts = [...machineWarnings(built.plant, flow, unit), ...supplyWarnings(built.plant, flow, unit), ...trapWarnings(built.plant, flow)];
  return drafts.map((w) => ({ ...w, strategies: [strategy] }));
}

/** A parent item and the units of a component each of its units takes. */
interface BomUse {
  parent: string;
  perUnit: number;
}

/** What a strategy asks of each item per time unit, from the demand rates alone. */
interface Flow {
  /** Units taken from the item's stock: by customers and by the machines making its parents. */
  demand: Record<string, number>;
  /** Units its policy replenishes: the demand, or more where push production runs whatever the demand. */
  made: Record<string, number>;
  /** Demands per time unit (customer orders plus withdrawals): a baseStock or makeToOrder item orders once for each. */
  demands: Record<string, number>;
  /** Server time one unit of a made item holds: processing with breakdowns plus waits for made-to-order components. */
  work: Record<string, number>;
  parents: Map<string, BomUse[]>;
}

function flowOf({ plant, rates }: BuiltStrategy): Flow {
  const parents = parentsOf(plant);
  const customerOrders = customerOrderRates(plant);
  const flow: Flow = { demand: {}, made: {}, demands: {}, work: {}, parents };
  // Parents first: a component supplies what is actually made of it (push parents may make more
  // than their demand). demandRates counts bom × D(parent); the difference is added. BOMs are acyclic.
  const visit = (name: string): void => {
    if (name in flow.made) return;
    let customers = rates[name].mean;
    let withdrawn = 0;
    let withdrawals = 0;
    for (const { parent, perUnit } of parents.get(name) ?? []) {
      visit(parent);
      customers -= perUnit * rates[parent].mean;
      withdrawn += perUnit * flow.made[parent];
      withdrawals += flow.made[parent]; // one withdrawal as each unit of the parent starts
    }
    const item = plant.items[name];
    // Customers of a lost-sales make-to-order item take nothing from the position, so nothing is made for them.
    const lostToOrder = isLostMakeToOrder(item);
    flow.demand[name] = Math.max(0, customers) + withdrawn;
    flow.made[name] = lostToOrder ? withdrawn : replenished(item, flow.demand[name]);
    flow.demands[name] = (lostToOrder ? 0 : customerOrders[name]) + withdrawals;
  };
  for (const name of Object.keys(plant.items)) visit(name);
  for (const name of Object.keys(plant.items)) workOf(plant, flow, name);
  return flow;
}

function parentsOf(plant: PlantSpec): Map<string, BomUse[]> {
  const parents = new Map<string, BomUse[]>();
  for (const [parent, item] of Object.entries(plant.items)) {
    for (const [component, perUnit] of Object.entries(item.make?.bom ?? {})) {
      const uses = parents.get(component) ?? [];
      uses.push({ parent, perUnit });
      parents.set(component, uses);
    }
  }
  return parents;
}

/** Customer orders per time unit of each item (rate changes ignored, as in the demand rates). */
function customerOrderRates(plant: PlantSpec): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const name of Object.keys(plant.items)) rates[name] = 0;
  const { horizon } = plant.time;
  for (const d of plant.demand) {
    rates[d.item] += d.kind === 'stream' ? 1 / d.interarrival.mean : timesWithin(d, horizon).length / horizon;
  }
  return rates;
}

function isLostMakeToOrder(item: ItemSpec): boolean {
  return item.policy.type === 'makeToOrder' && item.unmet === 'lost';
}

/** Units per time unit a policy replenishes when `demand` is taken from its stock. */
function replenished(item: ItemSpec, demand: number): number {
  const p = item.policy;
  if (p.type === 'none') return 0;
  if (p.type === 'batch') return Math.max(demand, p.lotSize / p.every);
  // Continuous release skips while storage is full, so under a limit it makes no more than is taken.
  if (p.type === 'continuous') return item.capacity < Infinity ? demand : Math.max(demand, p.rate);
  return demand;
}

/**
 * Server time per unit: a unit takes its components as it starts and holds the server, starved,
 * while one is short. A make-to-order component is never in stock, so every unit waits for its
 * component's own production order (setup + bom units, deeper make-to-order chains included)
 * or purchase (its lead time).
 */
function workOf(plant: PlantSpec, flow: Flow, name: string): number {
  const known = flow.work[name];
  if (known !== undefined) return known;
  const make = plant.items[name].make;
  let work = 0;
  if (make !== null) {
    work = make.processTime.mean * breakdownFactor(plant.machines[make.machine]);
    for (const [component, perUnit] of Object.entries(make.bom)) work += holdOf(plant, flow, component, perUnit);
  }
  flow.work[name] = work;
  return work;
}

/** How long a unit of a parent waits for `perUnit` of a component: 0 unless it is made to order. */
function holdOf(plant: PlantSpec, flow: Flow, component: string, perUnit: number): number {
  const item = plant.items[component];
  if (item.policy.type !== 'makeToOrder') return 0;
  if (item.make !== null) return item.make.setupTime.mean + perUnit * workOf(plant, flow, component);
  return item.buy?.leadTime.mean ?? 0;
}

/**
 * Operation-dependent failures: each unit of processing brings E[repair]/E[up] of repair with it.
 * Setups and waits are not inflated (up time runs only while processing).
 */
function breakdownFactor(machine: MachineSpec): number {
  return machine.failures === null ? 1 : 1 + machine.failures.repairTime.mean / machine.failures.upTime.mean;
}

// ---- machines

/**
 * `unstable-load` at 100% of the server time or more, `high-load` from 95%; of the open server time
 * when a calendar closes the machine part of the run.
 */
function machineWarnings(plant: PlantSpec, flow: Flow, unit: string): Draft[] {
  const out: Draft[] = [];
  for (const [name, machine] of Object.entries(plant.machines)) {
    const parts = loadParts(plant, flow, name);
    const openShare = openShareOf(machine.calendar, 0, plant.time.horizon);
    const load = parts.reduce((sum, p) => sum + p.rate * timePerUnit(p), 0) / (machine.servers * openShare);
    if (!(load >= HIGH)) continue;
    const capped = parts.every((p) => plant.items[p.item].policy.type === 'kanban');
    const m: MachineLoad = { machine: name, load, servers: machine.servers, breakdowns: machine.failures !== null, capped, parts, unit, openShare };
    const unstable = load >= UNSTABLE;
    const kpis = ['wip', 'avgCustomerWait', ...parts.flatMap((p) => [`${p.item}.avgBackorders`, ...customerWaitKpis(p.item)])];
    const message = unstable ? WARN.unstableLoad(m) : WARN.highLoad(m);
    out.push({ code: unstable ? 'unstable-load' : 'high-load', path: `machines.${name}`, message, kpis });
  }
  return out;
}

/** Each item made on the machine with its rate and its server time per unit, split for the message. */
function loadParts(plant: PlantSpec, flow: Flow, machine: string): LoadPart[] {
  const parts: LoadPart[] = [];
  for (const [name, item] of Object.entries(plant.items)) {
    if (item.make === null || item.make.machine !== machine || !(flow.made[name] > 0)) continue;
    const setup = item.make.setupTime.mean;
    const waits = Object.entries(item.make.bom)
      .map(([component, perUnit]) => ({ component, time: holdOf(plant, flow, component, perUnit) }))
      .filter((w) => w.time > 0);
    parts.push({
      item: name,
      rate: flow.made[name],
      processing: item.make.processTime.mean * breakdownFactor(plant.machines[machine]),
      setup: setup > 0 ? setup / unitsPerOrder(item, name, flow, plant.planning.bucket) : 0,
      waits,
    });
  }
  return parts;
}

function timePerUnit(part: LoadPart): number {
  return part.waits.reduce((sum, w) => sum + w.time, part.processing + part.setup);
}

/**
 * Mean units per production order. sS orders at least S − s (the position may be below s).
 * baseStock and makeToOrder order once per demand, so the mean order is the units made over the
 * demands placed: customer orders of their mean quantity and withdrawals of bom units per parent
 * unit, each weighted by how often it comes. That is the exact setup rate, where the smallest of
 * the demand sizes would overstate it; a customer order of 0 units (a Poisson quantity) orders
 * nothing, so the rate is an upper bound there.
 */
function unitsPerOrder(item: ItemSpec, name: string, flow: Flow, bucket: number): number {
  const p = item.policy;
  switch (p.type) {
    case 'sQ':
      return p.quantity;
    case 'sS':
      return p.orderUpTo - p.reorderPoint;
    case 'RS':
      return flow.demand[name] * p.every;
    case 'kanban':
      return p.containerSize;
    case 'batch':
      return p.lotSize;
    case 'continuous':
      return 1;
    case 'baseStock':
    case 'makeToOrder':
      return flow.made[name] / flow.demands[name];
    case 'ddmrp':
      // An order lifts the net flow from the top of yellow to the top of green: the green zone.
      return Math.max(1, p.minimumOrder, p.initialAdu * p.orderCycle, p.initialAdu * p.leadTime * p.leadTimeFactor);
    case 'mrp': {
      // At most one release per bucket (past-due lots aside): lot-for-lot orders a bucket's demand.
      const perBucket = flow.demand[name] * bucket;
      const lot = p.lotSizing;
      const rule =
        lot === 'lotForLot'
          ? perBucket
          : 'fixed' in lot
            ? Math.max(lot.fixed, perBucket)
            : 'eoq' in lot
              ? Math.max(lot.eoq, perBucket)
              : perBucket * lot.periods;
      return Math.max(rule, p.minimum, p.multiple, Number.MIN_VALUE);
    }
    case 'anchorAndAdjust':
    case 'forecastOrderUpTo':
      // One order a period, of about the period's demand.
      return Math.max(flow.demand[name] * p.every, Number.MIN_VALUE);
    case 'none':
      return Infinity;
  }
}

// ---- supply that cannot keep up with demand

/** Kanban loops whose cards cannot cover the demand over the lead time, push plans below the demand. */
function supplyWarnings(plant: PlantSpec, flow: Flow, unit: string): Draft[] {
  const out: Draft[] = [];
  for (const [name, item] of Object.entries(plant.items)) {
    const demand = flow.demand[name];
    const p = item.policy;
    const path = `items.${name}.policy`;
    const kpis = [`${name}.avgBackorders`, ...customerWaitKpis(name), 'avgCustomerWait'];
    if (p.type === 'kanban' && !machineBinds(plant, item, p.cards)) {
      const lead = loopLeadTime(plant, flow, name, p.containerSize);
      const capacity = lead > 0 ? (p.cards * p.containerSize) / lead : Infinity;
      if (capacity < demand * (1 - SLACK)) {
        const cards = Math.ceil((demand * lead) / p.containerSize - SLACK);
        out.push({ code: 'unstable-loop', path, message: WARN.unstableLoop(name, p.cards, p.containerSize, lead, capacity, demand, cards, unit), kpis });
      }
    } else if (p.type === 'batch' || p.type === 'continuous') {
      const rate = p.type === 'batch' ? p.lotSize / p.every : p.rate;
      if (rate < demand * (1 - SLACK)) out.push({ code: 'push-below-demand', path, message: WARN.pushBelowDemand(name, p, rate, demand, unit), kpis });
    }
  }
  return out;
}

/**
 * With at least as many cards as servers a made loop could keep every server busy on it, so the
 * machine limits it first and the load check speaks (more cards would not help).
 */
function machineBinds(plant: PlantSpec, item: ItemSpec, cards: number): boolean {
  return item.make !== null && cards >= plant.machines[item.make.machine].servers;
}

/** A card's replenishment lead time: the purchase lead time, or setup + a container's units (queueing ignored). */
function loopLeadTime(plant: PlantSpec, flow: Flow, name: string, containerSize: number): number {
  const item = plant.items[name];
  if (item.make !== null) return item.make.setupTime.mean + containerSize * flow.work[name];
  return item.buy?.leadTime.mean ?? 0;
}

// ---- traps

function trapWarnings(plant: PlantSpec, flow: Flow): Draft[] {
  return [
    ...Object.entries(plant.items).flatMap(([name, item]) => itemTraps(plant, flow, name, item)),
    ...plant.demand.flatMap((d, i) => traceWarnings(d, i, plant.time)),
    ...planningHorizonWarnings(plant),
  ];
}

/**
 * MRP items whose requirements reach them too late to plan: the last (cumulative planned lead
 * time) buckets of every plan are cut short by its horizon, and a lot covering several periods
 * reaches further. When that reach passes the frozen zone, requirements first seen inside the
 * zone or the lead time are released past due (and may arrive late) in every run, with a
 * perfect forecast too. One warning, naming the item that reaches furthest.
 */
function planningHorizonWarnings(plant: PlantSpec): Draft[] {
  const mrp = Object.entries(plant.items).flatMap(([name, item]) => (item.policy.type === 'mrp' ? [{ name, item, policy: item.policy }] : []));
  if (mrp.length === 0) return [];
  const cumulative = cumulativeLeadTimes(Object.fromEntries(mrp.map(({ name, item, policy }) => [name, { leadTime: policy.leadTime, bom: takesFrom(item) }])));
  const { horizon, frozen } = plant.planning;
  let worst: { item: string; cumulative: number; periods: number; reach: number } | null = null;
  for (const { name, policy } of mrp) {
    const periods = typeof policy.lotSizing === 'object' && 'periods' in policy.lotSizing ? policy.lotSizing.periods : 1;
    const reach = cumulative[name] + frozen + periods;
    if (reach > horizon && (worst === null || reach > worst.reach)) worst = { item: name, cumulative: cumulative[name], periods, reach };
  }
  if (worst === null) return [];
  const kpis = mrp.flatMap(({ name }) => [`${name}.pastDueReleases`, `${name}.avgBackorders`]);
  return [{ code: 'short-planning-horizon', path: 'planning.horizon', message: WARN.shortPlanningHorizon({ ...worst, horizon, frozen }), kpis }];
}

function itemTraps(plant: PlantSpec, flow: Flow, name: string, item: ItemSpec): Draft[] {
  const out: Draft[] = [];
  if (isLostMakeToOrder(item) && plant.demand.some((d) => d.item === name)) {
    out.push({ code: 'lost-make-to-order', path: `items.${name}`, message: WARN.lostMakeToOrder(name) });
  }
  const target = policyTarget(item);
  if (target > item.capacity) {
    const path = `items.${name}.capacity`;
    if (item.make !== null) {
      out.push({ code: 'production-blocks', path, message: WARN.productionBlocks(name, item.make.machine, item.policy, target, item.capacity) });
    } else if (item.buy !== null) {
      out.push({ code: 'purchase-above-capacity', path, message: WARN.purchaseAboveCapacity(name, item.policy, target, item.capacity) });
    }
  }
  out.push(...deadlockWarnings(plant, name, item));
  const parents = (flow.parents.get(name) ?? []).map((u) => u.parent);
  const make = item.make;
  if (item.policy.type === 'makeToOrder' && make !== null && parents.length > 0 && (make.setupTime.mean > 0 || make.setupCost > 0)) {
    out.push({ code: 'setup-per-unit', path: `items.${name}.policy`, message: WARN.setupPerUnit(name, parents, make.setupTime.mean, make.setupCost) });
  }
  return out;
}

/**
 * A unit holds its server while a make-to-order component is made; if that component's order (or
 * one deeper in the chain) needs the same machine, the held servers are the ones it waits for.
 */
function deadlockWarnings(plant: PlantSpec, name: string, item: ItemSpec): Draft[] {
  if (item.make === null) return [];
  const machine = item.make.machine;
  return Object.keys(item.make.bom)
    .filter((component) => machinesWaitedOn(plant, component).has(machine))
    .map((component) => ({
      code: 'make-to-order-deadlock',
      path: `items.${component}.policy`,
      message: WARN.makeToOrderDeadlock(name, component, machine, plant.machines[machine].servers),
    }));
}

/** The machines a unit waits on through one make-to-order component, however deep the chain. */
function machinesWaitedOn(plant: PlantSpec, component: string, seen = new Set<string>()): Set<string> {
  const make = plant.items[component].make;
  if (plant.items[component].policy.type !== 'makeToOrder' || make === null) return seen;
  seen.add(make.machine);
  for (const deeper of Object.keys(make.bom)) machinesWaitedOn(plant, deeper, seen);
  return seen;
}

/** The highest stock position the policy aims at; 0 for policies that aim at none. */
function policyTarget(item: ItemSpec): number {
  const p = item.policy;
  switch (p.type) {
    case 'sQ':
      return p.reorderPoint + p.quantity;
    case 'sS':
    case 'RS':
      return p.orderUpTo;
    case 'baseStock':
      return p.level;
    case 'kanban':
      return p.cards * p.containerSize;
    case 'batch':
      return p.lotSize;
    // continuous stops releasing at the limit; makeToOrder and none keep no stock to aim at.
    default:
      return 0;
  }
}

/** A trace that leaves part of the measured window without demand. */
function traceWarnings(d: DemandSpec, index: number, time: PlantSpec['time']): Draft[] {
  // A resampled history fills the whole run with its blocks.
  if (d.kind !== 'trace' || d.resample !== null) return [];
  const replayed: Draft = {
    code: 'history-replayed',
    path: `demand[${index}].trace`,
    message: WARN.historyReplayed(d.item),
    kpis: [`${d.item}.fillRate`, `${d.item}.avgOnHand`, 'totalCost'],
    level: 'note',
  };
  const path = `demand[${index}].trace`;
  const kpis = [`${d.item}.avgOnHand`, `${d.item}.avgBackorders`, 'throughput'];
  const times = timesWithin(d, time.horizon);
  if (times.length === 0) {
    return [replayed, { code: 'trace-starts-late', path, message: WARN.traceStartsLate(d.item, d.times[0], time.warmup, null), kpis }];
  }
  const first = times[0];
  const last = times[times.length - 1];
  // Not the mean gap: real histories pause (weekends, holidays), and a window that ends in a pause
  // as long as one the trace has had already is the trace's rhythm, not its end.
  const pause = longestGap(d.times);
  const out: Draft[] = [replayed];
  if (time.horizon - last > pause) {
    out.push({ code: 'trace-ends-early', path, message: WARN.traceEndsEarly(d.item, last, time.horizon, pause), kpis });
  }
  if (first - time.warmup > pause) {
    out.push({ code: 'trace-starts-late', path, message: WARN.traceStartsLate(d.item, first, time.warmup, pause), kpis });
  }
  return out;
}

function longestGap(times: number[]): number {
  let longest = 0;
  for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i] - times[i - 1]);
  return longest;
}

/** The order times of a trace up to the horizon (times ascend, so it is a prefix). */
function timesWithin(d: Extract<DemandSpec, { kind: 'trace' }>, horizon: number): number[] {
  let n = 0;
  while (n < d.times.length && d.times[n] <= horizon) n++;
  return d.times.slice(0, n);
}
