// The scenario format of DESIGN.md, defined once: the TypeScript types and the JSON Schema
// (`sawtooth schema`, scenarios/schema.json) both come from this zod schema.
import { z } from 'zod';
import { forecast, planning } from './schema-planning.js';
import { DEFAULT_MAX_EVENTS, MAX_EVENTS, MAX_REPLICATIONS, MAX_SERVERS } from '../model/index.js';
import { toDistribution } from './distributions.js';
import { EXPECT, MSG } from './messages.js';
import { above0, atLeast0, cost, gap, instant, named, runLength, strict, warmupLength, wholeAtLeast1, whenValid } from './schema-helpers.js';
import { distribution, positiveMean, type DistributionSpec } from './schema-distribution.js';
import { policy, type PolicyDoc } from './schema-policy.js';

/** Units per customer order when a demand stream gives no `quantity`. */
export const DEFAULT_DEMAND_QUANTITY = 1;

const time = strict({
  unit: z
    .string()
    .min(1)
    .default('day')
    .meta({ description: 'The time unit of every time, rate and cost per time unit in the file, such as day or hour; default day.' }),
  horizon: runLength().meta({ description: 'Simulated time of one replication, in time units.' }),
  warmup: warmupLength()
    .default(0)
    .meta({ description: 'Time at which every statistic is reset, in time units, so results cover the window from warmup to horizon; default 0.' }),
  bucket: gap().default(1).meta({
    description:
      'Length of the buckets over which orders and demand are summed for their variances and the bullwhip ratio (orderVariance, demandVariance, bullwhip), in time units; default 1.',
  }),
})
  .superRefine((t, ctx) => {
    if (t.warmup >= t.horizon) {
      ctx.addIssue({ code: 'custom', path: ['warmup'], message: MSG.warmupBelowHorizon(t.horizon, t.warmup), input: t.warmup });
    }
  }, whenValid)
  .meta({ description: 'The clock: its unit, the length of a replication and its warm-up.' });

const run = strict({
  replications: wholeAtLeast1(MAX_REPLICATIONS, EXPECT.replications)
    .default(10)
    .meta({ description: 'Independent replications of every strategy, from which means and confidence intervals are computed; default 10.' }),
  seed: z
    .union([z.int(), z.string()], { error: () => EXPECT.seed })
    .default(1)
    .meta({ description: 'Master seed: replication k of every strategy draws the same random numbers from it (common random numbers); default 1.' }),
  // Not filled in here, so a run object that does not set it stays as written; the model fills DEFAULT_MAX_EVENTS.
  maxEvents: wholeAtLeast1(MAX_EVENTS, EXPECT.maxEvents)
    .optional()
    .meta({
      default: DEFAULT_MAX_EVENTS,
      description: `Events one replication may fire before it is stopped as too large (an event storm: a gap far shorter than the horizon), to raise for a run meant to be that long; default ${DEFAULT_MAX_EVENTS.toLocaleString('en-US')}.`,
    }),
}).meta({ description: 'How the strategies are run: replications, seed and the event budget of a replication.' });

const machine = strict({
  servers: wholeAtLeast1(MAX_SERVERS, EXPECT.servers)
    .default(1)
    .meta({ description: 'Identical parallel servers, each working on one production order at a time; default 1.' }),
  failures: strict({
    upTime: positiveMean(
      MSG.positiveMeanUpTime,
      'Processing time between failures of a server, in time units: it runs only while the server processes a unit.',
    ),
    repairTime: distribution().meta({ description: 'Time one repair takes, in time units; the unit in process resumes after it.' }),
  })
    .optional()
    .meta({ description: 'Operation-dependent failures of each server; no failures when absent.' }),
}).meta({ description: 'A machine: servers that work production orders first come, first served.' });

const buy = strict({
  leadTime: distribution().meta({ description: 'Time from a purchase order to its delivery, in time units.' }),
  orderCost: cost().meta({ description: 'Cost per purchase order; default 0.' }),
  unitCost: cost().meta({ description: 'Cost per unit purchased; default 0.' }),
}).meta({ description: 'Replenished by purchase orders from a supplier (not with make).' });

