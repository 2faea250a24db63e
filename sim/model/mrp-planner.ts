// MRP in the plant (DESIGN "Planning", the MRP bullet): at every planning run — time 0 and the
// start of every bucket — all MRP items are planned together in low-level-code order from the
// state of the plant: forecasts consumed by the customer orders known ahead, on hand less
// backorders and allocations (components promised to released parent orders), and open orders at the bucket they are expected in, overdue ones in bucket 1. A
// purchase is expected when its supplier confirmed it (its real lead time, drawn as it is
// placed, as an ERP holds a confirmed date); a production order when the plan said, released +
// the *planned* lead time, since MRP does not see the queue it will wait in. Releases due now
// become real orders; past-due lots go out at once, expedited: the plan expects each in the
// bucket it was needed in, whatever the supplier says. The kernel (planning/mrp.ts) does the arithmetic; this module only feeds it.
import { openShareOf } from './calendar.js';
import { MAX_RECORDED_ITEMS, MAX_RECORDED_RUNS } from './limits.js';
import type { MachineCounts, PlanningSeries, PlanRecord } from './results.js';
import type { Forecasting } from './forecasting.js';
import { bucketOf } from './forecasting.js';
import type { KnownOrderView } from './known-orders.js';
import { cumulativeLeadTimes, lowLevelCodes, planChanges, planRun, plannedLoad, type ItemPlan, type RunItem } from './planning/index.js';
import type { PlaceOrder } from './policies/driver.js';
import type { ItemSpec, PlantSpec, PolicySpec } from './spec.js';
import type { StockPoint } from './stock-point.js';

type MrpPolicy = Extract<PolicySpec, { type: 'mrp' }>;

/** An MRP item's stock and the way to place its orders. */
export interface MrpItemAccess {
  stock: StockPoint;
  place: PlaceOrder;
}

/** What an MRP item counts in a replication (over the runs inside the window). */
export interface MrpCounts {
  planChanges: number;
  pastDueReleases: number;
}

export const NO_MRP: Readonly<MrpCounts> = { planChanges: 0, pastDueReleases: 0 };
export const NO_PLANNED_LOAD: Readonly<MachineCounts> = { plannedBuckets: 0, plannedLoadSum: 0, overloadedBuckets: 0 };

export interface MrpPlanning {
  /** One planning run at the start of bucket `n` (time n · bucket). */
  run(n: number, now: number): void;
  itemCounts(item: string): MrpCounts;
  machineCounts(machine: string): MachineCounts;
  /** The runs recorded when asked for: each run's MRP records and planned loads. */
  history(): Pick<PlanningSeries, 'runs' | 'load' | 'truncated'>;
}

/** An order MRP placed, as its plan expects it: the bucket it is due in. */
interface OpenOrder {
  quantity: number;
  due: number;
}

interface ItemState {
  name: string;
  spec: ItemSpec;
  policy: MrpPolicy;
  access: MrpItemAccess;
  /** In the order placed; a production order's units arrive oldest order first. */
  open: Set<OpenOrder>;
  previous: number[] | null;
  /**
   * Buckets of successive plans compared for planChanges: those whose releases both plans derived
   * from requirements inside their horizon. A release needs its receipt in the horizon, and a
   * component's requirements come from its parents' releases, so the last (cumulative planned
   * lead time) buckets of a plan are cut short by the horizon, not changed by new information.
   */
  compared: number;
  counts: MrpCounts;
}

/** Float residue below this is no order. */
const TOLERANCE = 1e-9;

