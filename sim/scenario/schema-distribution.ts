// Distributions as a scenario writes them: a plain number >= 0 is a constant; otherwise an
// object with exactly one key naming the family. Cross-parameter rules (uniform max >= min,
// discrete weights as long as values, …) are the factories' own: we construct and translate.
import { z } from 'zod';
import { EXPECT, expectedRaw } from './messages.js';
import type { Segment } from './paths.js';
import { above0, anyAmount, atLeast0, strict, whenValid } from './schema-helpers.js';
import { toDistribution } from './distributions.js';

const meanSd = () => strict({ mean: above0(), sd: atLeast0() });
const list = () => z.array(atLeast0()).min(1);

const families = z.union(
  [
    atLeast0(),
    strict({ constant: atLeast0() }),
    strict({ exponential: strict({ mean: above0() }) }),
    // mean may be negative: values below 0 never come out (see sim/random normal).
    strict({ normal: strict({ mean: anyAmount(), sd: atLeast0() }) }),
    strict({ lognormal: meanSd() }),
    strict({ gamma: meanSd() }),
    strict({ uniform: strict({ min: atLeast0(), max: atLeast0() }) }),
    strict({ triangular: strict({ min: atLeast0(), mode: atLeast0(), max: atLeast0() }) }),
    strict({ poisson: strict({ mean: above0() }) }),
    strict({ discrete: strict({ values: list(), weights: list() }) }),
    strict({ empirical: list() }),
  ],
  { error: () => EXPECT.distribution },
);

/** A distribution as written in a scenario. */
export type DistributionSpec = z.output<typeof families>;

// One instance, so the JSON Schema defines it once, as $defs/distribution.
const anyDistribution = families.superRefine(constructible, whenValid).meta({
  id: 'distribution',
  description: 'A plain number >= 0 is a constant; otherwise one key naming the family.',
});

/** Any distribution the factories accept. */
export const distribution = () => anyDistribution;

/** A distribution whose mean must be > 0 (time between events): `why` says what a zero mean would break. */
export function positiveMean(why: (mean: number) => string) {
  return anyDistribution.superRefine((spec, ctx) => {
    let mean: number;
    try {
      mean = toDistribution(spec).mean;
    } catch {
      return; // constructible() has reported it
    }
    if (!(mean > 0)) ctx.addIssue({ code: 'custom', path: [], message: why(mean), input: spec });
  }, whenValid);
}

function constructible(spec: DistributionSpec, ctx: z.RefinementCtx): void {
  try {
    toDistribution(spec);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const { path, text } = fromRangeError(spec, error.message);
    ctx.addIssue({ code: 'custom', path, message: text, input: spec });
  }
}

// The factories say `uniform: max must be a finite number >= min (3), got 1`; we say
// `….uniform.max: expected a finite number >= min (3), got 1`.
function fromRangeError(spec: DistributionSpec, message: string): { path: Segment[]; text: string } {
  const match = /^(\w+): (\w+)((?:\[\d+\])*) must be (.*), got (.*)$/s.exec(message);
  if (!match) return { path: [], text: expectedRaw('valid parameters', message) };
  const [, family, param, indices, what, got] = match;
  const index = [...indices.matchAll(/\d+/g)].map(Number);
  const text = expectedRaw(what, got);
  if (typeof spec === 'number') return { path: [], text };
  if (family === 'constant' || family === 'empirical') return { path: [family, ...index], text };
  return { path: [family, param, ...index], text };
}