const make = strict({
  machine: z.string().meta({ description: 'Name of the machine (under machines) that makes the item.' }),
  processTime: distribution().meta({ description: 'Processing time per unit, in time units.' }),
  setupTime: distribution().default(0).meta({ description: 'Setup time before each production order, in time units; default 0 (no setup).' }),
  setupCost: cost().meta({ description: 'Cost per production order; default 0.' }),
  bom: named(above0().meta({ description: 'Units of this component item per unit made.' }))
    .default({})
    .meta({ description: 'Bill of materials: units of each component item taken from its stock as each unit starts; no components when absent.' }),
}).meta({ description: 'Replenished by production orders on a machine (not with buy).' });

const transfer = strict({
  from: z.string().meta({ description: 'Name of the item (under items) whose stock point ships to this one.' }),
  leadTime: distribution().meta({ description: 'Time from a shipment leaving the upstream stock point to its arrival here, in time units.' }),
  orderDelay: instant()
    .default(0)
    .meta({ description: 'Time for an order to reach the upstream stock point (an information delay), in time units; default 0.' }),
  orderCost: cost().meta({ description: 'Cost per transfer order; default 0.' }),
}).meta({
  description:
    'Replenished from another stock point of the plant (not with buy or make): an order reaches it after orderDelay, takes what it holds (a partial shipment) and waits there for the rest; each shipment arrives leadTime later.',
});

const item = strict({
  holdingCost: cost().meta({ description: 'Cost per unit on hand per time unit; default 0.' }),
  capacity: above0()
    .optional()
    .meta({ description: 'Storage limit, in units of stock: production blocks while storage is full; no storage limit when absent.' }),
  unmet: z
    .enum(['backorder', 'lost'])
    .default('backorder')
    .meta({ description: 'What becomes of demand the stock cannot fill at once: backordered or lost; default backorder.' }),
  backorderCost: cost().meta({ description: 'Cost per unit backordered per time unit; default 0.' }),
  lostSaleCost: cost().meta({ description: 'Cost per unit lost (with unmet: lost); default 0.' }),
  initial: atLeast0().default(0).meta({ description: 'Units on hand at time 0; default 0.' }),
  buy: buy.optional(),
  make: make.optional(),
  transfer: transfer.optional(),
  allocation: z.enum(['fifo', 'priority', 'proportional']).default('fifo').meta({
    description:
      'How arriving stock is shared among the demands waiting here (transfer orders, customers, machines): fifo (first come, first served), priority (the stock points in priority first) or proportional (each gets the same share of what it waits for); default fifo.',
  }),
  priority: z
    .array(z.string())
    .optional()
    .meta({ description: 'With allocation: priority, the downstream items served first, in order; everyone else after them.' }),
  policy: policy
    .optional()
    .meta({ description: 'The replenishment policy, chosen by its type; required on an item with buy or make, and only none on an item with neither.' }),
})
  .superRefine((it, ctx) => {
    if (it.capacity !== undefined && it.initial > it.capacity) {
      ctx.addIssue({ code: 'custom', path: ['initial'], message: MSG.initialWithinCapacity(it.capacity, it.initial), input: it.initial });
    }
  }, whenValid)
  .meta({ description: 'A stock point of one item: its costs, how it is replenished and by which policy.' });

