// A classroom challenge (DESIGN.md, Classroom): the instructor fixes the plant and names the
// levers a student may move, the objective with its target, the constraints and some hints. The
// schema checks the shape; `challengeProblems` checks what needs the whole file: the strategy
// exists, every lever names a number the file sets, every KPI is one the results report, and no
// strategy patches the challenge. `challengeOf` gives the checked challenge to the scenario.
import { z } from 'zod';
import { ITEM_KPIS, MACHINE_KPIS, OVERALL_KPIS } from '../model/index.js';
import type { Problem } from './errors.js';
import { EXPECT, MSG } from './messages.js';
import { getPath, parsePath } from './paths.js';
import { anyAmount, strict } from './schema-helpers.js';

const kpi = z.string().min(1).meta({ description: 'A KPI as results name it: totalCost, an item’s widget.fillRate, a machine’s press.utilization.' });

/** The challenge block of a scenario file. */
export const challengeSchema = strict(
  {
    title: z.string().min(1).meta({ description: 'The challenge’s name, shown above the goal.' }),
    goal: z.string().min(1).meta({ description: 'What the student must achieve, in a sentence or two.' }),
    strategy: z.string().min(1).meta({ description: 'The strategy the student edits (one of strategies).' }),
    levers: z
      .array(z.string().min(1))
      .min(1)
      .meta({ description: 'Paths of the numbers the student may move (as --set names them); every other field is locked.' }),
    objective: strict(
      {
        kpi,
        below: anyAmount().optional().meta({ description: 'Met when the whole 95% interval is below this (costs, waits).' }),
        above: anyAmount().optional().meta({ description: 'Met when the whole 95% interval is above this (fill rates, throughput).' }),
      },
      EXPECT.challengeObjective,
    )
      .refine((o) => (o.below === undefined) !== (o.above === undefined), { error: () => MSG.challengeOneBound('below', 'above') })
      .meta({ description: 'The KPI to make best and the value it must beat: below for costs and waits, above for fill rates and throughput.' }),
    constraints: z
      .array(
        strict(
          {
            kpi,
            atLeast: anyAmount().optional().meta({ description: 'Met when the whole 95% interval is at or above this.' }),
            atMost: anyAmount().optional().meta({ description: 'Met when the whole 95% interval is at or below this.' }),
          },
          EXPECT.challengeConstraint,
        ).refine((c) => (c.atLeast === undefined) !== (c.atMost === undefined), { error: () => MSG.challengeOneBound('atLeast', 'atMost') }),
      )
      .default([])
      .meta({ description: 'KPIs that must stay within bounds (atLeast or atMost), each met on its confidence interval.' }),
    hints: z.array(z.string().min(1)).default([]).meta({ description: 'Hints shown on request, in order.' }),
  },
  EXPECT.challenge,
).meta({ description: 'A classroom challenge on this plant: the strategy a student edits, its levers, the goal; none when absent.' });

export type ChallengeDoc = z.output<typeof challengeSchema>;

/** A checked challenge, as the scenario carries it. */
export interface Challenge {
  title: string;
  goal: string;
  strategy: string;
  levers: string[];
  objective: { kpi: string; below?: number; above?: number };
  constraints: { kpi: string; atLeast?: number; atMost?: number }[];
  hints: string[];
}

/** KPI names the results report for a document's items and machines. */
function knownKpis(doc: { items?: unknown; machines?: unknown }): Set<string> {
  const names = (value: unknown): string[] => (value !== null && typeof value === 'object' ? Object.keys(value) : []);
  return new Set<string>([
    ...OVERALL_KPIS,
    ...names(doc.items).flatMap((item) => ITEM_KPIS.map((k) => `${item}.${k}`)),
    ...names(doc.machines).flatMap((machine) => MACHINE_KPIS.map((k) => `${machine}.${k}`)),
  ]);
}

/**
 * What the schema cannot check of a challenge: its strategy, levers and KPIs against the file,
 * and strategies that patch it. `data` is the raw document (overrides applied); `strategies` the
 * names the file defines (['base'] without any).
 */
export function challengeProblems(data: unknown, challenge: ChallengeDoc | undefined, strategies: string[]): Problem[] {
  const problems: Problem[] = [];
  const doc = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const patches = doc.strategies !== null && typeof doc.strategies === 'object' ? (doc.strategies as Record<string, unknown>) : {};
  for (const [name, patch] of Object.entries(patches)) {
    if (patch !== null && typeof patch === 'object' && Object.hasOwn(patch, 'challenge')) {
      problems.push({ path: ['strategies', name, 'challenge'], text: MSG.challengePatched(name) });
    }
  }
  if (challenge === undefined) return problems;
  if (!strategies.includes(challenge.strategy)) problems.push({ path: ['challenge', 'strategy'], text: MSG.challengeStrategy(challenge.strategy, strategies) });
  challenge.levers.forEach((lever, i) => {
    const path = parsePath(lever);
    const value = path === null ? undefined : getPath(doc, path);
    if (typeof value !== 'number') problems.push({ path: ['challenge', 'levers', i], text: MSG.challengeLever(lever) });
  });
  const patch = Object.hasOwn(patches, challenge.strategy) ? (patches[challenge.strategy] as Record<string, unknown> | null) : null;
  const known = knownKpis({ items: { ...(doc.items as object), ...((patch?.items as object) ?? {}) }, machines: doc.machines });
  const checkKpi = (name: string, path: Problem['path']): void => {
    if (!known.has(name)) problems.push({ path, text: MSG.challengeKpi(name) });
  };
  checkKpi(challenge.objective.kpi, ['challenge', 'objective', 'kpi']);
  challenge.constraints.forEach((c, i) => checkKpi(c.kpi, ['challenge', 'constraints', i, 'kpi']));
  return problems;
}

/** The challenge as the scenario carries it; null without one. */
export function challengeOf(doc: { challenge?: ChallengeDoc }): Challenge | null {
  const c = doc.challenge;
  if (c === undefined) return null;
  return {
    title: c.title,
    goal: c.goal,
    strategy: c.strategy,
    levers: [...c.levers],
    objective: { ...c.objective },
    constraints: c.constraints.map((x) => ({ ...x })),
    hints: [...c.hints],
  };
}
