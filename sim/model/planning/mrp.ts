// One MRP planning run as pure functions over time buckets (Orlicky's record as taught in Nahmias
// ch. 7 and Hopp & Spearman ch. 3; the exact case is MRP-01 in validation/planning-cases.md).
// Arrays are per bucket: index 0 is bucket 1 (the bucket that starts now), index H − 1 bucket H.
// Quantities are not rounded: the model's quantities are continuous (forecasts are fractional).
import { parameterChecks } from './checks.js';

const { finite, nonNegative, positive, wholeNumber, positiveInteger } = parameterChecks('mrp');

/**
 * How net requirements become lots. `eoq` carries the quantity the caller resolved (from demand
 * rate and costs), as the kernel knows neither. A fixed lot orders the fewest multiples of Q that
 * cover the net requirement (Q as a batch or container size); an EOQ lot orders max(EOQ, net).
 */
export type LotSizing = 'lotForLot' | { fixed: number } | { periods: number } | { eoq: number };

export interface ItemPlanInput {
  /** Gross requirements per bucket: forecast + parents' releases × BOM quantity + known customer orders. */
  gross: readonly number[];
  /** On hand − backorders at planning time; may be negative. */
  onHand: number;
  /** Open orders' receipts at their due bucket (overdue ones in bucket 1); missing buckets are 0. */
  scheduled?: readonly number[];
  safetyStock?: number;
  /** The planner's lead time in whole buckets: an order released in bucket w arrives at the start of w + leadTime. */
  leadTime: number;
  lotSizing: LotSizing;
  /** Every new lot is at least `minimum`, then rounded up to a multiple of `multiple`. */
  minimum?: number;
  multiple?: number;
  /**
   * Buckets 1..frozen are the frozen zone. The plan is regenerated from scratch, but within the
   * zone it keeps exactly the `firm` releases (the previous plan's releases for these buckets,
   * shifted by one run) and creates no new release there. A new lot whose release would fall in
   * the zone or before bucket 1 is past due: released at once and counted as an exception, its
   * receipt staying where it is needed (the planner expedites). Frozen 0 is MRP-01's record.
   * With no previous plan (the first run) there is nothing firm, so every lot needed inside the
   * zone is past due: pass frozen 0 there unless that is meant.
   */
  frozen?: number;
  /** Firm releases per bucket 1..frozen, kept as given (no lot sizing); a release outside the zone is refused. */
  firm?: readonly number[];
}

/** The MRP record of one item, per bucket, plus the past-due releases (not in `plannedReleases`). */
export interface ItemPlan {
  gross: number[];
  scheduled: number[];
  /** Projected on hand at the end of each bucket. */
  projected: number[];
  /** max(0, gross + safety stock − (projected on hand at t − 1 + scheduled and firm receipts at t)). */
  net: number[];
  /** New lots and firm orders, by the bucket they arrive in. */
  plannedReceipts: number[];
  /** New lots and firm orders, by the bucket they are released in; bucket 1's are released now. */
  plannedReleases: number[];
  /** Total quantity of the past-due lots, to release at once. */
  pastDue: number;
  /** How many lots were past due (the exceptions). */
  pastDueOrders: number;
  /** The past-due lots one by one: the bucket each is needed in (its receipt, 0-based) and its quantity. */
  pastDueLots: { bucket: number; quantity: number }[];
}

/** Float residue below this is no requirement (0.1 + 0.2 − 0.3 must not order a lot). */
const TOLERANCE = 1e-9;

