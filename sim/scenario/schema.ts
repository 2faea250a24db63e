// The scenario format of DESIGN.md, defined once: the TypeScript types and the JSON Schema
// (`sawtooth schema`, scenarios/schema.json) both come from this zod schema.
import { z } from 'zod';
import { DEFAULT_MAX_EVENTS, MAX_EVENTS, MAX_REPLICATIONS, MAX_SERVERS } from '../model/index.js';
import { toDistribution } from './distributions.js';
import { EXPECT, MSG } from './messages.js';
import { above0, atLeast0, cost, gap, instant, named, runLength, strict, warmupLength, wholeAtLeast1, whenValid } from './schema-helpers.js';
import { distribution, positiveMean, type DistributionSpec } from './schema-distribution.js';
import { policy, type PolicyDoc } from './schema-policy.js';

/** Units per customer order when a demand stream gives no `quantity`. */
export const DEFAULT_DEMAND_QUANTITY = 1;

const time = strict({
  unit: z.string().min(1).default('day').meta({ description: 'The time unit of every time in the file.' }),
  horizon: runLength().meta({ description: 'Simulated time of one replication.' }),
  warmup: warmupLength().default(0).meta({ description: 'Statistics are reset at warmup and measured over [warmup, horizon].' }),
}).superRefine((t, ctx) => {
  if (t.warmup >= t.horizon) {
    ctx.addIssue({ code: 'custom', path: ['warmup'], message: MSG.warmupBelowHorizon(t.horizon, t.warmup), input: t.warmup });
  }
}, whenValid);

const run = strict({
  replications: wholeAtLeast1(MAX_REPLICATIONS, EXPECT.replications).default(10),
  seed: z.union([z.int(), z.string()], { error: () => EXPECT.seed }).default(1),
  // Not filled in here, so a run object that does not set it stays as written; the model fills DEFAULT_MAX_EVENTS.
  maxEvents: wholeAtLeast1(MAX_EVENTS, EXPECT.maxEvents).optional()
    .meta({ default: DEFAULT_MAX_EVENTS, description: 'Events one replication may fire before it is stopped as too large (an event storm: a gap far shorter than the horizon). Raise it for a run meant to be that long.' }),
});

const machine = strict({
  servers: wholeAtLeast1(MAX_SERVERS, EXPECT.servers).default(1).meta({ description: 'Identical parallel servers.' }),
  failures: strict({ upTime: positiveMean(MSG.positiveMeanUpTime), repairTime: distribution() })
    .optional()
    .meta({ description: 'Operation-dependent failures: upTime counts only while a unit is processed.' }),
});

const buy = strict({ leadTime: distribution(), orderCost: cost(), unitCost: cost() });

const make = strict({
  machine: z.string(),
  processTime: distribution().meta({ description: 'Per unit.' }),
  setupTime: distribution().default(0).meta({ description: 'Before each production order.' }),
  setupCost: cost(),
  bom: named(above0()).default({}).meta({ description: 'Units of each component taken from stock as each unit starts.' }),
});

const item = strict({
  holdingCost: cost().meta({ description: 'Per unit on hand per time unit.' }),
  capacity: above0().optional().meta({ description: 'Storage limit; production blocks when full. Unlimited when absent.' }),
  unmet: z.enum(['backorder', 'lost']).default('backorder'),
  backorderCost: cost().meta({ description: 'Per unit backordered per time unit.' }),
  lostSaleCost: cost().meta({ description: 'Per unit lost (unmet: lost).' }),
  initial: atLeast0().default(0).meta({ description: 'On hand at time 0.' }),
  buy: buy.optional(),
  make: make.optional(),
  policy: policy.optional().meta({ description: 'Required on an item with buy or make.' }),
}).superRefine((it, ctx) => {
  if (it.capacity !== undefined && it.initial > it.capacity) {
    ctx.addIssue({ code: 'custom', path: ['initial'], message: MSG.initialWithinCapacity(it.capacity, it.initial), input: it.initial });
  }
}, whenValid);

const demand = strict({
  item: z.string(),
  name: z.string().min(1).optional()
    .meta({ description: 'Names the line\'s random numbers, so they stay when lines of its item are added or reordered (an unnamed line is known by its place). Unique among the item\'s lines.' }),
  interarrival: positiveMean(MSG.positiveMeanGap).optional().meta({ description: 'Time between customer orders.' }),
  every: gap().optional().meta({ description: 'One customer order at every, 2·every, …' }),
  trace: z.string().min(1).optional().meta({ description: 'CSV file (time,quantity) relative to the scenario, replayed as is.' }),
  quantity: distribution().optional().meta({ default: DEFAULT_DEMAND_QUANTITY, description: 'Units per customer order.' }),
  changes: z.array(strict({ at: instant(), factor: above0() })).default([])
    .meta({ description: 'Step changes of the rate: from `at` on, the rate is `factor` times the base rate.' }),
})
  .meta({ oneOf: ['interarrival', 'every', 'trace'].map((key) => ({ required: [key] })) })
  .superRefine(oneSource, whenValid)
  .superRefine(changesInOrder, whenValid);

type DemandShape = { interarrival?: unknown; every?: unknown; trace?: unknown; quantity?: unknown; changes: { at: number }[] };

function oneSource(d: DemandShape, ctx: z.RefinementCtx): void {
  const present = (['interarrival', 'every', 'trace'] as const).filter((key) => d[key] !== undefined);
  if (present.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: MSG.oneDemandSource(present), input: d });
  if (d.trace === undefined) return;
  if (d.quantity !== undefined) ctx.addIssue({ code: 'custom', path: ['quantity'], message: MSG.notOnTrace('quantity', d.quantity), input: d.quantity });
  if (d.changes.length > 0) ctx.addIssue({ code: 'custom', path: ['changes'], message: MSG.notOnTrace('changes', d.changes), input: d.changes });
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
      code: 'custom', path: ['items', name, 'policy', timer.field], input: item.policy,
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
export const scenarioSchema = strict({
  name: z.string().min(1),
  description: z.string().optional(),
  time,
  currency: z.string().min(1).default('EUR'),
  run: run.prefault({}),
  machines: named(machine).default({}),
  items: named(item),
  demand: z.array(demand).default([]),
  strategies: named(z.record(z.string(), z.unknown(), { error: () => EXPECT.patch }))
    .optional()
    .meta({ description: 'Each a JSON Merge Patch of everything above; a policy or a distribution in a patch replaces the base one whole.' }),
}, EXPECT.scenario).superRefine(withinEventBudget, whenValid).meta({
  title: 'Sawtooth scenario',
  description: 'A plant, its demand and named strategies for the Sawtooth simulator (see DESIGN.md, "Scenario format").',
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
