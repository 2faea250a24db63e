// The scenario format of DESIGN.md, defined once: the TypeScript types and the JSON Schema
// (`sawtooth schema`, scenarios/schema.json) both come from this zod schema.
import { z } from 'zod';
import { challengeSchema } from './challenge.js';
import { playSchema } from './play.js';
import { forecast, planning } from './schema-planning.js';
import { dateMs, msPerUnit } from './order-history.js';
import { DEFAULT_MAX_EVENTS, MAX_EVENTS, MAX_REPLICATIONS, MAX_SERVERS, MAX_TIME } from '../model/index.js';
import { ISO_DATE, WEEKDAY_KEY, WEEKDAYS, dayNumber, intervalTexts, parseInterval, weekdaysOf } from './calendars.js';
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
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => EXPECT.startDate })
    .optional()
    .meta({
      description:
        'The date of time 0 (YYYY-MM-DD, at 00:00) when time is dated: order histories may then give dates and date-times; the unit must be day or hour. Not dated when absent.',
    }),
  bucket: gap().default(1).meta({
    description:
      'Length of the buckets over which orders and demand are summed for their variances and the bullwhip ratio (orderVariance, demandVariance, bullwhip), in time units; default 1.',
  }),
})
  .superRefine((t, ctx) => {
    if (t.warmup >= t.horizon) {
      ctx.addIssue({ code: 'custom', path: ['warmup'], message: MSG.warmupBelowHorizon(t.horizon, t.warmup), input: t.warmup });
    }
    if (t.start !== undefined && dateMs(t.start) === null) ctx.addIssue({ code: 'custom', path: ['start'], message: MSG.startNoDate(t.start), input: t.start });
    if (t.start !== undefined && msPerUnit(t.unit) === null) ctx.addIssue({ code: 'custom', path: ['unit'], message: MSG.datedUnit(t.unit), input: t.unit });
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

const calendar = strict({
  hours: z
    .record(
      z.string(),
      z
        .union([z.string(), z.array(z.string()).min(1)], { error: () => EXPECT.openHours })
        .meta({ description: 'The open hours of these days: "06:00-22:00", "06:00-14:00, 22:00-06:00" or a list of such texts.' }),
    )
    .meta({
      description:
        'The open hours of each weekday, by weekday (mon … sun) or range of them (mon-fri, sat-sun): "06:00-22:00", several intervals separated by commas ("06:00-14:00, 15:00-23:00") or as a list; an end at or before the start runs past midnight into the next day ("22:00-06:00"); 24:00 ends a day. A day under no key is closed, and each day may be under one key only.',
      propertyNames: { type: 'string', pattern: WEEKDAY_KEY },
    }),
  holidays: z
    .array(
      z.union(
        [
          z
            .int({ error: () => EXPECT.holiday })
            .min(0, { error: () => EXPECT.holiday })
            .max(MAX_TIME, { error: () => EXPECT.time }),
          z.string().regex(ISO_DATE),
        ],
        { error: () => EXPECT.holiday },
      ),
    )
    .default([])
    .meta({
      description:
        'Whole days closed: day numbers counted from time 0 (day 0 begins at time 0; day 7 a week later), or dates (2025-12-25) with time.start. No holidays when absent.',
    }),
})
  .superRefine(openHoursValid, whenValid)
  .meta({
    description:
      'A shift calendar: the hours of the week it is open, repeating, less holidays. The time unit must be day or hour; time 0 is a Monday at 00:00, or 00:00 of time.start.',
  });

/** The keys name weekdays, each day once; every interval reads as HH:MM-HH:MM; some day is open; dates exist. */
function openHoursValid(c: { hours: Record<string, string | string[]>; holidays: (number | string)[] }, ctx: z.RefinementCtx): void {
  const keyOf = new Map<number, string>();
  let open = false;
  for (const [key, value] of Object.entries(c.hours)) {
    const days = weekdaysOf(key);
    if (days === null) {
      ctx.addIssue({ code: 'custom', path: ['hours', key], message: MSG.weekdayKey(key), input: key });
      continue;
    }
    for (const day of days) {
      const other = keyOf.get(day);
      if (other !== undefined) ctx.addIssue({ code: 'custom', path: ['hours', key], message: MSG.weekdayTwice(WEEKDAYS[day], other, key), input: key });
      else keyOf.set(day, key);
    }
    (Array.isArray(value) ? value : [value]).forEach((entry, i) => {
      const path = Array.isArray(value) ? ['hours', key, i] : ['hours', key];
      for (const text of intervalTexts(entry)) {
        const interval = parseInterval(text);
        if (interval === 'form') ctx.addIssue({ code: 'custom', path, message: MSG.openInterval(text), input: entry });
        else if (interval === 'empty') ctx.addIssue({ code: 'custom', path, message: MSG.emptyInterval(text), input: entry });
        else open = true;
      }
    });
  }
  if (!open) ctx.addIssue({ code: 'custom', path: ['hours'], message: MSG.neverOpen(), input: c.hours });
  c.holidays.forEach((h, i) => {
    if (typeof h === 'string' && dayNumber(h) === null) ctx.addIssue({ code: 'custom', path: ['holidays', i], message: MSG.holidayDate(h), input: h });
  });
}

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
  calendar: z.string().optional().meta({
    description:
      'Name of the shift calendar (under calendars) the machine works by: it sets up and processes only in open hours, a unit in process at closing resumes at the next opening, and orders released while it is closed wait for the opening; repairs run on regardless. Always open when absent.',
  }),
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
    .union(
      [
        z.string().min(1).meta({ description: 'A CSV file of customer orders with the header time,quantity, times ascending.' }),
        strict({
          file: z.string().min(1).meta({
            description: 'The CSV file, its path relative to the scenario file: an export as it is (comma or semicolon, quoted fields, any row order).',
          }),
          time: z
            .string()
            .min(1)
            .default('time')
            .meta({ description: 'The column of the order times: numbers of time units, or dates and date-times with time.start; default time.' }),
          quantity: z.string().min(1).default('quantity').meta({ description: 'The column of the quantities; rows of 0 are skipped; default quantity.' }),
          item: z
            .string()
            .min(1)
            .optional()
            .meta({ description: "The column naming each row's item: the line takes the rows of its own item; every row is the line's when absent." }),
        }),
      ],
      { error: () => EXPECT.trace },
    )
    .optional()
    .meta({
      description:
        'Customer orders replayed from a CSV file, its path relative to the scenario file: a file name (header time,quantity), or { file, time, quantity, item } naming the columns of an export.',
    }),
  resample: strict({
    block: gap().meta({ description: 'Length of a block of the history, in time units (7 days keeps weeks together).' }),
  })
    .optional()
    .meta({
      description:
        "With trace: each replication's demand is a block bootstrap of the history — aligned blocks drawn at random, with their own random stream — so the intervals include demand uncertainty; replayed as is when absent.",
    }),
  scale: above0().default(1).meta({ description: 'Multiplies every quantity of the line (a growth what-if on a history); default 1.' }),
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
    .meta({ description: 'Step changes of the rate, in order of at; on a trace they multiply the quantities from at on; no changes when absent.' }),
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

type DemandShape = {
  interarrival?: unknown;
  every?: unknown;
  trace?: unknown;
  quantity?: unknown;
  changes: { at: number }[];
  profile?: unknown;
  resample?: unknown;
};

function oneSource(d: DemandShape, ctx: z.RefinementCtx): void {
  const present = (['interarrival', 'every', 'trace'] as const).filter((key) => d[key] !== undefined);
  if (present.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: MSG.oneDemandSource(present), input: d });
  if (d.resample !== undefined && d.trace === undefined)
    ctx.addIssue({ code: 'custom', path: ['resample'], message: MSG.resampleWithoutTrace(), input: d.resample });
  if (d.trace === undefined) return;
  if (d.quantity !== undefined) ctx.addIssue({ code: 'custom', path: ['quantity'], message: MSG.notOnTrace('quantity', d.quantity), input: d.quantity });
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
    calendars: named(calendar)
      .default({})
      .meta({ description: 'Shift calendars machines work by, by name (machines name them with calendar); none when absent.' }),
    machines: named(machine).default({}).meta({ description: 'The machines that make items, by name; no machines when absent.' }),
    items: named(item).meta({ description: 'The stock points, by item name: what is stocked, bought, made, used as a component or ordered by customers.' }),
    demand: z.array(demand).default([]).meta({ description: 'The streams of customer orders; no customer demand when absent.' }),
    planning: planning.prefault({}),
    forecasts: named(forecast)
      .default({})
      .meta({ description: 'Forecasts of items with customer demand, by item name; judged per planning bucket (forecastBias, forecastMAPE).' }),
    challenge: challengeSchema.optional(),
    play: playSchema.optional(),
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
