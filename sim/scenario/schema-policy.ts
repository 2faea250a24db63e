// Replenishment policies (DESIGN.md, "Replenishment policies"), discriminated on `type`.
import { z } from 'zod';
import { EXPECT, MSG } from './messages.js';
import { MAX_CARDS } from '../model/index.js';
import { above0, atLeast0, gap, instant, strict, wholeAtLeast1, whenValid } from './schema-helpers.js';

/** A target probability such as a cycle service level. */
const probability = () => z.number().gt(0, { error: () => EXPECT.probability }).lt(1, { error: () => EXPECT.probability });

/** A reorder point: a number, or derived from a target cycle service level. */
const reorderPoint = () =>
  z.union([atLeast0(), strict({ serviceLevel: probability() })], { error: () => EXPECT.reorderPoint });

const sS = strict({ type: z.literal('sS'), reorderPoint: reorderPoint(), orderUpTo: atLeast0() }).superRefine((p, ctx) => {
  if (typeof p.reorderPoint === 'number' && p.reorderPoint >= p.orderUpTo) {
    ctx.addIssue({ code: 'custom', path: ['orderUpTo'], message: MSG.orderUpToAboveReorderPoint(p.reorderPoint, p.orderUpTo), input: p.orderUpTo });
  }
}, whenValid);

/** Every policy type; `eoq` and `serviceLevel` are resolved by derive.ts. */
export const policy = z.discriminatedUnion('type', [
  strict({
    type: z.literal('sQ'),
    reorderPoint: reorderPoint(),
    quantity: z.union([above0(), z.literal('eoq')], { error: () => EXPECT.quantity }),
  }),
  sS,
  strict({ type: z.literal('RS'), every: gap(), orderUpTo: atLeast0(), offset: instant().default(0) }),
  strict({ type: z.literal('baseStock'), level: atLeast0() }),
  strict({ type: z.literal('kanban'), cards: wholeAtLeast1(MAX_CARDS, EXPECT.cards), containerSize: above0() }),
  strict({ type: z.literal('batch'), lotSize: above0(), every: gap(), offset: instant().default(0) }),
  strict({ type: z.literal('continuous'), rate: above0() }),
  strict({ type: z.literal('makeToOrder') }),
  strict({ type: z.literal('none') }),
]);

/** A policy as written in a scenario (defaults filled). */
export type PolicyDoc = z.output<typeof policy>;
