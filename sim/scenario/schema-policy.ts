// Replenishment policies (DESIGN.md, "Replenishment policies"), discriminated on `type`.
import { z } from 'zod';
import { EXPECT, MSG } from './messages.js';
import { MAX_CARDS } from '../model/index.js';
import { above0, atLeast0, gap, instant, strict, wholeAtLeast1, whenValid } from './schema-helpers.js';

/** A target probability such as a cycle service level. */
const probability = () =>
  z
    .number()
    .gt(0, { error: () => EXPECT.probability })
    .lt(1, { error: () => EXPECT.probability });

/** A reorder point: a number, or derived from a target cycle service level. */
const reorderPoint = () =>
  z
    .union(
      [
        atLeast0(),
        strict({
          serviceLevel: probability().meta({
            description: 'Target cycle service level p: s = μL + z_p·σL from the mean and standard deviation of demand over the mean lead time.',
          }),
        }),
      ],
      { error: () => EXPECT.reorderPoint },
    )
    .meta({ description: 'Reorder point s, in units of stock, or { serviceLevel } to derive it.' });

/** The `type` that selects a policy. */
const kind = <Type extends string>(type: Type) => z.literal(type).meta({ description: 'Selects this policy.' });

/** An order-up-to level S. */
const orderUpTo = () => atLeast0().meta({ description: 'Order-up-to level S, in units of stock.' });
/** The time of the first review or release. */
const offset = (what: string) =>
  instant()
    .default(0)
    .meta({ description: `Time of the first ${what}, in time units; default 0.` });

const sS = strict({ type: kind('sS'), reorderPoint: reorderPoint(), orderUpTo: orderUpTo() })
  .superRefine((p, ctx) => {
    if (typeof p.reorderPoint === 'number' && p.reorderPoint >= p.orderUpTo) {
      ctx.addIssue({ code: 'custom', path: ['orderUpTo'], message: MSG.orderUpToAboveReorderPoint(p.reorderPoint, p.orderUpTo), input: p.orderUpTo });
    }
  }, whenValid)
  .meta({ title: 'min–max', description: 'When the inventory position is at or below reorderPoint, order orderUpTo − position.' });