/** Plans one item for one run: netting, lot sizing and lead-time offset, bucket by bucket. */
export function planItem(input: ItemPlanInput): ItemPlan {
  const horizon = input.gross.length;
  const gross = input.gross.map((g, i) => nonNegative(`gross[${i}]`, g));
  const scheduled = perBucket('scheduled', input.scheduled ?? [], horizon);
  const safetyStock = nonNegative('safetyStock', input.safetyStock ?? 0);
  const leadTime = wholeNumber('leadTime', input.leadTime);
  const frozen = wholeNumber('frozen', input.frozen ?? 0);
  const sizeLot = lotSizer(input);

  const plannedReceipts = new Array<number>(horizon).fill(0);
  const plannedReleases = new Array<number>(horizon).fill(0);
  const firmReceipts = new Array<number>(horizon).fill(0);
  (input.firm ?? []).forEach((quantity, i) => {
    if (nonNegative(`firm[${i}]`, quantity) === 0) return;
    if (i >= frozen) throw new RangeError(`mrp: firm[${i}] (bucket ${i + 1}) lies outside the frozen zone 1..${frozen}`);
    plannedReleases[i] += quantity;
    if (i + leadTime < horizon) firmReceipts[i + leadTime] += quantity;
  });
  // Firm orders net like scheduled receipts; their receipts are known before any lot is sized.
  const supply = scheduled.map((s, t) => s + firmReceipts[t]);

  const projected = new Array<number>(horizon).fill(0);
  const net = new Array<number>(horizon).fill(0);
  let pastDue = 0;
  let pastDueOrders = 0;
  const pastDueLots: ItemPlan['pastDueLots'] = [];
  let onHand = finite('onHand', input.onHand);
  for (let t = 0; t < horizon; t++) {
    const shortfall = gross[t] + safetyStock - (onHand + supply[t]);
    let lot = 0;
    if (shortfall > TOLERANCE) {
      net[t] = shortfall;
      lot = sizeLot(shortfall, (periods) => cumulativeShortfall(gross, supply, t, periods, safetyStock - onHand));
      const release = t - leadTime;
      if (release < frozen) {
        pastDue += lot;
        pastDueOrders++;
        pastDueLots.push({ bucket: t, quantity: lot });
      } else plannedReleases[release] += lot;
    }
    plannedReceipts[t] = firmReceipts[t] + lot;
    projected[t] = onHand + supply[t] + lot - gross[t];
    onHand = projected[t];
  }
  return { gross, scheduled, projected, net, plannedReceipts, plannedReleases, pastDue, pastDueOrders, pastDueLots };
}

/** One item of a planning run: its own (independent) gross requirements and the rest of its record's inputs. */
export interface RunItem extends Omit<ItemPlanInput, 'gross'> {
  name: string;
  /** Forecast and known customer orders per bucket; parents' requirements are added by the run. */
  independent: readonly number[];
  /** Components per unit made: this item's releases become their gross requirements. */
  bom?: Readonly<Record<string, number>>;
}

/**
 * One planning run over all MRP items, in low-level-code order (`items` must be in it: every
 * parent before its components): each item's gross requirements are its independent ones plus
 * every planned parent's releases × BOM quantity (past-due releases in bucket 1, as they go out
 * now). Components outside `items` are not planned (their own policies replenish them).
 */
export function planRun(items: readonly RunItem[]): Map<string, ItemPlan> {
  const dependent = new Map<string, number[]>();
  const plans = new Map<string, ItemPlan>();
  for (const item of items) {
    const extra = dependent.get(item.name);
    const gross = extra === undefined ? item.independent : item.independent.map((g, t) => g + (extra[t] ?? 0));
    const plan = planItem({ ...item, gross });
    plans.set(item.name, plan);
    for (const [component, perUnit] of Object.entries(item.bom ?? {})) {
      let needs = dependent.get(component);
      if (needs === undefined) dependent.set(component, (needs = new Array<number>(gross.length).fill(0)));
      plan.plannedReleases.forEach((quantity, t) => (needs[t] += quantity * perUnit));
      needs[0] += plan.pastDue * perUnit;
    }
  }
  return plans;
}

