import { Simulation, SimulationTooLargeError } from '../engine/index.js';
import { createStream, streamKey, type Rng } from '../random/index.js';
import { BucketVariance, StepSeriesRecorder, TimeWeighted } from '../stats/index.js';
import { startDemand } from './demand.js';
import { DEFAULT_MAX_EVENTS, DEFAULT_MAX_QUEUE } from './limits.js';
import { BLOCKED, BUSY, CLOSED, DOWN, IDLE, Machine, SETUP, STARVED, type Recipe } from './machine.js';
import { ShiftCalendar } from './calendar.js';
import { REMEDY, eventStorm, overflow, type EventSource } from './messages.js';
import { attachPolicy, type PlaceOrder, type PolicyContext } from './policies/driver.js';
import type {
  ItemCounts,
  ItemKpis,
  LevelSamples,
  MachineCounts,
  MachineKpis,
  PlanningSeries,
  OverallKpis,
  ReplaySeries,
  RunResult,
  RunSeries,
} from './results.js';
import type { ItemSpec, PlantSpec } from './spec.js';
import { StockPoint, type StockPointListener } from './stock-point.js';
import { TimelineRecorder } from './machine-timeline.js';
import { createForecasting, type ForecastCounts, type Forecasting } from './forecasting.js';
import { createKnownOrders } from './known-orders.js';
import { createMrpPlanning, NO_MRP, NO_PLANNED_LOAD, type MrpCounts, type MrpItemAccess, type MrpPlanning } from './mrp-planner.js';
import { startPlanningClock } from './planning-clock.js';
import { createFlowRecorder } from './flow-series.js';

export interface PlantRunOptions {
  /** Master seed of the replication: every random source draws from its own stream derived from it. */
  seed: number | string;
  /** Record down-sampled series for charts (at most `maxPoints` per series). */
  series?: SeriesOptions | null;
  /** Sample each item's on-hand stock at this many evenly spaced instants (cheap; for warm-up hints). */
  levelSamples?: number;
  /** Sees the stock points after every event and every filled customer order (tests check invariants with it). */
  observer?: PlantObserver | null;
  /** Events the replication may fire before it stops as too large (an event storm); DEFAULT_MAX_EVENTS when absent. */
  maxEvents?: number;
  /** Orders that may wait in one queue (an item's backorders, a machine's orders) or events on the calendar; DEFAULT_MAX_QUEUE when absent. */
  maxQueue?: number;
  /** Someone else decides one item's orders in place of its policy: a person playing a stage (sim/experiment/play.ts). */
  override?: StageOverride | null;
}

/** Who decides an overridden item's orders: `attach` runs where its policy would be attached, before the demand streams start. */
export interface StageOverride {
  item: string;
  attach(stage: OverriddenStage): void;
}

/** What an override may use of its item and of the run. */
export interface OverriddenStage {
  sim: Simulation;
  stock: StockPoint;
  /** Places a replenishment order of the item, counted like its policy's. */
  place: PlaceOrder;
  /** The item's policy timer's event count (an event storm names it). */
  timer: EventSource;
  /** Attaches the item's own policy, its orders placed through `place`. */
  attachOwn(place: PlaceOrder): void;
  /** The item's cost and the plant's over the measured window so far: 0 until the warm-up ends. */
  costs(): { item: number; plant: number };
  /** Ends the run after the event being fired; the run's result is then not meaningful. */
  halt(): void;
}

/** The series to record: at most `maxPoints` a series; with `replay`, also what a replay needs (machines' queues). */
export interface SeriesOptions {
  maxPoints: number;
  replay?: boolean;
}

export interface PlantObserver {
  afterEvent?(now: number, stocks: ReadonlyMap<string, StockPoint>): void;
  /** A customer order due at `due` was filled in full at `time`. */
  customerFilled?(item: string, due: number, time: number): void;
  /** A customer ordered at `time`, due at `due` (later than `time` on a stream with `dueIn`). */
  customerOrder?(item: string, quantity: number, time: number, due: number): void;
  /** A purchase or production order was placed; the plant sets the record's `done` when all of it is in stock. */
  orderPlaced?(record: ReplenishmentRecord): void;
}

/** One replenishment order as an order log shows it. */
export interface ReplenishmentRecord {
  time: number;
  item: string;
  kind: 'purchase' | 'production' | 'transfer';
  quantity: number;
  /** When it is due: a purchase's arrival as its lead time was drawn; null for production and transfers (due when the machine finishes it, or upstream ships it). */
  due: number | null;
  /** When all of it was in stock; null while it is not. */
  done: number | null;
}

