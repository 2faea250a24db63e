// Planning buckets and forecasts (DESIGN.md, "Planning: from forecasts (MRP) and from demand (DDMRP)").
import { z } from 'zod';
import { MAX_CARDS } from '../model/index.js';
import { EXPECT, MSG } from './messages.js';
import { atLeast0, gap, strict, wholeAtLeast1 } from './schema-helpers.js';

const smoothing = (what: string) =>
  z
    .number()
    .gt(0, { error: () => EXPECT.smoothing })
    .max(1, { error: () => EXPECT.smoothing })
    .meta({ description: `Smoothing constant of the ${what}, in (0, 1]: the weight of the newest bucket.` });
const trendSmoothing = (what: string) =>
  z
    .number()
    .min(0, { error: () => EXPECT.unitInterval })
    .max(1, { error: () => EXPECT.unitInterval })
    .meta({ description: `Smoothing constant of the ${what}, in [0, 1].` });

const levers = {
  bias: z.number().gt(0).max(100).default(1).meta({ description: 'Multiplies every forecast: 1.2 is a forecast 20% too high, a what-if lever; default 1.' }),
  noise: atLeast0().max(10).default(0).meta({ description: 'Relative sd of a random error on every forecast (0.1: about ±10%), a what-if lever; default 0.' }),
};

/** One item's forecast method, chosen by `method`. */
export const forecast = z
  .discriminatedUnion('method', [
    strict({ method: z.literal('naive').meta({ description: 'Next bucket = the last one.' }), ...levers }),
    strict({
      method: z.literal('movingAverage').meta({ description: 'The mean of the last window buckets.' }),
      window: wholeAtLeast1(MAX_CARDS, EXPECT.forecastWindow).meta({ description: 'Buckets averaged.' }),
      ...levers,
    }),
    strict({
      method: z.literal('exponentialSmoothing').meta({ description: 'Simple exponential smoothing: F(t+1) = α·D(t) + (1 − α)·F(t), F2 = D1.' }),
      alpha: smoothing('level'),
      ...levers,
    }),
    strict({
      method: z.literal('holt').meta({ description: "Holt's linear trend: a smoothed level and trend, L1 = D1 and T1 = D2 − D1." }),
      alpha: smoothing('level'),
      beta: trendSmoothing('trend'),
      ...levers,
    }),
    strict({
      method: z.literal('holtWinters').meta({ description: 'Additive Holt–Winters: level, trend and season, started from the first two seasons.' }),
      alpha: smoothing('level'),
      beta: trendSmoothing('trend'),
      gamma: trendSmoothing('season (at most 1 − alpha)'),
      season: z
        .int()
        .min(2, { error: () => EXPECT.season })
        .max(10_000, { error: () => EXPECT.season })
        .meta({ description: 'Buckets in a season (52 for weeks of a year).' }),
      ...levers,
    }).superRefine((p, ctx) => {
      if (p.gamma > 1 - p.alpha + 1e-12) ctx.addIssue({ code: 'custom', path: ['gamma'], message: MSG.gammaAboveLimit(p.alpha, p.gamma), input: p.gamma });
    }),
    strict({ method: z.literal('perfect').meta({ description: 'Knows the coming demand: the value of perfect information.' }), ...levers }),
    // The file's format is forecast-trace.ts's.
    strict({
      method: z
        .literal('trace')
        .meta({ description: "A planner's own forecast per bucket, read from a CSV file; past its last bucket the last forecast holds." }),
      file: z.string().min(1).meta({
        description:
          'CSV file of the forecast, its path relative to the scenario file: a header bucket,forecast, then one row per planning bucket from bucket 0 on, none left out (bucket k covers [k·bucket, (k + 1)·bucket)), each forecast a number >= 0.',
      }),
      ...levers,
    }),
  ])
  .meta({
    description:
      "How the item is forecast: learned bucket by bucket from the demand simulated so far, known ahead (perfect) or a planner's own (trace); chosen by method.",
  });

/** The planning clock. */
export const planning = strict({
  bucket: gap().default(1).meta({ description: 'Length of a planning bucket, in time units: forecasts are made and judged once per bucket; default 1.' }),
  horizon: wholeAtLeast1(MAX_CARDS, EXPECT.planningHorizon).default(8).meta({ description: 'Buckets a plan looks ahead; default 8.' }),
  frozen: z
    .int()
    .min(0, { error: () => EXPECT.frozen })
    .max(MAX_CARDS, { error: () => EXPECT.frozen })
    .default(1)
    .meta({ description: 'Buckets at the start of a plan whose released orders are not changed; default 1.' }),
}).meta({ description: 'The planning clock: its bucket, how far plans look ahead and their frozen zone.' });

export type ForecastDoc = z.output<typeof forecast>;
