// Playing a stage (DESIGN.md, Classroom): `play: { item }` lets a person make one stock point's
// ordering decisions while the rest of the plant follows its policies. The schema checks the
// shape; `playProblems` checks what needs the whole file (the strategy exists, the item is one
// that is replenished, the game has few enough turns); `playOf` gives the scenario the game with
// every default filled.
import { z } from 'zod';
import { MAX_PLAY_TURNS, type PolicySpec } from '../model/index.js';
import type { CompiledStrategy } from './compile.js';
import type { Problem } from './errors.js';
import { EXPECT, show } from './messages.js';
import { gap, strict } from './schema-helpers.js';
import type { ScenarioDoc } from './schema.js';

/** The play block of a scenario file. */
export const playSchema = strict(
  {
    item: z.string().min(1).meta({ description: 'The stock point the player orders for (one that is bought, transferred or made).' }),
    strategy: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'The strategy the rest of the plant follows, and whose policy the debrief compares with; the first strategy when absent.' }),
    every: gap()
      .optional()
      .meta({ description: "The review period: the player orders at 0, every, 2·every, …; the item's policy's every when it has one, else time.bucket." }),
  },
  EXPECT.play,
).meta({ description: 'Play one stage yourself: the run stops at each review of the item and asks for the order quantity; none when absent.' });

export type PlayDoc = z.output<typeof playSchema>;

/** A checked game, as the scenario carries it: the item played, the strategy, the review period and the number of turns. */
export interface PlaySetup {
  item: string;
  strategy: string;
  every: number;
  turns: number;
}

/** A strategy's document as the checker needs it: null when it did not validate (its problems are reported elsewhere). */
export interface PlayUnit {
  strategy: string;
  doc: ScenarioDoc | null;
}

/**
 * What the schema cannot check of a play block: strategies that patch it, its strategy, its item
 * (one that is replenished, not planned by MRP) and how many turns the game would have. `data`
 * is the raw document; `units` each strategy's document, in file order (the base alone as `base`).
 */
export function playProblems(data: unknown, play: PlayDoc | undefined, units: readonly PlayUnit[]): Problem[] {
  const problems: Problem[] = [];
  const doc = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const patches = doc.strategies !== null && typeof doc.strategies === 'object' ? (doc.strategies as Record<string, unknown>) : {};
  for (const [name, patch] of Object.entries(patches)) {
    if (patch !== null && typeof patch === 'object' && Object.hasOwn(patch, 'play')) {
      problems.push({
        path: ['strategies', name, 'play'],
        text: `strategy ${show(name)} changes play; the game belongs to the whole file: move it out of the strategy`,
      });
    }
  }
  if (play === undefined || units.length === 0) return problems;
  const names = units.map((u) => u.strategy);
  const strategy = play.strategy ?? names[0];
  const unit = units.find((u) => u.strategy === strategy);
  if (unit === undefined) {
    problems.push({ path: ['play', 'strategy'], text: `the game's strategy ${show(strategy)} is not one of the file's (expected one of ${names.join(', ')})` });
    return problems;
  }
  if (unit.doc === null) return problems;
  const items = unit.doc.items;
  const item = Object.hasOwn(items, play.item) ? items[play.item] : undefined;
  if (item === undefined) {
    problems.push({ path: ['play', 'item'], text: `expected an item of the plant (one of ${Object.keys(items).join(', ')}), got ${show(play.item)}` });
    return problems;
  }
  if (item.buy === undefined && item.transfer === undefined && item.make === undefined) {
    problems.push({
      path: ['play', 'item'],
      text: `${show(play.item)} is not replenished (no buy, transfer or make): a player would have nothing to order; play an item that is bought, transferred or made`,
    });
  } else if (item.policy?.type === 'mrp') {
    problems.push({
      path: ['play', 'item'],
      text: `${show(play.item)} is planned by MRP together with the other MRP items; a player cannot take one of them over: give it another policy in strategy ${show(strategy)}`,
    });
  }
  const every = playEvery(play.every, item.policy, unit.doc.time.bucket);
  const turns = turnsOf(unit.doc.time.horizon, every);
  if (turns > MAX_PLAY_TURNS) {
    problems.push({
      path: play.every === undefined ? ['play'] : ['play', 'every'],
      text: `the game would have ${turns} turns (time.horizon ${unit.doc.time.horizon} / every ${every}); a person plays at most ${MAX_PLAY_TURNS}: set a longer play.every or a shorter time.horizon`,
    });
  }
  return problems;
}

/** The game as the scenario carries it (every default filled); null without one. The file has passed playProblems. */
export function playOf(play: PlayDoc | undefined, strategies: readonly string[], compiled: Record<string, CompiledStrategy>): PlaySetup | null {
  if (play === undefined) return null;
  const strategy = play.strategy ?? strategies[0];
  const { policies, document: doc } = compiled[strategy];
  const every = playEvery(play.every, policies[play.item], doc.time.bucket);
  return { item: play.item, strategy, every, turns: turnsOf(doc.time.horizon, every) };
}

/** The review period: the block's own, else the item's policy's, else the scenario's bucket. */
function playEvery(own: number | undefined, policy: PolicySpec | ScenarioDoc['items'][string]['policy'] | undefined, bucket: number | undefined): number {
  if (own !== undefined) return own;
  if (policy !== undefined && 'every' in policy && typeof policy.every === 'number') return policy.every;
  return bucket ?? 1;
}

/** Reviews at 0, every, 2·every, … before the horizon: one turn each. */
export function turnsOf(horizon: number, every: number): number {
  return Math.max(1, Math.ceil(horizon / every - 1e-9));
}
