// Every warning text of the experiment layer, written once (STYLE.md: messages in one place).
// Each says what was found, with the figures, and what to do.
import type { PolicySpec } from '../model/index.js';

const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString());

/** One item's share of a machine's load, as the load check found it (times per unit made). */
export interface LoadPart {
  item: string;
  /** Units per time unit the machine must make. */
  rate: number;
  /** Mean process time, breakdowns included. */
  processing: number;
  /** Mean setup time over the mean units per production order. */
  setup: number;
  /** Time a unit holds the server, starved, waiting for a make-to-order component. */
  waits: { component: string; time: number }[];
}

/** A machine's load as the load check found it: the share of its server time the demand requires. */
export interface MachineLoad {
  machine: string;
  load: number;
  servers: number;
  breakdowns: boolean;
  /** Every item on it is pulled by kanban cards, which cap its queue: a shortfall, not a growing queue. */
  capped: boolean;
  parts: LoadPart[];
  /** The scenario's time unit (`day`): rates read "20 a day". */
  unit: string;
  /** The share of the run its calendar has it open (1 without a calendar): the load is of the open time. */
  openShare: number;
}

// "a day", "an hour": rates in the scenario's own time unit.
function perUnit(unit: string): string {
  return `${/^[aeiou]|^hour/i.test(unit) ? 'an' : 'a'} ${unit}`;
}