// POQ: a lot arriving at `start` that lasts `periods` buckets must cover the largest cumulative
// shortfall over them (a scheduled receipt late in the window cannot help an earlier bucket).
function cumulativeShortfall(gross: number[], supply: number[], start: number, periods: number, shortBefore: number): number {
  let short = shortBefore;
  let largest = 0;
  for (let k = start; k < Math.min(start + periods, gross.length); k++) {
    short += gross[k] - supply[k];
    largest = Math.max(largest, short);
  }
  return largest;
}

type ShortfallOver = (periods: number) => number;

/** The lot for a net requirement: the rule's quantity, then at least `minimum`, then a multiple of `multiple`. */
function lotSizer(input: ItemPlanInput): (net: number, shortfallOver: ShortfallOver) => number {
  const rule = input.lotSizing;
  if (rule !== 'lotForLot') {
    if ('fixed' in rule) positive('lotSizing.fixed', rule.fixed);
    else if ('eoq' in rule) positive('lotSizing.eoq', rule.eoq);
    else if ('periods' in rule) positiveInteger('lotSizing.periods', rule.periods);
    else throw new RangeError(`mrp: lotSizing must be lotForLot, { fixed }, { periods } or { eoq }, got ${JSON.stringify(rule)}`);
  }
  const minimum = nonNegative('minimum', input.minimum ?? 0);
  const multiple = input.multiple === undefined ? 0 : positive('multiple', input.multiple);
  return (net, shortfallOver) => {
    const lot = Math.max(minimum, ruleQuantity(rule, net, shortfallOver));
    return multiple > 0 ? roundUpTo(lot, multiple) : lot;
  };
}

function ruleQuantity(rule: LotSizing, net: number, shortfallOver: ShortfallOver): number {
  if (rule === 'lotForLot') return net;
  if ('fixed' in rule) return roundUpTo(net, rule.fixed);
  if ('eoq' in rule) return Math.max(rule.eoq, net);
  return shortfallOver(rule.periods);
}

/** The smallest positive multiple of `step` ≥ `quantity` > 0, forgiving float residue (300.0000000001 stays 300). */
function roundUpTo(quantity: number, step: number): number {
  return Math.max(1, Math.ceil(quantity / step - TOLERANCE)) * step;
}

/**
 * Low-level codes: the deepest level at which each item appears in any BOM (end items 0).
 * Kahn's topological order, so linear in items + BOM lines: an item is placed once all its
 * parents are, and then its deepest parent is known. Components without an entry of their own
 * (bought items) are included.
 */