/** Every policy type; `eoq` and `serviceLevel` are resolved by derive.ts. */
export const policy = z.discriminatedUnion('type', [
  strict({
    type: kind('sQ'),
    reorderPoint: reorderPoint(),
    quantity: z.union([above0(), z.literal('eoq')], { error: () => EXPECT.quantity }).meta({
      description:
        'Order quantity Q, in units of stock, or eoq for Q* = √(2KD/h) from the mean demand rate D, the order or setup cost K and the holding cost h (the EPQ form for a made item).',
    }),
  }).meta({
    title: 'EOQ / reorder point',
    description: 'When the inventory position is at or below reorderPoint, order the fewest multiples of quantity that lift it above reorderPoint.',
  }),
  sS,
  strict({
    type: kind('RS'),
    every: gap().meta({ description: 'Review period R, in time units.' }),
    orderUpTo: orderUpTo(),
    offset: offset('review'),
  }).meta({ title: 'periodic review', description: 'At offset, offset + every, …, order orderUpTo − inventory position if positive.' }),
  strict({
    type: kind('baseStock'),
    level: atLeast0().meta({ description: 'Base stock level S, in units of stock.' }),
    echelon: z.boolean().default(false).meta({
      description:
        "Count the level on the echelon inventory position: on order here + on hand here and at every stock point this one ships to (directly or not) + in transit between them − their customers' backorders; default false (the local position).",
    }),
  }).meta({
    title: 'base stock',
    description: 'Keep the inventory position (or the echelon inventory position) at level: each demand is re-ordered at once.',
  }),
  strict({
    type: kind('kanban'),
    cards: wholeAtLeast1(MAX_CARDS, EXPECT.cards).meta({ description: 'Kanban cards N in the loop.' }),
    containerSize: above0().meta({ description: 'Units of stock per card c.' }),
  }).meta({
    title: 'JIT pull',
    description:
      'cards × containerSize units circulate: whenever the inventory position is at or below (cards − 1) × containerSize, one card goes back as an order of containerSize, so the position never passes cards × containerSize.',
  }),
  strict({
    type: kind('batch'),
    lotSize: above0().meta({ description: 'Units of stock per release L.' }),
    every: gap().meta({ description: 'Release period T, in time units.' }),
    offset: offset('release'),
  }).meta({ title: 'scheduled batch production (push)', description: 'Release an order of lotSize at offset, offset + every, … whatever the stock.' }),
  strict({ type: kind('continuous'), rate: above0().meta({ description: 'Units of stock released per time unit r.' }) }).meta({
    title: 'continuous / flow production',
    description: 'Release an order of one unit every 1/rate time units, skipping while the stock is at its storage limit.',
  }),
  strict({ type: kind('makeToOrder') }).meta({ title: 'job production', description: 'Keep no stock: each customer order becomes a replenishment order.' }),
  strict({
    type: kind('ddmrp'),
    adu: z
      .union(
        [
          strict({
            window: wholeAtLeast1(MAX_CARDS, EXPECT.aduWindow).meta({
              description:
                'Time units of past usage the average is taken over, recomputed once per time unit; it starts full of the demand rate derived from the scenario.',
            }),
          }),
          strict({ fixed: atLeast0().meta({ description: 'A fixed average daily usage, in units of stock per time unit.' }) }),
        ],
        { error: () => EXPECT.adu },
      )
      .meta({ description: 'Average daily usage (per time unit): { window: n } rolling over the last n time units, or { fixed: u }.' }),
    leadTime: above0().meta({ description: 'Decoupled lead time, in time units: the longest cumulative lead time the buffer protects.' }),
    leadTimeFactor: atLeast0().meta({ description: 'Lead-time factor: the red base and the smallest green are ADU × leadTime × this (typically 0.2 to 0.8).' }),
    variabilityFactor: atLeast0().meta({ description: 'Variability factor: red safety = red base × this (typically 0.2 to 1).' }),
    orderCycle: atLeast0().default(0).meta({ description: 'Desired order cycle, in time units: green is at least ADU × orderCycle; default 0.' }),
    minimumOrder: atLeast0().default(0).meta({ description: 'Minimum order quantity, in units of stock: green is at least this; default 0.' }),
    spike: strict({
      threshold: above0().meta({
        description: "A day's known customer orders of at least this many units are a spike (the book's rule of thumb: half the red zone).",
      }),
      horizon: above0().meta({ description: 'How far ahead spikes are looked for, in time units (typically the decoupled lead time).' }),
    })
      .optional()
      .meta({
        description: 'Known customer orders (dueIn) that qualify ahead of their due day: a day within horizon whose total reaches threshold; none when absent.',
      }),
  }).meta({
    title: 'DDMRP buffer (pull)',
    description:
      'Red, yellow and green zones from the average daily usage (Ptak & Smith): yellow = ADU × leadTime, red = red base × (1 + variabilityFactor) with red base = ADU × leadTime × leadTimeFactor, green = max(minimumOrder, ADU × orderCycle, red base). Whenever the net flow (on hand + on order − backorders) is at or below the top of yellow, order up to the top of green.',
  }),
  strict({
    type: kind('mrp'),
    leadTime: z
      .int()
      .min(0, { error: () => EXPECT.plannedLeadTime })
      .max(MAX_CARDS, { error: () => EXPECT.plannedLeadTime })
      .meta({
        description:
          "Planned lead time in whole planning buckets: the planner's assumption that offsets each release from its receipt. The real lead time comes from the supplier or the machine.",
      }),
    safetyStock: atLeast0().default(0).meta({ description: 'Projected on hand the plan keeps in every bucket, in units of stock; default 0.' }),
    lotSizing: z
      .union(
        [
          z.literal('lotForLot').meta({ description: 'Each bucket’s net requirement is one lot.' }),
          z.literal('eoq').meta({
            description: 'At least the EOQ (EPQ for a made item) √(2KD/h) from the mean demand rate D, the order or setup cost K and the holding cost h.',
          }),
          strict({ fixed: above0().meta({ description: 'The fewest multiples of this quantity that cover the net requirement.' }) }),
          strict({
            periods: wholeAtLeast1(MAX_CARDS, EXPECT.lotPeriods).meta({
              description: 'Periods of supply (POQ): one lot covers this many buckets of net requirements.',
            }),
          }),
        ],
        { error: () => EXPECT.lotSizing },
      )
      .default('lotForLot')
      .meta({ description: 'How net requirements become lots: lotForLot, { fixed: Q }, { periods: n } or eoq; default lotForLot.' }),
    minimum: atLeast0().default(0).meta({ description: 'Every lot is at least this many units; default 0.' }),
    multiple: above0().optional().meta({ description: 'Every lot is rounded up to a multiple of this (a pack or container size); none when absent.' }),
  }).meta({
    title: 'MRP from forecasts (push)',
    description:
      'Planned with every MRP item at each planning run (time 0, then every planning bucket) in low-level-code order: gross requirements = the forecast (consumed by customer orders known ahead) + parents’ planned releases × BOM; netted against on hand − backorders and open orders at their planned due bucket, to keep safetyStock; lots sized by lotSizing, minimum and multiple; released leadTime buckets before they are needed. Releases due now become real orders; past-due ones go out at once and count as exceptions. Needs a forecast for an item with customer demand, and MRP parents.',
  }),
  strict({
    type: kind('anchorAndAdjust'),
    theta: z
      .number()
      .min(0, { error: () => EXPECT.unitInterval })
      .max(1, { error: () => EXPECT.unitInterval })
      .meta({ description: "Weight θ of the newest period's incoming orders in the expected orders L̂ (exponential smoothing), in [0, 1]." }),
    alphaS: atLeast0().meta({ description: 'Fraction αS of the gap between target and actual stock ordered each period.' }),
    beta: atLeast0().meta({ description: 'Weight β given to the supply line (ordered, not yet received): 0 ignores it, 1 counts it fully.' }),
    targetStock: atLeast0().meta({ description: "Target S′ for stock and supply line together, in units (Sterman's average estimate 17 in the Beer Game)." }),
    every: gap().optional().meta({ description: 'The decision period, in time units; time.bucket when absent.' }),
  }).meta({
    title: "anchor and adjust (Sterman's Beer Game rule)",
    description:
      'Every period: L̂ = θ·(orders received last period) + (1 − θ)·L̂, then order max(0, L̂ + αS·(S′ − S − β·SL)) with S the inventory level (on hand − backlog) and SL the supply line. L̂ starts at the demand per period the scenario implies.',
  }),
  strict({
    type: kind('forecastOrderUpTo'),
    every: gap().optional().meta({ description: 'Review period R, in time units; time.bucket when absent.' }),
    cover: gap().meta({ description: 'Time units of demand the level covers, C (typically the lead time + R).' }),
    safetyFactor: atLeast0().default(0).meta({ description: 'Safety factor z on the forecast error σ̂ over the cover; default 0.' }),
    forecast: z
      .union(
        [
          strict({
            method: z.literal('movingAverage').meta({ description: 'The mean of the last window periods.' }),
            window: wholeAtLeast1(MAX_CARDS, EXPECT.forecastWindow).meta({ description: 'Periods averaged.' }),
          }),
          strict({
            method: z.literal('exponentialSmoothing').meta({ description: 'F(t+1) = α·D(t) + (1 − α)·F(t).' }),
            alpha: z
              .number()
              .gt(0, { error: () => EXPECT.smoothing })
              .max(1, { error: () => EXPECT.smoothing })
              .meta({ description: 'Smoothing constant α in (0, 1]: the weight of the newest period.' }),
          }),
        ],
        { error: () => EXPECT.orderForecast },
      )
      .default({ method: 'movingAverage', window: 4 })
      .meta({
        description:
          'How the demand per period is forecast: { method: movingAverage, window } or { method: exponentialSmoothing, alpha }; default a 4-period moving average.',
      }),
    signal: z.string().optional().meta({
      description:
        "Forecast this item's customer demand instead of the orders this stock point receives (shared demand information, the remedy for the bullwhip); its own incoming orders when absent.",
    }),
  }).meta({
    title: 'forecast order-up-to',
    description:
      'Every R: order up to μ̂·C/R + z·σ̂·√(C/R) − inventory position, with μ̂ the forecast demand per period and σ̂ the root mean square of its one-period errors (Chen et al. 2000); before the first period the demand rate the scenario implies.',
  }),
  strict({ type: kind('none') }).meta({ title: 'a run-out experiment', description: 'Never reorder.' }),
]);

/** A policy as written in a scenario (defaults filled). */
export type PolicyDoc = z.output<typeof policy>;
