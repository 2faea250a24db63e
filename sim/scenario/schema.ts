// The scenario format of DESIGN.md, defined once: the TypeScript types and the JSON Schema
// (`sawtooth schema`, scenarios/schema.json) both come from this zod schema.
import { z } from 'zod';
import { EXPECT, MSG } from './messages.js';
import { above0, atLeast0, cost, gap, named, strict, wholeAtLeast1, whenValid } from './schema-helpers.js';
import { distribution, positiveMean } from './schema-distribution.js';
import { policy } from './schema-policy.js';

/** Units per customer order when a demand stream gives no `quantity`. */
export const DEFAULT_DEMAND_QUANTITY = 1;

const time = strict({
  unit: z.string().min(1).default('day').meta({ description: 'The time unit of every time in the file.' }),
  horizon: above0().meta({ description: 'Simulated time of one replication.' }),
  warmup: atLeast0().default(0).meta({ description: 'Statistics are reset at warmup and measured over [warmup, horizon].' }),
}).superRefine((t, ctx) => {
  if (t.warmup >= t.horizon) {
    ctx.addIssue({ code: 'custom', path: ['warmup'], message: MSG.warmupBelowHorizon(t.horizon, t.warmup), input: t.warmup });
  }
}, whenValid);

const run = strict({
  replications: wholeAtLeast1().default(10),
  seed: z.union([z.int(), z.string()], { error: () => EXPECT.seed }).default(1),
});

const machine = strict({
  servers: wholeAtLeast1().default(1).meta({ description: 'Identical parallel servers.' }),
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
  changes: z.array(strict({ at: atLeast0(), factor: above0() })).default([])
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
}, EXPECT.scenario).meta({
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