const demand = strict({
  item: z.string().meta({ description: 'Name of the item (under items) the customers order.' }),
  name: z.string().min(1).optional().meta({
    description:
      "Names the stream's random numbers, so they stay when other streams of its item are added or reordered (an unnamed stream is known by its place); unique among the item's streams.",
  }),
  interarrival: positiveMean(MSG.positiveMeanGap, 'Time between customer orders, in time units; the first gap is drawn at time 0.').optional(),
  every: gap().optional().meta({ description: 'One customer order every this many time units, at every, 2·every, …' }),
  trace: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'CSV file of customer orders (columns time,quantity), its path relative to the scenario file, replayed as is.' }),
  quantity: distribution()
    .optional()
    .meta({ default: DEFAULT_DEMAND_QUANTITY, description: `Units per customer order, not with trace; default ${DEFAULT_DEMAND_QUANTITY}.` }),
  changes: z
    .array(
      strict({
        at: instant().meta({ description: 'Time from which the new rate holds, in time units.' }),
        factor: above0().meta({ description: 'The new rate as a multiple of the base rate (1.5 for 50% more customer orders).' }),
      }).meta({ description: 'One step change of the rate.' }),
    )
    .default([])
    .meta({ description: 'Step changes of the rate, in order of at, not with trace; no changes when absent.' }),
  dueIn: instant().default(0).meta({
    description:
      'Customers order this many time units before they need the goods: the order is known (MRP nets it, DDMRP may qualify it as a spike) and takes stock at its due time, on time when filled then (onTimeShare); default 0.',
  }),
  profile: z
    .union(
      [
        strict({
          weekly: z
            .array(atLeast0())
            .length(7, { error: () => EXPECT.weeklyProfile })
            .meta({ description: 'Seven factors, Monday to Sunday, on the rate (time 0 is a Monday at 00:00).' }),
        }),
        strict({
          yearly: z
            .array(atLeast0())
            .length(12, { error: () => EXPECT.yearlyProfile })
            .meta({ description: 'Twelve factors, January to December, on the rate (time 0 is January 1; a year of 365 days).' }),
        }),
      ],
      { error: () => EXPECT.profile },
    )
    .optional()
    .meta({
      description:
        'A rate that repeats through the week or the year, multiplying the base rate (and changes) by each day’s or month’s factor, by thinning: a non-homogeneous Poisson process when the gaps are exponential; not with trace; none when absent.',
    }),
})
  .meta({
    description: 'A stream of customer orders for one item, timed by interarrival, every or trace.',
    oneOf: ['interarrival', 'every', 'trace'].map((key) => ({ required: [key] })),
  })
  .superRefine(oneSource, whenValid)
  .superRefine(changesInOrder, whenValid);

type DemandShape = { interarrival?: unknown; every?: unknown; trace?: unknown; quantity?: unknown; changes: { at: number }[]; profile?: unknown };

function oneSource(d: DemandShape, ctx: z.RefinementCtx): void {
  const present = (['interarrival', 'every', 'trace'] as const).filter((key) => d[key] !== undefined);
  if (present.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: MSG.oneDemandSource(present), input: d });
  if (d.trace === undefined) return;
  if (d.quantity !== undefined) ctx.addIssue({ code: 'custom', path: ['quantity'], message: MSG.notOnTrace('quantity', d.quantity), input: d.quantity });
  if (d.changes.length > 0) ctx.addIssue({ code: 'custom', path: ['changes'], message: MSG.notOnTrace('changes', d.changes), input: d.changes });
  if (d.profile !== undefined) ctx.addIssue({ code: 'custom', path: ['profile'], message: MSG.notOnTrace('profile', d.profile), input: d.profile });
}

function changesInOrder(d: DemandShape, ctx: z.RefinementCtx): void {
  d.changes.forEach((change, i) => {
    const previous = i > 0 ? d.changes[i - 1].at : 0;
    if (change.at < previous) {
      ctx.addIssue({ code: 'custom', path: ['changes', i, 'at'], message: MSG.changesAscending(previous, change.at), input: change.at });
    }
  });
}

type BudgetShape = {
  time: { horizon: number };
  run: { maxEvents?: number };
  items: Record<string, { policy?: PolicyDoc }>;
  demand: { item: string; every?: number; interarrival?: DistributionSpec; changes: { at: number; factor: number }[] }[];
};