/** One item at run time: its stock, the counts behind its order costs, its production in progress. */
interface ItemRuntime {
  name: string;
  spec: ItemSpec;
  stock: StockPoint;
  orders: number;
  unitsPurchased: number;
  /** Units in this item's production orders, released and not yet in stock. */
  wip: TimeWeighted;
  unitsMade: number;
  flowTimeSum: number;
  /** Units ordered and units demanded per bucket of time.bucket, from the warm-up on (the bullwhip). */
  ordered: BucketVariance;
  demanded: BucketVariance;
}

/** Timeline slices kept over all servers of a plant at most (7 numbers each: about 11 MB), and per server. */
const TIMELINE_SLICE_BUDGET = 200_000;
const TIMELINE_SLICES_MAX = 10_000;

/** Simulates one replication of a plant over [0, horizon], measuring over [warmup, horizon]. */
export function simulatePlant(spec: PlantSpec, options: PlantRunOptions): RunResult {
  const observer = options.observer ?? null;
  const stocks = new Map<string, StockPoint>();
  const afterEvent = observer?.afterEvent;
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const maxQueue = options.maxQueue ?? DEFAULT_MAX_QUEUE;
  const sim = new Simulation({ afterEvent: afterEvent ? () => afterEvent(sim.now, stocks) : null, maxEvents, maxPending: maxQueue });
  const sources: EventSource[] = [];
  const source = (label: string, remedy: string): EventSource => {
    const counted = { label, remedy, events: 0 };
    sources.push(counted);
    return counted;
  };
  const streams = (name: string): Rng => createStream(options.seed, name);
  const { horizon, warmup } = spec.time;
  const intermediate = intermediateItems(spec);
  let initialWip = 0;
  for (const name of intermediate) initialWip += spec.items[name].initial;
  const wip = new TimeWeighted(0, initialWip);
  let delivered = 0;

  const addWip = (delta: number, time: number): void => wip.add(time, delta);
  const items = new Map<string, ItemRuntime>();
  const { bucket } = spec.time;
  const flows = options.series ? createFlowRecorder(Object.keys(spec.items), horizon, bucket) : null;
  for (const [name, item] of Object.entries(spec.items)) {
    const demanded = new BucketVariance(warmup, bucket);
    const listener: StockPointListener = {
      demanded:
        flows === null
          ? (units, time) => demanded.add(time, units)
          : (units, time) => {
              demanded.add(time, units);
              flows.demanded(name, time, units);
            },
      delivered: (units) => void (delivered += units),
      customerFilled: observer?.customerFilled ? (wait) => observer.customerFilled!(name, sim.now - wait, sim.now) : null,
      onHandChanged: intermediate.has(name) ? addWip : () => {},
    };
    const stock = new StockPoint(name, item.initial, item.capacity, item.unmet === 'lost', listener, maxQueue, item.allocation);
    const ordered = new BucketVariance(warmup, bucket);
    items.set(name, { name, spec: item, stock, orders: 0, unitsPurchased: 0, wip: new TimeWeighted(0, 0), unitsMade: 0, flowTimeSum: 0, ordered, demanded });
    stocks.set(name, stock);
  }

  const machines = new Map<string, Machine>();
  for (const [name, machine] of Object.entries(spec.machines)) {
    const calendar = machine.calendar ? new ShiftCalendar(machine.calendar) : null;
    const built = new Machine(name, sim, machine.servers, machine.failures, streams, maxQueue, calendar);
    machines.set(name, built);
    sources.push(built.source);
  }

  // The window is (warmup, horizon]: run through every event at the warm-up instant, then reset.
  const resetStatistics = (): void => {
    for (const item of items.values()) {
      item.stock.resetStatistics(warmup);
      item.orders = 0;
      item.unitsPurchased = 0;
      item.wip.reset(warmup);
      item.unitsMade = 0;
      item.flowTimeSum = 0;
    }
    for (const machine of machines.values()) machine.resetStatistics(warmup);
    wip.reset(warmup);
    delivered = 0;
  };

  if (options.series) {
    // Slices per server: as many as the chart has points; an hour each at most on a calendar, so that
    // shifts and nights show when the chart is zoomed in; within a budget over all servers (7 numbers a slice).
    const servers = [...machines.values()].reduce((sum, m) => sum + m.servers.length, 0);
    const budget = Math.floor(TIMELINE_SLICE_BUDGET / Math.max(1, servers));
    for (const [name, machine] of machines) {
      const calendar = spec.machines[name].calendar;
      // An hour a slice on a calendar, up to four slices a chart point: a year of hours (8,736 bars a lane) is more than a page should draw.
      const wanted = calendar ? Math.min(Math.ceil(horizon / (calendar.week / 168)), 4 * options.series.maxPoints) : options.series.maxPoints;
      const slices = Math.max(50, Math.min(wanted, TIMELINE_SLICES_MAX, budget));
      machine.timeline = new TimelineRecorder(machine.servers.length, horizon, slices, machine.calendar);
      if (options.series.replay) machine.recordQueue(new StepSeriesRecorder(0, horizon, options.series.maxPoints));
    }
  }
  const levels = options.levelSamples ? sampleLevels(sim, items, wip, horizon, options.levelSamples) : null;
  const series = options.series ? startSeries(sim, items, spec, options.series.maxPoints, () => ({ delivered, cost: totalCost(items, sim.now) })) : null;

  // Policies before demand: at one instant a review runs before a customer order (periodic-review convention).
  const known = createKnownOrders(sim);
  let halted = false;
  const policyContext: PolicyContext = { known, stocks, downstreamOf: (item) => downstreamOf(spec, item).map((name) => stocks.get(name)!) };
  const mrpItems = new Map<string, MrpItemAccess>();
  for (const item of items.values()) {
    const orders = source(`items.${item.name}.${item.spec.transfer === null ? 'buy' : 'transfer'}`, REMEDY.purchases);
    const placed = placeOrder(sim, item, items, machines, streams, addWip, orders, observer?.orderPlaced ?? null);
    const place: PlaceOrder = (quantity, onComplete) => {
      item.ordered.add(sim.now, quantity);
      flows?.ordered(item.name, sim.now, quantity);
      return placed(quantity, onComplete);
    };
    const override = options.override?.item === item.name ? options.override : null;
    if (item.spec.policy.type === 'mrp' && override === null) mrpItems.set(item.name, { stock: item.stock, place });
    const timer = source(`items.${item.name}.policy`, REMEDY.timer);
    const attachOwn = (placing: PlaceOrder): void => attachPolicy(sim, item.spec.policy, item.stock, placing, timer, policyContext);
    if (override === null) attachOwn(place);
    else {
      const costs = () => (sim.now <= warmup ? { item: 0, plant: 0 } : { item: sumCosts(itemCosts(item, sim.now)), plant: totalCost(items, sim.now) });
      override.attach({ sim, stock: item.stock, place, timer, attachOwn, costs, halt: () => ((halted = true), sim.stop()) });
    }
  }
  const recordPlans = Boolean(options.series);
  const forecasting = createForecasting(spec, streams, recordPlans);
  const mrp = createMrpPlanning(spec, mrpItems, forecasting, known, recordPlans);
  startPlanningClock(sim, spec, forecasting, mrp, source('planning.bucket', REMEDY.timer));
  const forecast = Object.keys(spec.forecasts).length > 0;
  spec.demand.forEach((demand, i) => {
    const stock = items.get(demand.item)!.stock;
    const arrivals = source(`demand[${i}] (item ${JSON.stringify(demand.item)})`, REMEDY.demand);
    const seen = observer?.customerOrder;
    const { dueIn } = demand;
    startDemand(
      sim,
      demand,
      streams,
      seen || forecast || dueIn > 0
        ? (quantity) => {
            seen?.(demand.item, quantity, sim.now, sim.now + dueIn);
            forecasting.demanded(demand.item, quantity, sim.now + dueIn);
            if (dueIn > 0) known.order(i, demand.item, quantity, dueIn, () => stock.demand(quantity, sim.now, true, null));
            else stock.demand(quantity, sim.now, true, null);
          }
        : (quantity) => stock.demand(quantity, sim.now, true, null),
      arrivals,
    );
  });

  try {
    // Also with warmup 0: what happens at t = 0 (the initial orders) is set-up, not the measured window.
    sim.run({ until: warmup });
    if (!halted) {
      resetStatistics();
      series?.start();
      sim.run({ until: horizon });
    }
  } catch (error) {
    // The engine knows how many events, not whose: the counts of the sources say which one stormed.
    if (!(error instanceof SimulationTooLargeError) || error.limit === 'maxQueue') throw error;
    throw eventStorm(error, error.limit === 'maxEvents' ? maxEvents : maxQueue, sim.now, horizon, busiest(sources));
  }
  for (const machine of machines.values()) machine.closeStatistics(horizon);

  const window = horizon - warmup;
  const itemKpis: Record<string, ItemKpis> = {};
  const counts: RunResult['counts'] = { items: {}, machines: {}, customers: 0, customerWaitSum: 0, waitingAtEnd: 0 };
  let cost = 0;
  for (const item of items.values()) {
    const itemCounts = { ...countsOf(item, horizon), ...forecasting.counts(item.name) };
    counts.items[item.name] = itemCounts;
    counts.customers += itemCounts.customers;
    counts.customerWaitSum += itemCounts.customerWaitSum;
    counts.waitingAtEnd += itemCounts.waitingAtEnd;
    itemKpis[item.name] = itemResult(item, itemCounts, mrp?.itemCounts(item.name) ?? NO_MRP, horizon);
    cost += sumCosts(itemKpis[item.name]);
  }
  const machineKpis: Record<string, MachineKpis> = {};
  for (const machine of machines.values()) {
    const planned = mrp?.machineCounts(machine.name) ?? { ...NO_PLANNED_LOAD };
    counts.machines[machine.name] = planned;
    machineKpis[machine.name] = machineResult(machine, planned, window);
  }
  const kpis: OverallKpis = {
    totalCost: cost,
    throughput: window > 0 ? delivered / window : 0,
    wip: wip.mean(horizon),
    avgCustomerWait: ratio(counts.customerWaitSum, counts.customers, 0),
  };
  checkFinite(itemKpis, kpis);
  return {
    items: itemKpis,
    machines: machineKpis,
    kpis,
    counts,
    series:
      series === null
        ? null
        : {
            ...series.finish(horizon),
            planning: planningSeries(spec, forecasting, mrp),
            flows: flows?.finish() ?? null,
            machines: Object.fromEntries([...machines].map(([name, machine]) => [name, machine.timeline!.finish()])),
            ...(options.series?.replay ? { replay: replaySeries(machines, horizon, options.series.maxPoints) } : {}),
          },
    levels,
    events: sim.eventsFired,
  };
}