export function lowLevelCodes(items: Readonly<Record<string, { bom?: Readonly<Record<string, number>> }>>): Record<string, number> {
  const children = (name: string): string[] => (Object.hasOwn(items, name) ? Object.keys(items[name].bom ?? {}) : []);
  const parentsLeft = new Map<string, number>();
  for (const name of Object.keys(items)) if (!parentsLeft.has(name)) parentsLeft.set(name, 0);
  for (const name of Object.keys(items)) for (const child of children(name)) parentsLeft.set(child, (parentsLeft.get(child) ?? 0) + 1);

  const code = new Map<string, number>();
  const ready = [...parentsLeft].filter(([, n]) => n === 0).map(([name]) => name);
  for (const name of ready) code.set(name, 0);
  for (let head = 0; head < ready.length; head++) {
    const parent = ready[head];
    for (const child of children(parent)) {
      code.set(child, Math.max(code.get(child) ?? 0, code.get(parent)! + 1));
      const left = parentsLeft.get(child)! - 1;
      parentsLeft.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  if (ready.length < parentsLeft.size) {
    const stuck = [...parentsLeft].filter(([, n]) => n > 0).map(([name]) => name);
    throw new RangeError(`mrp: the bills of materials form a cycle through ${stuck.join(', ')}`);
  }
  return Object.fromEntries([...parentsLeft.keys()].map((name) => [name, code.get(name)!]));
}

/**
 * Each item's cumulative planned lead time, in buckets: its own plus the longest cumulative lead
 * time of its parents (items whose BOM holds it, among `items`). A plan's last (cumulative lead
 * time) buckets are cut short by its horizon: their requirements reach the item only as the
 * horizon rolls on, so a horizon shorter than cumulative lead time + frozen zone + 1 turns them
 * into past-due releases. Assumes no cycle (lowLevelCodes refuses one).
 */
export function cumulativeLeadTimes(items: Readonly<Record<string, { leadTime: number; bom?: Readonly<Record<string, number>> }>>): Record<string, number> {
  const codes = lowLevelCodes(items);
  const order = Object.keys(items).sort((a, b) => codes[a] - codes[b]);
  const cumulative: Record<string, number> = {};
  for (const name of order) cumulative[name] = wholeNumber(`${name}.leadTime`, items[name].leadTime);
  // Parents come first in low-level-code order, so a parent's total is final before it raises its components'.
  for (const name of order) {
    for (const component of Object.keys(items[name].bom ?? {})) {
      if (Object.hasOwn(items, component)) cumulative[component] = Math.max(cumulative[component], cumulative[name] + items[component].leadTime);
    }
  }
  return cumulative;
}

/** One item a machine makes: its planned production releases per bucket (past due added to bucket 1). */
export interface MachineLoadItem {
  releases: readonly number[];
  processTime: number;
  /** Time per order; each bucket with a release is one order. */
  setupTime?: number;
}

/** A machine's planned load per bucket (releases × process time + setups) and where it exceeds `capacity` (time per bucket). */
export function plannedLoad(items: readonly MachineLoadItem[], capacity: number): { load: number[]; overloaded: boolean[] } {
  nonNegative('capacity', capacity);
  const horizon = Math.max(0, ...items.map((item) => item.releases.length));
  const load = new Array<number>(horizon).fill(0);
  items.forEach((item, i) => {
    const processTime = nonNegative(`items[${i}].processTime`, item.processTime);
    const setupTime = nonNegative(`items[${i}].setupTime`, item.setupTime ?? 0);
    item.releases.forEach((quantity, t) => {
      if (nonNegative(`items[${i}].releases[${t}]`, quantity) > 0) load[t] += quantity * processTime + setupTime;
    });
  });
  return { load, overloaded: load.map((l) => l > capacity * (1 + TOLERANCE)) };
}

/**
 * Nervousness between two successive runs, per item: the number of buckets whose planned release
 * differs, comparing bucket k of `next` with bucket k + `shift` of `previous` (the same calendar
 * bucket; `shift` = buckets between the runs) for k = 1..window. A changed quantity, an added
 * order and a removed one count once each. The previous plan's buckets before the shift are
 * gone (released), and past-due lots are counted as exceptions instead. Pick window ≤ horizon −
 * shift: beyond either plan's arrays releases count as 0, so the horizon's new bucket would read
 * as added. Items missing from one plan have no releases there.
 */
export function planChanges(
  previous: Readonly<Record<string, readonly number[]>>,
  next: Readonly<Record<string, readonly number[]>>,
  window: number,
  shift = 1,
): Record<string, number> {
  wholeNumber('window', window);
  wholeNumber('shift', shift);
  const changes: Record<string, number> = {};
  for (const item of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    const before = previous[item] ?? [];
    const after = next[item] ?? [];
    let count = 0;
    for (let k = 0; k < window; k++) {
      const a = before[k + shift] ?? 0;
      const b = after[k] ?? 0;
      if (Math.abs(a - b) > TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b))) count++;
    }
    changes[item] = count;
  }
  return changes;
}

function perBucket(parameter: string, values: readonly number[], horizon: number): number[] {
  if (values.length > horizon) throw new RangeError(`mrp: ${parameter} has ${values.length} buckets, more than the horizon of ${horizon}`);
  return Array.from({ length: horizon }, (_, i) => nonNegative(`${parameter}[${i}]`, values[i] ?? 0));
}