/** The MRP items of a plant, planned together; null when no item uses MRP. `record` keeps each run's records for charts. */
export function createMrpPlanning(
  spec: PlantSpec,
  access: ReadonlyMap<string, MrpItemAccess>,
  forecasting: Forecasting,
  known: KnownOrderView,
  record = false,
): MrpPlanning | null {
  const names = Object.keys(spec.items).filter((name) => spec.items[name].policy.type === 'mrp');
  if (names.length === 0) return null;
  const planned = Object.fromEntries(
    names.map((name) => [name, { leadTime: (spec.items[name].policy as MrpPolicy).leadTime, bom: takesFrom(spec.items[name]) }]),
  );
  const codes = lowLevelCodes(planned);
  const cumulative = cumulativeLeadTimes(planned);
  // Parents before components; ties keep the scenario's order (a stable sort).
  const states: ItemState[] = [...names]
    .sort((a, b) => codes[a] - codes[b])
    .map((name) => ({
      name,
      spec: spec.items[name],
      policy: spec.items[name].policy as MrpPolicy,
      access: access.get(name)!,
      open: new Set(),
      previous: null,
      compared: 0,
      counts: { ...NO_MRP },
    }));
  const { bucket, horizon, frozen } = spec.planning;
  for (const state of states) state.compared = Math.max(0, horizon - 1 - cumulative[state.name]);
  const loads = machineLoads(spec, states, bucket);
  const history: ReturnType<MrpPlanning['history']> = { runs: [], load: {}, truncated: states.length > MAX_RECORDED_ITEMS };
  for (const load of loads) history.load[load.machine] = { capacity: load.capacity, runs: [] };
  const recordRun = (now: number, plans: ReadonlyMap<string, ItemPlan>): void => {
    if (history.runs.length >= MAX_RECORDED_RUNS) {
      history.truncated = true;
      return;
    }
    const items: Record<string, PlanRecord> = {};
    for (const state of states.slice(0, MAX_RECORDED_ITEMS)) items[state.name] = recordOf(plans.get(state.name)!);
    history.runs.push({ time: now, items });
    for (const load of loads) history.load[load.machine].runs.push({ time: now, load: load.of(plans).load });
  };

  const inputOf = (state: ItemState, n: number, first: boolean): RunItem => {
    const { stock } = state.access;
    const independent = forecasting.forecast(state.name, horizon) ?? new Array<number>(horizon).fill(0);
    // Known orders consume the forecast of their bucket (forecast consumption): adding them would count them twice.
    const due = new Array<number>(horizon).fill(0);
    known.forEach(state.name, (order) => (due[clamp(bucketOf(order.due, bucket) - n, horizon)] += order.quantity));
    for (let t = 0; t < horizon; t++) independent[t] = Math.max(independent[t], due[t]);
    const { policy } = state;
    const bom = Object.fromEntries(Object.entries(takesFrom(state.spec)).filter(([component]) => Object.hasOwn(planned, component)));
    return {
      name: state.name,
      independent,
      bom,
      // Units already promised to released parent orders are not available (allocations).
      onHand: stock.onHand - stock.backordered - stock.allocated,
      scheduled: scheduledReceipts(state, n, horizon),
      safetyStock: policy.safetyStock,
      leadTime: policy.leadTime,
      lotSizing: policy.lotSizing,
      minimum: policy.minimum,
      multiple: policy.multiple > 0 ? policy.multiple : undefined,
      // The first run has no earlier plan to keep: nothing is firm, and only lots needed inside the lead time are past due.
      frozen: first ? 0 : Math.min(frozen, horizon),
      firm: first || state.previous === null ? [] : state.previous.slice(1, 1 + Math.min(frozen, horizon)),
    };
  };

  // A purchase's receipt is expected when the supplier confirmed it, a production order's when the plan said; a
  // past-due lot is expedited, so the plan expects it where it is needed (it would order it again each run otherwise).
  const place = (state: ItemState, quantity: number, due: number, expedited: boolean): void => {
    const order: OpenOrder = { quantity, due };
    state.open.add(order);
    const confirmed = state.access.place(quantity, () => state.open.delete(order));
    if (confirmed !== null && !expedited) order.due = bucketOf(confirmed, bucket);
  };

  return {
    run(n, now) {
      const first = n === 0;
      const plans = planRun(states.map((state) => inputOf(state, n, first)));
      // The first run is set-up (nothing was ordered before it); the others count from the warm-up on.
      const counted = !first && now >= spec.time.warmup;
      for (const state of states) {
        const plan = plans.get(state.name)!;
        if (counted) {
          if (state.previous !== null) state.counts.planChanges += planChanges({ a: state.previous }, { a: plan.plannedReleases }, state.compared, 1).a;
          state.counts.pastDueReleases += plan.pastDueOrders;
        }
        if (plan.plannedReleases[0] > TOLERANCE) place(state, plan.plannedReleases[0], n + state.policy.leadTime, false);
        for (const lot of plan.pastDueLots) place(state, lot.quantity, n + lot.bucket, true);
        state.previous = plan.plannedReleases;
      }
      if (counted) for (const load of loads) load.add(plans);
      if (record) recordRun(now, plans);
    },
    itemCounts: (item) => states.find((state) => state.name === item)?.counts ?? { ...NO_MRP },
    machineCounts: (machine) => loads.find((l) => l.machine === machine)?.counts ?? { ...NO_PLANNED_LOAD },
    history: () => history,
  };
}