/** The machines' queues over the run, down-sampled into the same buckets as the stock levels. */
function replaySeries(machines: Map<string, Machine>, horizon: number, maxPoints: number): ReplaySeries {
  // Every level series of the run spans [0, horizon] in maxPoints: the same buckets.
  const buckets = new StepSeriesRecorder(0, horizon, maxPoints).bucketCount;
  return { buckets, queues: Object.fromEntries([...machines].map(([name, machine]) => [name, machine.queueSeries!.finish(horizon)])) };
}

/** Forecasts against demand and the MRP runs, for charts; null when the plant neither forecasts nor plans. */
function planningSeries(spec: PlantSpec, forecasting: Forecasting, mrp: MrpPlanning | null): PlanningSeries | null {
  if (mrp === null && Object.keys(spec.forecasts).length === 0) return null;
  const runs = mrp?.history() ?? { runs: [], load: {}, truncated: false };
  return { bucket: spec.planning.bucket, forecasts: forecasting.history(), ...runs };
}

/** The source that scheduled the most events, or null when there is none. */
function busiest(sources: EventSource[]): EventSource | null {
  let most: EventSource | null = null;
  for (const counted of sources) if (most === null || counted.events > most.events) most = counted;
  return most;
}

/**
 * Stops a run whose totals overflowed (the schema's bounds keep a scenario's numbers finite, but
 * not every product of them): the statistics over replications would meet Infinity otherwise.
 * Machine KPIs are shares of finite times.
 */
