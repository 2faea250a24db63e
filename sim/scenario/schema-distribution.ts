// Distributions as a scenario writes them: a plain number >= 0 is a constant; otherwise an
// object with exactly one key naming the family. Cross-parameter rules (uniform max >= min,
// discrete weights as long as values, …) are the factories' own: we construct and translate.
import { z } from 'zod';
import { DistributionParameterError } from '../random/index.js';
import { EXPECT, expectedRaw } from './messages.js';
import type { Segment } from './paths.js';
import { above0, anyAmount, atLeast0, strict, whenValid } from './schema-helpers.js';
import { toDistribution } from './distributions.js';

// Parameters are in the unit of what is drawn: time units for a time, units of stock for a quantity.
const mean = () => above0().meta({ description: 'Mean of the values drawn.' });
const sd = () => atLeast0().meta({ description: 'Standard deviation of the values drawn; 0 always gives the mean.' });
const meanSd = () => strict({ mean: mean(), sd: sd() });
const list = () => z.array(atLeast0()).min(1);

const families = z.union(
  [
    atLeast0().meta({ description: 'A plain number is a constant: always this value.' }),
    strict({ constant: atLeast0().meta({ description: 'Always this value.' }) }),
    strict({ exponential: strict({ mean: mean() }).meta({ description: 'Exponential with this mean (memoryless: Poisson arrivals, random failures).' }) }),
    // mean may be negative: values below 0 never come out (see sim/random normal).
    strict({
      normal: strict({
        mean: anyAmount().meta({ description: 'Mean before truncation; may be below 0.' }),
        sd: atLeast0().meta({ description: 'Standard deviation before truncation.' }),
      }).meta({ description: 'Normal with this mean and standard deviation, truncated at 0: a negative draw becomes 0.' }),
    }),
    strict({ lognormal: meanSd().meta({ description: 'Lognormal given by the mean and standard deviation of its values (not of their logarithm).' }) }),
    strict({ gamma: meanSd().meta({ description: 'Gamma given by the mean and standard deviation of its values.' }) }),
    strict({
      uniform: strict({
        min: atLeast0().meta({ description: 'Smallest value.' }),
        max: atLeast0().meta({ description: 'Largest value, at least min.' }),
      }).meta({ description: 'Uniform between min and max.' }),
    }),
    strict({
      triangular: strict({
        min: atLeast0().meta({ description: 'Smallest value.' }),
        mode: atLeast0().meta({ description: 'Most likely value, from min to max.' }),
        max: atLeast0().meta({ description: 'Largest value, above min.' }),
      }).meta({ description: 'Triangular from min to max, peaking at mode.' }),
    }),
    strict({ poisson: strict({ mean: mean() }).meta({ description: 'Poisson counts (whole numbers) with this mean.' }) }),
    strict({
      discrete: strict({
        values: list().meta({ description: 'The values that can be drawn.' }),
        weights: list().meta({
          description: 'Relative weight of each value, as many as values and not all 0: values[i] comes with probability weights[i] / their sum.',
        }),
      }).meta({ description: 'One of the given values, drawn with the given weights.' }),
    }),
    strict({ empirical: list().meta({ description: 'Observed values, resampled: each draw is one of them with equal probability.' }) }),
  ],
  { error: () => EXPECT.distribution },
);

/** A distribution as written in a scenario. */
export type DistributionSpec = z.output<typeof families>;

// One instance, so the JSON Schema defines it once, as $defs/distribution.
const anyDistribution = families.superRefine(constructible, whenValid).meta({
  id: 'distribution',
  description: 'A random value: a plain number is a constant; otherwise an object with one key naming the family and its parameters.',
});

/** Any distribution the factories accept. */
export const distribution = () => anyDistribution;

/**
 * A distribution whose mean must be > 0 (time between events): `why` says what a zero mean would
 * break, `description` what the field means. The description is registered on the refined schema
 * itself: `.meta()` on it (a refinement of the shared `$defs/distribution`) makes zod 4.6 copy the
 * whole distribution beside its `$ref` in the JSON Schema.
 */
export function positiveMean(why: (mean: number) => string, description: string) {
  const refined = anyDistribution.superRefine((spec, ctx) => {
    let mean: number;
    try {
      mean = toDistribution(spec).mean;
    } catch {
      return; // constructible() has reported it
    }
    if (!(mean > 0)) ctx.addIssue({ code: 'custom', path: [], message: why(mean), input: spec });
  }, whenValid);
  return refined.register(z.globalRegistry, { description });
}

function constructible(spec: DistributionSpec, ctx: z.RefinementCtx): void {
  try {
    toDistribution(spec);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const { path, text } = fromRangeError(spec, error);
    ctx.addIssue({ code: 'custom', path, message: text, input: spec });
  }
}

// The factories say `uniform: max must be a finite number >= min (3), got 1` and give its parts
// as fields; we say `….uniform.max: expected a finite number >= min (3), got 1`. Another
// RangeError (not about one parameter) is shown as it is.
function fromRangeError(spec: DistributionSpec, error: RangeError): { path: Segment[]; text: string } {
  if (!(error instanceof DistributionParameterError)) return { path: [], text: expectedRaw('valid parameters', error.message) };
  const { family, parameter, index } = error;
  const text = expectedRaw(error.expected, error.shown);
  if (typeof spec === 'number') return { path: [], text };
  if (family === 'constant' || family === 'empirical') return { path: [family, ...index], text };
  return { path: [family, parameter, ...index], text };
}
