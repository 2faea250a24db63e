import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioError, loadScenario } from '../../../sim/scenario/index.js';
import { PLANT, load } from './helpers.js';

// The play block: what the loader checks of it, and the game the scenario carries (defaults filled).
function problems(text: string): string[] {
  try {
    loadScenario(text, { file: 'p.yaml' });
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.issues.map((i) => i.message);
  }
}

const withPlay = (block: string, extra = ''): string => `${PLANT}${extra}play: ${block}\n`;

describe('a play block in a scenario file', () => {
  it('is carried by the scenario with its strategy, review period and turns filled in', () => {
    const beer = loadScenario(readFileSync('scenarios/beer-game.yaml', 'utf8'), { file: 'beer-game.yaml' });
    expect(beer.play).toEqual({ item: 'retailer', strategy: "Sterman's players (anchor and adjust)", every: 1, turns: 36 });
    expect(load(PLANT).play).toBeNull();
  });

  it("takes the item's policy's review period, else time.bucket, unless it sets its own", () => {
    const rs = PLANT.replace('policy: { type: sQ, reorderPoint: 10, quantity: 100 }', 'policy: { type: RS, every: 7, orderUpTo: 300 }');
    expect(load(withPlay('{ item: steel }').replace(PLANT, rs)).play).toEqual({ item: 'steel', strategy: 'base', every: 7, turns: 15 });
    expect(load(withPlay('{ item: steel }')).play).toEqual({ item: 'steel', strategy: 'base', every: 1, turns: 100 });
    const bucketed = PLANT.replace('time: { horizon: 100 }', 'time: { horizon: 100, bucket: 4 }');
    expect(load(withPlay('{ item: widget }').replace(PLANT, bucketed)).play).toMatchObject({ every: 4, turns: 25 });
    expect(load(withPlay('{ item: widget, every: 3 }')).play).toMatchObject({ every: 3, turns: 34 });
  });

  it('plays the strategy it names, whose items count', () => {
    const strategies = 'strategies:\n  Lean: {}\n  Fat: { items: { steel: { initial: 500 } } }\n';
    expect(load(withPlay('{ item: steel, strategy: Fat }', strategies)).play).toMatchObject({ strategy: 'Fat' });
    expect(load(withPlay('{ item: steel }', strategies)).play).toMatchObject({ strategy: 'Lean' });
    expect(problems(withPlay('{ item: steel, strategy: Thin }', strategies))).toEqual([
      expect.stringMatching(/play\.strategy: the game's strategy "Thin" is not one of the file's \(expected one of Lean, Fat\)/),
    ]);
  });

  it('must name an item that is replenished, one a person can take over', () => {
    expect(problems(withPlay('{ item: gadget }'))).toEqual([
      expect.stringMatching(/play\.item: expected an item of the plant \(one of steel, widget\), got "gadget"/),
    ]);
    const idle = PLANT.replace('items:\n', 'items:\n  spare: { initial: 5 }\n');
    expect(problems(withPlay('{ item: spare }').replace(PLANT, idle))).toEqual([
      expect.stringMatching(/play\.item: "spare" is not replenished \(no buy, transfer or make\): a player would have nothing to order/),
    ]);
  });

  it('keeps a game to turns a person can play', () => {
    expect(problems(withPlay('{ item: steel, every: 0.1 }'))).toEqual([
      expect.stringMatching(/play\.every: the game would have 1000 turns \(time\.horizon 100 \/ every 0\.1\); a person plays at most 500/),
    ]);
    const long = PLANT.replace('time: { horizon: 100 }', 'time: { horizon: 2000 }');
    expect(problems(withPlay('{ item: steel }').replace(PLANT, long))).toEqual([expect.stringMatching(/^p\.yaml: play: the game would have 2000 turns/)]);
  });

  it('belongs to the whole file, and has only the keys it knows', () => {
    expect(problems(`${PLANT}strategies:\n  Mine: { play: { item: steel } }\n`)).toEqual([
      expect.stringMatching(/strategies\.Mine\.play: strategy "Mine" changes play; the game belongs to the whole file/),
    ]);
    expect(problems(withPlay('{ item: steel, turns: 3 }'))).toEqual([
      expect.stringMatching(/play\.turns: unknown key \(expected one of item, strategy, every\)/),
    ]);
    expect(problems(withPlay('{ item: steel, every: 0 }'))).toEqual([expect.stringMatching(/play\.every: expected a number > 0/)]);
    expect(problems(withPlay('retailer'))).toEqual([
      expect.stringMatching(/play: expected a play block: \{ item, strategy, every \} \(the item a person orders for\), got "retailer"/),
    ]);
  });
});