function checkFinite(items: Record<string, ItemKpis>, overall: OverallKpis): void {
  for (const [item, kpis] of Object.entries(items)) {
    for (const [kpi, value] of Object.entries(kpis)) if (!Number.isFinite(value)) throw overflow(`items.${item}.${kpi}`, value);
  }
  for (const [kpi, value] of Object.entries(overall)) if (!Number.isFinite(value)) throw overflow(kpi, value);
}

/** The items `item` ships to through transfers, directly or not (its echelon below it). */
function downstreamOf(spec: PlantSpec, item: string): string[] {
  const below: string[] = [];
  const visit = (from: string): void => {
    for (const [name, other] of Object.entries(spec.items)) {
      if (other.transfer?.from !== from) continue;
      below.push(name);
      visit(name);
    }
  };
  visit(item);
  return below;
}

/** Items that are both made and consumed by a machine: their stock counts as work in process. */
function intermediateItems(spec: PlantSpec): Set<string> {
  const consumed = new Set<string>();
  for (const item of Object.values(spec.items)) for (const component of Object.keys(item.make?.bom ?? {})) consumed.add(component);
  return new Set([...consumed].filter((name) => spec.items[name].make !== null));
}

function placeOrder(
  sim: Simulation,
  item: ItemRuntime,
  items: Map<string, ItemRuntime>,
  machines: Map<string, Machine>,
  streams: (name: string) => Rng,
  addWip: (delta: number, time: number) => void,
  purchases: EventSource,
  logged: ((record: ReplenishmentRecord) => void) | null,
): PlaceOrder {
  const { stock, spec } = item;
  if (spec.buy !== null) {
    const leadTime = spec.buy.leadTime;
    const rng = streams(streamKey('leadTime', item.name));
    return (quantity, onComplete) => {
      purchases.events++;
      item.orders++;
      item.unitsPurchased += quantity;
      stock.onOrder += quantity;
      // Each order draws its own lead time, so orders may overtake each other.
      const lead = leadTime.sample(rng);
      const record: ReplenishmentRecord | null =
        logged === null ? null : { time: sim.now, item: item.name, kind: 'purchase', quantity, due: sim.now + lead, done: null };
      if (record !== null) logged!(record);
      sim.schedule(lead, () => {
        stock.onOrder -= quantity;
        stock.receive(quantity, sim.now);
        if (record !== null) record.done = sim.now;
        if (onComplete !== null) onComplete();
      });
      return sim.now + lead;
    };
  }
  if (spec.make !== null) {
    const make = spec.make;
    const machine = machines.get(make.machine)!;
    const recipe: Recipe = {
      stock,
      processTime: make.processTime,
      processRng: streams(streamKey('process', item.name)),
      setupTime: make.setupTime,
      setupRng: streams(streamKey('setup', item.name)),
      bom: Object.entries(make.bom).map(([component, perUnit]) => ({ stock: items.get(component)!.stock, perUnit })),
      deposited: (units, released, time) => {
        addWip(-units, time);
        item.wip.add(time, -units);
        item.unitsMade += units;
        item.flowTimeSum += units * (time - released);
      },
    };
    return (quantity, onComplete) => {
      item.orders++;
      stock.onOrder += quantity;
      addWip(quantity, sim.now);
      item.wip.add(sim.now, quantity);
      if (logged === null) {
        machine.release(recipe, quantity, onComplete);
        return null;
      }
      const record: ReplenishmentRecord = { time: sim.now, item: item.name, kind: 'production', quantity, due: null, done: null };
      logged(record);
      machine.release(recipe, quantity, () => {
        record.done = sim.now;
        if (onComplete !== null) onComplete();
      });
      return null;
    };
  }
  if (spec.transfer !== null) {
    const { leadTime, orderDelay } = spec.transfer;
    const upstream = items.get(spec.transfer.from)!.stock;
    const rng = streams(streamKey('leadTime', item.name));
    return (quantity, onComplete) => {
      purchases.events++;
      item.orders++;
      stock.onOrder += quantity;
      const record: ReplenishmentRecord | null = logged === null ? null : { time: sim.now, item: item.name, kind: 'transfer', quantity, due: null, done: null };
      if (record !== null) logged!(record);
      let outstanding = quantity;
      // Each shipment — what upstream held when the order came, then what it ships as stock arrives — travels on its own.
      const onShipped = (units: number): void => {
        stock.inTransit += units;
        sim.schedule(leadTime.sample(rng), () => {
          stock.inTransit -= units;
          stock.onOrder -= units;
          stock.receive(units, sim.now);
          outstanding -= units;
          if (outstanding > 1e-9 * quantity) return;
          if (record !== null) record.done = sim.now;
          if (onComplete !== null) onComplete();
        });
      };
      sim.schedule(orderDelay, () => upstream.demand(quantity, sim.now, false, null, { requester: item.name, onShipped }));
      // When it arrives depends on the stock upstream: not known as it is placed.
      return null;
    };
  }
  // An item with no buy, make or transfer never gets an order (its policy is `none`).
  return () => null;
}