// 1.1 → 110%; just under full load keeps a decimal, so 99.6% never reads as 100%.
function loadPct(x: number): string {
  const p = x * 100;
  return p < 100 && Math.round(p) >= 100 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

// "widget 1 an hour × (0.6 processing + 0.5 waiting for made-to-order part)": the sum the load is.
function loadText({ machine, load, servers, breakdowns, parts, unit, openShare }: MachineLoad): string {
  const terms = parts.map((p) => {
    const time = [`${fmt(p.processing)} processing${breakdowns ? ' with breakdowns' : ''}`];
    if (p.setup > 0) time.push(`${fmt(p.setup)} setup`);
    for (const w of p.waits) time.push(`${fmt(w.time)} waiting for made-to-order ${w.component}`);
    return `${p.item} ${fmt(p.rate)} ${perUnit(unit)} × (${time.join(' + ')})`;
  });
  const time = openShare < 1 ? `open time (its calendar opens it ${loadPct(openShare)} of the time)` : 'time';
  return `Machine ${machine} needs ${loadPct(load)} of its ${time}: ${terms.join('; ')}${servers > 1 ? `, over ${servers} servers` : ''}.`;
}

// Kanban cards cap the open orders, so the queue stays bounded and the shortfall shows downstream.
function overloadText(capped: boolean): string {
  return capped
    ? " It cannot make all that is asked: its kanban cards keep its queue short, so the shortfall shows as backorders or lost sales of the items it feeds, and throughput is the machine's, not the demand's."
    : ' It cannot keep up: its queue and the backorders grow through the run (or sales are lost), so the averages depend on the horizon, not on the plan.';
}

// What lowers the load, naming only the remedies that apply to these parts.
function loadAdvice(parts: LoadPart[], openShare: number): string {
  const waitedFor = [...new Set(parts.flatMap((p) => p.waits.map((w) => w.component)))];
  const setups = parts.some((p) => p.setup > 0) ? ', make larger lots (fewer setups)' : '';
  const stock = waitedFor.length > 0 ? `, keep ${waitedFor.join(' and ')} in stock rather than make to order` : '';
  const starved = waitedFor.length > 0 ? ' Its utilization understates this: a unit waiting for a made-to-order component holds the server, starved.' : '';
  const hours = openShare < 1 ? ', open it longer (its calendar)' : '';
  return `${starved} Add servers${hours}, cut process times${setups}${stock}, or lower the demand.`;
}

// The highest position a policy aims at, as its fields say it.
function aimText(p: PolicySpec): string {
  switch (p.type) {
    case 'sQ':
      return `reorderPoint ${fmt(p.reorderPoint)} + quantity ${fmt(p.quantity)}`;
    case 'sS':
    case 'RS':
      return `orderUpTo ${fmt(p.orderUpTo)}`;
    case 'baseStock':
      return `level ${fmt(p.level)}`;
    case 'kanban':
      return `${p.cards} cards × ${fmt(p.containerSize)}`;
    case 'batch':
      return `lotSize ${fmt(p.lotSize)}`;
    default:
      return p.type;
  }
}

// A half-width as a share of its mean: ±46%, ±5.7%.
const sharePct = (share: number): string => `${100 * share >= 10 ? Math.round(100 * share) : Number((100 * share).toPrecision(2))}%`;
const moreKpis = (n: number): string => (n === 0 ? '' : `; ${n} more KPI${n === 1 ? ' is' : 's are'} wider than ${n === 1 ? 'its' : 'their'} target`);
type MeasuredWindow = { warmup: number; horizon: number; unit: string };
const windowText = ({ warmup, horizon, unit }: MeasuredWindow): string => `${fmt(warmup)} to ${fmt(horizon)} ${unit}`;

export const WARN = {
  fewOrders: (item: string, customers: number, replications: number) =>
    `${item}'s fill rate and customer wait rest on only ${customers} customer order${customers === 1 ? '' : 's'} over ${replications} replication${replications === 1 ? '' : 's'}: too few to tell its service apart from luck, whatever the interval says. Lengthen time.horizon or run more replications.`,
  censoredWaits: (item: string, waiting: number, customers: number) =>
    `${waiting} of ${customers} customer orders of ${item} were still waiting at the end of the run; their waits are counted up to the horizon, so avgCustomerWait is a lower bound. Lengthen time.horizon.`,
  warmupTooShort: (warmup: number, suggested: number, unit: string) =>
    `The warm-up (${warmup} ${unit}) looks too short: levels settle after about ${suggested} ${unit} (MSER); consider time.warmup >= ${suggested}.`,
  tooFewReplicationsRelative: (kpi: string, mean: number, halfWidth: number, target: number, needed: number, have: number, others: number) =>
    `${kpi} is ±${sharePct(halfWidth / Math.abs(mean))} (${fmt(mean)} ± ${fmt(halfWidth)}); about ${needed} replications would bring it to ±${sharePct(target)} (have ${have}; set run.replications)${moreKpis(others)}.`,
  tooFewReplicationsAbsolute: (kpi: string, mean: number, halfWidth: number, target: number, needed: number, have: number, others: number) =>
    `${kpi} is ${fmt(mean)} ± ${fmt(halfWidth)}; about ${needed} replications would bring it to ± ${fmt(target)} (have ${have}; set run.replications)${moreKpis(others)}.`,
  oneReplication: () =>
    'With one replication no confidence interval can be computed and no difference between strategies can be called significant; set run.replications to 10 or more.',
  growingBacklog: (item: string, from: number, to: number, time: MeasuredWindow) =>
    `The backlog of ${item} grows from ${fmt(from)} to ${fmt(to)} units between the first and the last third of the measured window (${windowText(time)}), so its average is not a steady-state value and will grow with the horizon: the plant cannot keep up with the demand (or has not settled). Add capacity or stock, or lengthen time.warmup if it is a start-up effect.`,
  growingWip: (item: string | null, from: number, to: number, time: MeasuredWindow) =>
    `${item === null ? 'The work in process' : `The work in process of ${item}`} grows from ${fmt(from)} to ${fmt(to)} units between the first and the last third of the measured window (${windowText(time)}), so its average is not a steady-state value and will grow with the horizon: production cannot keep up (or has not settled). Add capacity or lower the load, or lengthen time.warmup if it is a start-up effect.`,
  unstableLoad: (m: MachineLoad) => `${loadText(m)}${overloadText(m.capped)}${loadAdvice(m.parts, m.openShare)}`,
  highLoad: (m: MachineLoad) =>
    `${loadText(m)} So near full load its queue is long and swings widely: averages settle slowly and differ between replications, so use a long horizon and warm-up, or add capacity.`,
  unstableLoop: (item: string, cards: number, size: number, lead: number, capacity: number, demand: number, cardsNeeded: number, unit: string) =>
    `The kanban loop of ${item} has at most ${cards} card${cards === 1 ? '' : 's'} × ${fmt(size)} = ${fmt(cards * size)} units on order; with a replenishment lead time of ${fmt(lead)} (queueing not counted) it delivers at most ${fmt(capacity)} ${perUnit(unit)}, below the demand of ${fmt(demand)}. Backorders grow through the run (or sales are lost); use at least ${cardsNeeded} cards or larger containers.`,
  pushBelowDemand: (item: string, policy: Extract<PolicySpec, { type: 'batch' | 'continuous' }>, rate: number, demand: number, unit: string) =>
    policy.type === 'batch'
      ? `${item}'s batch policy releases ${fmt(policy.lotSize)} every ${fmt(policy.every)}, ${fmt(rate)} ${perUnit(unit)}, below its demand of ${fmt(demand)}: push production never catches up, so backorders grow through the run (or sales are lost). Raise lotSize to at least ${fmt(Math.ceil(demand * policy.every))} or release more often.`
      : `${item}'s continuous policy releases ${fmt(rate)} ${perUnit(unit)}, below its demand of ${fmt(demand)}: push production never catches up, so backorders grow through the run (or sales are lost). Raise the rate to at least ${fmt(demand)}.`,
  historyReplayed: (item: string) =>
    `${item}'s order history is replayed as is in every replication: the intervals leave out demand uncertainty (they show only the plant's own randomness). Add resample: { block: 7 } to the demand line to draw each replication's demand from blocks of the history.`,
  shortPlanningHorizon: (p: { item: string; cumulative: number; periods: number; reach: number; horizon: number; frozen: number }) =>
    `${p.item}'s cumulative planned lead time is ${p.cumulative} bucket${p.cumulative === 1 ? '' : 's'}${p.periods > 1 ? `, and its lots cover ${p.periods} buckets` : ''}; with a frozen zone of ${p.frozen}, a plan needs at least ${p.reach} buckets to see a requirement before it must be released, but planning.horizon is ${p.horizon}. Requirements entering at the end of the horizon are released past due in every run (perfect forecast or not), and may arrive late. Set planning.horizon to ${p.reach} or more.`,
  lostMakeToOrder: (item: string) =>
    `${item} is made to order with unmet: lost. A customer order that finds no stock is lost, and make-to-order keeps none and makes only what a demand took, so nearly every order is lost and nothing is made for it. Use unmet: backorder (customers wait for their order) or a policy that keeps stock.`,
  purchaseAboveCapacity: (item: string, policy: PolicySpec, target: number, capacity: number) =>
    `${item}'s policy can lift its stock to ${fmt(target)} (${aimText(policy)}), above its capacity of ${fmt(capacity)}; purchases are received even when storage is full, so the limit is exceeded. Bring the policy to ${fmt(capacity)} or less, or raise capacity.`,
  productionBlocks: (item: string, machine: string, policy: PolicySpec, target: number, capacity: number) =>
    `${item}'s policy aims at ${fmt(target)} units (${aimText(policy)}), above its capacity of ${fmt(capacity)}: machine ${machine} will block with a finished unit, holding its server, until there is room (blockedShare). Bring the policy to ${fmt(capacity)} or less, or raise capacity.`,
  makeToOrderDeadlock: (parent: string, component: string, machine: string, servers: number) =>
    `${component} is made to order and a unit of ${parent} waits for it while holding a server of machine ${machine}, which the ${component} order (or one it waits for) needs too: ${servers === 1 ? `with 1 server the machine stops at the first unit of ${parent} (deadlock)` : `the machine stops once all ${servers} servers hold a waiting unit of ${parent} (deadlock)`}. Keep ${component} in stock or make it on another machine.`,
  setupPerUnit: (item: string, parents: string[], setupTime: number, setupCost: number) =>
    `${item} is made to order and used by ${parents.join(' and ')}: each unit of ${parents.join(' or ')} that starts orders its own ${item}, and each such order pays a setup (time ${fmt(setupTime)}, cost ${fmt(setupCost)}), one setup per unit. Keep ${item} in stock (baseStock, kanban, sQ) or remove its setup.`,
  traceEndsEarly: (item: string, last: number, horizon: number, longestGap: number) =>
    `The demand trace of ${item} ends at ${fmt(last)}, ${fmt(horizon - last)} before the horizon ${fmt(horizon)}, longer than any pause between its orders (at most ${fmt(longestGap)}): no demand after it, so the window's averages mix demand and none. Set time.horizon to ${fmt(Math.ceil(last))} or extend the trace.`,
  traceStartsLate: (item: string, first: number, warmup: number, longestGap: number | null) =>
    `The demand trace of ${item} starts at ${fmt(first)}, ${fmt(first - warmup)} after the warm-up ends at ${fmt(warmup)}${longestGap === null ? ', beyond the horizon' : `, longer than any pause between its orders (at most ${fmt(longestGap)})`}: the window opens without demand, so its averages mix demand and none. Set time.warmup to ${fmt(Math.floor(first))} or shift the trace's times.`,
  fmt,
};