// An event storm (a gap of 1e-9 over a horizon of 100) is told apart before the run, from mean
// rates: a demand line or a timer that alone would fire more events than one replication may is
// named at its path. What no rate shows (a machine's units, a trace) is caught while running.
function withinEventBudget(doc: BudgetShape, ctx: z.RefinementCtx): void {
  const { horizon } = doc.time;
  const budget = doc.run.maxEvents ?? DEFAULT_MAX_EVENTS;
  doc.demand.forEach((d, i) => {
    const gap = d.every ?? (d.interarrival === undefined ? undefined : toDistribution(d.interarrival).mean);
    if (gap === undefined) return; // a trace's rows are counted as it is replayed
    const orders = expectedOrders(horizon, gap, d.changes);
    if (orders <= budget) return;
    const path = ['demand', i, d.every !== undefined ? 'every' : 'interarrival'];
    ctx.addIssue({ code: 'custom', path, message: MSG.tooManyOrders(d.item, orders, budget, horizon, gap), input: d.every ?? d.interarrival });
  });
  for (const [name, item] of Object.entries(doc.items)) {
    const timer = timerOf(item.policy);
    const count = timer === null ? 0 : (horizon - timer.from) / timer.period;
    if (timer === null || count <= budget) continue;
    ctx.addIssue({
      code: 'custom',
      path: ['items', name, 'policy', timer.field],
      input: item.policy,
      message: MSG.tooManyTimers(timer.what, count, budget, horizon, timer.period),
    });
  }
}

/** A policy's own timer: what it fires, how often, from when, and the field that sets its pace. */
function timerOf(p: PolicyDoc | undefined): { what: string; period: number; from: number; field: string } | null {
  if (p?.type === 'RS') return { what: 'reviews', period: p.every, from: p.offset, field: 'every' };
  if (p?.type === 'batch') return { what: 'releases', period: p.every, from: p.offset, field: 'every' };
  if (p?.type === 'continuous') return { what: 'releases', period: 1 / p.rate, from: 0, field: 'rate' };
  return null;
}

/** Customer orders a stream with mean gap `gap` is expected to place over [0, horizon], its rate changes counted. */
function expectedOrders(horizon: number, gap: number, changes: { at: number; factor: number }[]): number {
  let time = 0;
  let factor = 1;
  let orders = 0;
  for (const change of changes) {
    const at = Math.min(change.at, horizon);
    orders += (at - time) * factor;
    time = at;
    factor = change.factor;
  }
  return (orders + (horizon - time) * factor) / gap;
}

/** The scenario file (DESIGN.md, "Scenario format"). */
export const scenarioSchema = strict(
  {
    name: z.string().min(1).meta({ description: "The scenario's name, shown with its results." }),
    description: z.string().optional().meta({ description: 'What the scenario shows, in a few plain sentences, shown with its results.' }),
    time,
    currency: z.string().min(1).default('EUR').meta({ description: 'The currency every cost in the file is in, a label for results; default EUR.' }),
    run: run.prefault({}),
    machines: named(machine).default({}).meta({ description: 'The machines that make items, by name; no machines when absent.' }),
    items: named(item).meta({ description: 'The stock points, by item name: what is stocked, bought, made, used as a component or ordered by customers.' }),
    demand: z.array(demand).default([]).meta({ description: 'The streams of customer orders; no customer demand when absent.' }),
    planning: planning.prefault({}),
    forecasts: named(forecast)
      .default({})
      .meta({ description: 'Forecasts of items with customer demand, by item name; judged per planning bucket (forecastBias, forecastMAPE).' }),
    strategies: named(
      z
        .record(z.string(), z.unknown(), { error: () => EXPECT.patch })
        .meta({ description: "The strategy's changes to the scenario: a JSON Merge Patch, where null removes a key." }),
    )
      .optional()
      .meta({
        description:
          'Named variations, each a JSON Merge Patch of everything above in which a policy or a distribution replaces the base one whole; one strategy, base, when absent.',
      }),
  },
  EXPECT.scenario,
)
  .superRefine(withinEventBudget, whenValid)
  .meta({
    title: 'Sawtooth scenario',
    description: 'A plant, its demand and the named strategies the Sawtooth simulator compares on it.',
  });

/** What a scenario file may contain. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario, schema defaults filled. */
export type ScenarioDoc = z.output<typeof scenarioSchema>;
export type ItemDoc = ScenarioDoc['items'][string];
export type MachineDoc = ScenarioDoc['machines'][string];
export type DemandDoc = ScenarioDoc['demand'][number];

/** The JSON Schema of scenario files, for editors' completion and checking. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