/**
 * The totals behind an item's ratio KPIs at the end of the window. Customers still waiting then
 * are counted with their wait so far: leaving them out would report a wait of 0 on a horizon
 * shorter than the lead time.
 */
function countsOf(item: ItemRuntime, horizon: number): Omit<ItemCounts, keyof ForecastCounts> {
  const { stock } = item;
  const waiting = stock.waitingCustomers(horizon);
  const [p90, p95] = stock.customerWaits.quantiles([0.9, 0.95], waiting.waits);
  const customerOrdersFilled = stock.customerWaits.count;
  // The last use of the waits: their memory goes to the next replication in this thread.
  stock.customerWaits.release();
  const customers = customerOrdersFilled + waiting.count;
  return {
    demandedUnits: stock.demandedUnits,
    filledAtOnceUnits: stock.filledAtOnceUnits,
    customers,
    customerWaitSum: stock.customerWaitSum + waiting.waitSum,
    waitingAtEnd: waiting.count,
    customerWaitP90Weighted: p90 * customers,
    customerWaitP95Weighted: p95 * customers,
    unitsMade: item.unitsMade,
    flowTimeSum: item.flowTimeSum,
    customerOrders: stock.customerOrders,
    onTimeOrders: stock.onTimeOrders,
    orderVariance: item.ordered.finish(horizon).variance,
    demandVariance: item.demanded.finish(horizon).variance,
  };
}