/**
 * What one unit of an item takes from other stock points: its BOM components, or one unit of its
 * transfer's source. A source's gross requirements then include the planned transfers of the stock
 * points it feeds (distribution requirements planning, DRP), exploded like a BOM.
 */
export function takesFrom(item: ItemSpec): Readonly<Record<string, number>> {
  return item.transfer !== null ? { [item.transfer.from]: 1 } : (item.make?.bom ?? {});
}

function clamp(t: number, horizon: number): number {
  return Math.min(horizon - 1, Math.max(0, t));
}

/**
 * The open orders' outstanding units at the bucket each is expected in, relative to run n
 * (overdue ones in bucket 1). Units already in stock from a production order still running are
 * the oldest orders' (a machine works its queue first in, first out).
 */
function scheduledReceipts(state: ItemState, n: number, horizon: number): number[] {
  const scheduled = new Array<number>(horizon).fill(0);
  let ordered = 0;
  for (const order of state.open) ordered += order.quantity;
  let delivered = Math.max(0, ordered - state.access.stock.onOrder);
  for (const order of state.open) {
    const already = Math.min(delivered, order.quantity);
    delivered -= already;
    scheduled[clamp(order.due - n, horizon)] += order.quantity - already;
  }
  return scheduled;
}

interface MachineLoad {
  machine: string;
  /** Open server time per bucket: servers × bucket × the share of the run its calendar has it open (1 without one). */
  capacity: number;
  counts: MachineCounts;
  /** The planned load of one run's plans, per bucket. */
  of(plans: ReadonlyMap<string, ItemPlan>): { load: number[]; overloaded: boolean[] };
  /** Counts one run's planned load into the KPIs. */
  add(plans: ReadonlyMap<string, ItemPlan>): void;
}

function recordOf(plan: ItemPlan): PlanRecord {
  const { gross, scheduled, projected, net, plannedReceipts, plannedReleases, pastDue } = plan;
  return { gross, scheduled, projected, net, plannedReceipts, plannedReleases, pastDue };
}

/**
 * Per machine that makes MRP items: the planned load of each run against its open server time per
 * bucket. With a calendar that is the mean over the run (exact for buckets of whole weeks, holidays
 * aside): MRP plans in buckets and does not see when in a bucket the machine is open.
 */
function machineLoads(spec: PlantSpec, states: ItemState[], bucket: number): MachineLoad[] {
  const byMachine = new Map<string, ItemState[]>();
  for (const state of states) {
    const machine = state.spec.make?.machine;
    if (machine !== undefined) byMachine.set(machine, [...(byMachine.get(machine) ?? []), state]);
  }
  return [...byMachine].map(([machine, made]) => {
    const counts = { ...NO_PLANNED_LOAD };
    const capacity = spec.machines[machine].servers * bucket * openShareOf(spec.machines[machine].calendar, 0, spec.time.horizon);
    const of = (plans: ReadonlyMap<string, ItemPlan>) =>
      plannedLoad(
        made.map((state) => {
          const plan = plans.get(state.name)!;
          const releases = [...plan.plannedReleases];
          // Past-due lots go out now: they load the first bucket.
          releases[0] += plan.pastDue;
          return { releases, processTime: state.spec.make!.processTime.mean, setupTime: state.spec.make!.setupTime.mean };
        }),
        capacity,
      );
    return {
      machine,
      capacity,
      counts,
      of,
      add(plans) {
        const { load, overloaded } = of(plans);
        counts.plannedBuckets += load.length;
        for (let t = 0; t < load.length; t++) {
          counts.plannedLoadSum += load[t] / capacity;
          if (overloaded[t]) counts.overloadedBuckets++;
        }
      },
    };
  });
}