function ratio(numerator: number, denominator: number, empty: number): number {
  return denominator > 0 ? numerator / denominator : empty;
}

function itemResult(item: ItemRuntime, counts: ItemCounts, planning: MrpCounts, horizon: number): ItemKpis {
  const { stock } = item;
  return {
    avgOnHand: stock.onHandLevel.mean(horizon),
    avgBackorders: stock.backorderLevel.mean(horizon),
    fillRate: ratio(counts.filledAtOnceUnits, counts.demandedUnits, 1),
    stockoutEvents: stock.stockoutEvents,
    stockoutUnits: stock.stockoutUnits,
    lostUnits: stock.lostUnits,
    avgCustomerWait: ratio(counts.customerWaitSum, counts.customers, 0),
    customerWaitP90: ratio(counts.customerWaitP90Weighted, counts.customers, 0),
    customerWaitP95: ratio(counts.customerWaitP95Weighted, counts.customers, 0),
    replenishmentOrders: item.orders,
    ...itemCosts(item, horizon),
    wip: item.wip.mean(horizon),
    flowTime: ratio(counts.flowTimeSum, counts.unitsMade, 0),
    forecastBias: ratio(counts.forecastErrorSum, counts.forecastBuckets, 0),
    forecastMAPE: ratio(counts.forecastAbsPctSum, counts.forecastDemandBuckets, 0),
    onTimeShare: ratio(counts.onTimeOrders, counts.customerOrders, 1),
    planChanges: planning.planChanges,
    pastDueReleases: planning.pastDueReleases,
    orderVariance: counts.orderVariance,
    demandVariance: counts.demandVariance,
    bullwhip: ratio(counts.orderVariance, counts.demandVariance, 0),
  };
}

type CostKpis = Pick<ItemKpis, 'holdingCost' | 'orderingCost' | 'setupCost' | 'backorderCost' | 'lostSaleCost' | 'purchaseCost'>;

/** An item's costs over the window up to `time`. */
function itemCosts(item: ItemRuntime, time: number): CostKpis {
  const { stock, spec } = item;
  return {
    holdingCost: spec.holdingCost * stock.onHandLevel.area(time),
    orderingCost: (spec.buy?.orderCost ?? spec.transfer?.orderCost ?? 0) * item.orders,
    setupCost: spec.make === null ? 0 : spec.make.setupCost * item.orders,
    backorderCost: spec.backorderCost * stock.backorderLevel.area(time),
    lostSaleCost: spec.lostSaleCost * stock.lostUnits,
    purchaseCost: spec.buy === null ? 0 : spec.buy.unitCost * item.unitsPurchased,
  };
}

function sumCosts(costs: CostKpis): number {
  return costs.holdingCost + costs.orderingCost + costs.setupCost + costs.backorderCost + costs.lostSaleCost + costs.purchaseCost;
}

function totalCost(items: Map<string, ItemRuntime>, time: number): number {
  let cost = 0;
  for (const item of items.values()) cost += sumCosts(itemCosts(item, time));
  return cost;
}

/** A machine's shares: of its open server time (all of it without a calendar), and the open share of all of it. */
function machineResult(machine: Machine, planned: MachineCounts, window: number): MachineKpis {
  const serverTime = machine.servers.length * window;
  const openTime = serverTime - machine.stateTime[CLOSED];
  const share = (state: number): number => (openTime > 0 ? machine.stateTime[state] / openTime : 0);
  return {
    openShare: serverTime > 0 ? openTime / serverTime : 0,
    utilization: share(BUSY),
    setupShare: share(SETUP),
    downShare: share(DOWN),
    starvedShare: share(STARVED),
    blockedShare: share(BLOCKED),
    idleShare: share(IDLE),
    unitsProduced: machine.unitsProduced,
    plannedLoad: ratio(planned.plannedLoadSum, planned.plannedBuckets, 0),
    overloadShare: ratio(planned.overloadedBuckets, planned.plannedBuckets, 0),
  };
}

/** Level recorders on every stock point, and cumulative totals sampled at fixed times from warm-up on. */
function startSeries(
  sim: Simulation,
  items: Map<string, ItemRuntime>,
  spec: PlantSpec,
  maxPoints: number,
  totals: () => { delivered: number; cost: number },
): { start(): void; finish(horizon: number): Omit<RunSeries, 'planning' | 'flows' | 'machines'> } {
  const { horizon, warmup } = spec.time;
  for (const { stock } of items.values()) {
    stock.onHandSeries = new StepSeriesRecorder(0, horizon, maxPoints);
    stock.backorderSeries = new StepSeriesRecorder(0, horizon, maxPoints);
    stock.onHandSeries.record(0, stock.onHand);
    stock.backorderSeries.record(0, 0);
  }
  const cumulative: RunSeries['cumulative'] = { t: [], cost: [], delivered: [], stockoutUnits: [] };
  const samples = Math.max(2, Math.min(maxPoints, 500));
  const step = (horizon - warmup) / (samples - 1);
  const sample = (): void => {
    const { delivered, cost } = totals();
    let stockoutUnits = 0;
    for (const { stock } of items.values()) stockoutUnits += stock.stockoutUnits;
    cumulative.t.push(sim.now);
    cumulative.cost.push(cost);
    cumulative.delivered.push(delivered);
    cumulative.stockoutUnits.push(stockoutUnits);
  };
  // The first sample is taken by `start()` once the window opens (after the warm-up reset).
  if (step > 0) for (let k = 1; k < samples; k++) sim.scheduleAt(k === samples - 1 ? horizon : warmup + k * step, sample);
  return {
    start: sample,
    finish(end) {
      const levels: RunSeries['items'] = {};
      for (const { name, stock } of items.values()) {
        levels[name] = { onHand: stock.onHandSeries!.finish(end), backorders: stock.backorderSeries!.finish(end) };
      }
      return { items: levels, cumulative };
    },
  };
}

/**
 * Every item's on-hand, backordered and in-production units, and the overall WIP, read at
 * `points` evenly spaced instants. One sampling event is pending at a time: hundreds of them
 * waiting in the calendar would deepen every push and pop of the heap.
 */
function sampleLevels(sim: Simulation, items: Map<string, ItemRuntime>, wip: TimeWeighted, horizon: number, points: number): LevelSamples {
  const levels: LevelSamples = { t: new Float64Array(points), onHand: {}, backorders: {}, wip: {}, totalWip: new Float64Array(points) };
  const runtimes = [...items.values()];
  const onHand = runtimes.map((item) => (levels.onHand[item.name] = new Float64Array(points)));
  const backorders = runtimes.map((item) => (levels.backorders[item.name] = new Float64Array(points)));
  const inProduction = runtimes.map((item) => (levels.wip[item.name] = new Float64Array(points)));
  let k = 0;
  const read = (): void => {
    levels.t[k] = sim.now;
    for (let i = 0; i < runtimes.length; i++) {
      onHand[i][k] = runtimes[i].stock.onHand;
      backorders[i][k] = runtimes[i].stock.backordered;
      inProduction[i][k] = runtimes[i].wip.level;
    }
    levels.totalWip[k] = wip.level;
    if (++k < points) sim.scheduleAt((k * horizon) / points, read);
  };
  sim.scheduleAt(0, read);
  return levels;
}
