import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../sim/model/index.js';
import { buildStrategy, type DerivedValues } from '../../../sim/scenario/index.js';
import { probit } from '../../../sim/scenario/probit.js';
import { load, problems } from './helpers.js';

const Z95 = 1.6448536269514722;

/** One bought item `part` with the given fields, and demand lines. */
function bought(fields: string, demand: string): string {
  return `name: d
time: { horizon: 1000 }
items:
  part:
${fields
  .split('\n')
  .map((line) => `    ${line}`)
  .join('\n')}
demand:
${demand}
`;
}

function derivedOf(text: string, item = 'part'): DerivedValues {
  return buildStrategy(load(text), 'base').derived[item];
}

describe('quantity: eoq', () => {
  it('is √(2KD/h) on a bought item, rounded to whole units', () => {
    // D = 10 units a day (one order of 10 a day), K = 50, h = 0.1: √(2·50·10/0.1) = 100.
    const text = bought(
      'holdingCost: 0.1\nbuy: { leadTime: 2, orderCost: 50 }\npolicy: { type: sQ, reorderPoint: 5, quantity: eoq }',
      '  - { item: part, every: 1, quantity: 10 }',
    );
    expect(derivedOf(text)).toEqual({
      quantity: 100,
      reorderPoint: 5,
      formulas: { quantity: 'EOQ = √(2·K·D/h) = √(2·50·10/0.1) = 100 → 100' },
    });
  });

  it('rounds to the nearest whole unit and never below 1', () => {
    // D = 3, K = 7, h = 2: √21 = 4.58 → 5.  D = 0.01, K = 1, h = 100: √0.0002 → 1.
    const round = bought(
      'holdingCost: 2\nbuy: { leadTime: 2, orderCost: 7 }\npolicy: { type: sQ, reorderPoint: 0, quantity: eoq }',
      '  - { item: part, every: 1, quantity: 3 }',
    );
    expect(derivedOf(round).quantity).toBe(5);
    const tiny = bought(
      'holdingCost: 100\nbuy: { leadTime: 2, orderCost: 1 }\npolicy: { type: sQ, reorderPoint: 0, quantity: eoq }',
      '  - { item: part, every: 100 }',
    );
    expect(derivedOf(tiny).quantity).toBe(1);
  });

  it('is the EPQ √(2KD/(h(1 − D/P))) on a made item, with P = 1/mean process time', () => {
    // D = 10, P = 1/0.05 = 20, K = setupCost 100, h = 1: √(2000/(1·0.5)) = √4000 = 63.25.
    const text = `name: epq
time: { horizon: 100 }
machines: { m: {} }
items:
  part:
    holdingCost: 1
    make: { machine: m, processTime: { exponential: { mean: 0.05 } }, setupCost: 100 }
    policy: { type: sQ, reorderPoint: 3, quantity: eoq }
demand:
  - { item: part, interarrival: { exponential: { mean: 0.1 } } }
`;
    const derived = derivedOf(text);
    expect(derived.quantity).toBe(Math.round(Math.sqrt((2 * 100 * 10) / (1 * (1 - 10 / 20)))));
    expect(derived.formulas.quantity).toBe('EPQ = √(2·K·D/(h·(1 − D/P))) = √(2·100·10/(1·(1 − 10/20))) = 63.25 → 63');
  });

  it('sums every demand stream of the item, each mean quantity over mean interarrival', () => {
    // 2 units every 1, plus uniform(1,3) = 2 units every exponential(0.5) = 4 a day: D = 6.
    const text = bought(
      'holdingCost: 3\nbuy: { leadTime: 2, orderCost: 9 }\npolicy: { type: sQ, reorderPoint: 0, quantity: eoq }',
      '  - { item: part, every: 1, quantity: 2 }\n  - { item: part, interarrival: { exponential: { mean: 0.5 } }, quantity: { uniform: { min: 1, max: 3 } } }',
    );
    expect(derivedOf(text).formulas.quantity).toBe('EOQ = √(2·K·D/h) = √(2·9·6/3) = 6 → 6');
  });
});

describe('reorderPoint: { serviceLevel }', () => {
  it('is μL + z·σL with σL² = D·L for Poisson demand', () => {
    // λ = 4 a day, unit orders, L = 9: μ = 36, σ = 6, s = 36 + 1.6449·6 = 45.87 → 46.
    const text = bought(
      'holdingCost: 1\nbuy: { leadTime: 9 }\npolicy: { type: sQ, reorderPoint: { serviceLevel: 0.95 }, quantity: 50 }',
      '  - { item: part, interarrival: { exponential: { mean: 0.25 } } }',
    );
    expect(derivedOf(text)).toEqual({
      quantity: 50,
      reorderPoint: Math.ceil(36 + Z95 * 6),
      formulas: { reorderPoint: 's = μL + z·σL = 36 + 1.645·6 = 45.87 → 46 (D = 4, L = 9, p = 0.95)' },
    });
  });

  it('adds the variance of a random lead time: σL² = L·σ²D + D²·Var L', () => {
    // λ = 4, L uniform(3, 7): mean 5, Var L = 4²/12. μ = 20, σ² = 5·4 + 4²·4/3 = 41.33.
    const text = bought(
      'holdingCost: 1\nbuy: { leadTime: { uniform: { min: 3, max: 7 } } }\npolicy: { type: sQ, reorderPoint: { serviceLevel: 0.95 }, quantity: 50 }',
      '  - { item: part, interarrival: { exponential: { mean: 0.25 } } }',
    );
    expect(derivedOf(text).reorderPoint).toBe(Math.ceil(20 + Z95 * Math.sqrt(5 * 4 + 4 ** 2 * (16 / 12))));
  });

  it('raises s for 10 a day over a uniform(3, 7) lead time from 62 (fixed L = 5) to 73, and shows Var L in the formula', () => {
    // Poisson demand, D = 10, σ²D = 10. Fixed L = 5: σ² = 50, s = 50 + 1.645·7.071 = 61.63 → 62.
    // uniform(3, 7): Var L = 16/12, σ² = 50 + 100·16/12 = 183.3, s = 50 + 1.645·13.54 = 72.27 → 73.
    const fields = (leadTime: string): string =>
      `holdingCost: 1\nbuy: { leadTime: ${leadTime} }\npolicy: { type: sQ, reorderPoint: { serviceLevel: 0.95 }, quantity: 200 }`;
    const demand = '  - { item: part, interarrival: { exponential: { mean: 0.1 } } }';
    const fixed = derivedOf(bought(fields('5'), demand));
    const varying = derivedOf(bought(fields('{ uniform: { min: 3, max: 7 } }'), demand));
    const sigma = Math.sqrt(5 * 10 + 10 ** 2 * (16 / 12));
    expect(fixed.reorderPoint).toBe(Math.ceil(50 + Z95 * Math.sqrt(50)));
    expect(fixed.reorderPoint).toBe(62);
    expect(varying.reorderPoint).toBe(Math.ceil(50 + Z95 * sigma));
    expect(varying.reorderPoint).toBe(73);
    expect(fixed.formulas.reorderPoint).toBe('s = μL + z·σL = 50 + 1.645·7.071 = 61.63 → 62 (D = 10, L = 5, p = 0.95)');
    expect(varying.formulas.reorderPoint).toBe(
      's = μL + z·σL = 50 + 1.645·13.54 = 72.27 → 73, σL = √(L·σ²D + D²·Var L) = √(5·10 + 10²·1.333) (D = 10, L = 5, p = 0.95)',
    );
  });

  it('counts order sizes and irregular arrivals in the variance (compound renewal demand)', () => {
    // λ = 1, E[q] = 2, Var q = 1, c_a² = 0.5²/1² = 0.25: σ² per day = 1·(1 + 4·0.25) = 2.
    // L = 4: μ = 8, σ = √8; z(0.9) = 1.28155: s = 8 + 3.625 = 11.62 → 12.
    const text = bought(
      'holdingCost: 1\nbuy: { leadTime: 4 }\npolicy: { type: sQ, reorderPoint: { serviceLevel: 0.9 }, quantity: 10 }',
      '  - { item: part, interarrival: { gamma: { mean: 1, sd: 0.5 } }, quantity: { discrete: { values: [1, 3], weights: [1, 1] } } }',
    );
    expect(derivedOf(text).reorderPoint).toBe(Math.ceil(8 + probit(0.9) * Math.sqrt(8)));
    expect(derivedOf(text).formulas.reorderPoint).toBe('s = μL + z·σL = 8 + 1.282·2.828 = 11.62 → 12 (D = 2, L = 4, p = 0.9)');
  });

  it('takes setup plus Q times the mean process time as the lead time of a made item', () => {
    // D = 5 (every 0.2), Q = 40, L = 1 + 40·0.1 = 5: μ = 25, σ = 0 (regular demand, fixed times), s = 25.
    const text = `name: made
time: { horizon: 100 }
machines: { m: {} }
items:
  part:
    make: { machine: m, processTime: 0.1, setupTime: 1 }
    policy: { type: sQ, reorderPoint: { serviceLevel: 0.99 }, quantity: 40 }
demand:
  - { item: part, every: 0.2 }
`;
    expect(derivedOf(text).formulas.reorderPoint).toBe('s = μL + z·σL = 25 + 2.326·0 = 25 → 25 (D = 5, L = 5, p = 0.99)');
  });

  it('takes Var setup + Q × Var process time as the lead-time variance of a made item', () => {
    // D = 5 (every 0.2, σ²D = 0), Q = 40; setup exponential(1): Var 1; process exponential(0.1): Var 0.01.
    // L = 1 + 40·0.1 = 5, Var L = 1 + 40·0.01 = 1.4: σ = √(5²·1.4) = 5.916, s = 25 + 2.326·5.916 = 38.76 → 39.
    const text = `name: made
time: { horizon: 100 }
machines: { m: {} }
items:
  part:
    make: { machine: m, processTime: { exponential: { mean: 0.1 } }, setupTime: { exponential: { mean: 1 } } }
    policy: { type: sQ, reorderPoint: { serviceLevel: 0.99 }, quantity: 40 }
demand:
  - { item: part, every: 0.2 }
`;
    const derived = derivedOf(text);
    expect(derived.reorderPoint).toBe(Math.ceil(25 + probit(0.99) * Math.sqrt(25 * 1.4)));
    expect(derived.formulas.reorderPoint).toBe(
      's = μL + z·σL = 25 + 2.326·5.916 = 38.76 → 39, σL = √(L·σ²D + D²·Var L) = √(5·0 + 5²·1.4) (D = 5, L = 5, p = 0.99)',
    );
  });

  it('puts an sS reorder point below orderUpTo, counting a run of orderUpTo units on a made item', () => {
    const text = `name: made
time: { horizon: 100 }
machines: { m: {} }
items:
  part:
    make: { machine: m, processTime: 0.1 }
    policy: { type: sS, reorderPoint: { serviceLevel: 0.5 }, orderUpTo: 20 }
demand:
  - { item: part, every: 1 }
`;
    // L = 20·0.1 = 2, D = 1, z = 0: s = 2.
    const { plant, derived } = buildStrategy(load(text), 'base');
    expect(plant.items.part.policy).toEqual({ type: 'sS', reorderPoint: 2, orderUpTo: 20 });
    expect(derived.part).toEqual({ reorderPoint: 2, formulas: { reorderPoint: 's = μL + z·σL = 2 + 0·0 = 2 → 2 (D = 1, L = 2, p = 0.5)' } });
  });

  it('never goes below 0 for a low service level', () => {
    const text = bought(
      'buy: { leadTime: 1 }\npolicy: { type: sQ, reorderPoint: { serviceLevel: 0.01 }, quantity: 5 }',
      '  - { item: part, interarrival: { exponential: { mean: 1 } } }',
    );
    expect(derivedOf(text).reorderPoint).toBe(0);
    expect(derivedOf(text).formulas.reorderPoint).toMatch(/^s = μL \+ z·σL = 1 − 2\.326·1 = -1\.326 → 0 /);
  });
});

describe('a service-level reorder point in the simulation', () => {
  /**
   * Share of replenishment cycles (order placed to order received) without a stockout, for 10
   * unit orders a day (Poisson), a uniform(3, 7) lead time and Q = 200: one order is out at a time.
   */
  function cycleServiceLevel(reorderPoint: string): { level: number; cycles: number; s: number } {
    const text = bought(
      `initial: 300\nbuy: { leadTime: { uniform: { min: 3, max: 7 } } }\npolicy: { type: sQ, reorderPoint: ${reorderPoint}, quantity: 200 }`,
      '  - { item: part, interarrival: { exponential: { mean: 0.1 } } }',
    ).replace('horizon: 1000', 'horizon: 10000');
    const { plant } = buildStrategy(load(text), 'base');
    let open = false;
    let stockoutsBefore = 0;
    let cycles = 0;
    let short = 0;
    simulatePlant(plant, {
      seed: 11,
      observer: {
        afterEvent(_now, stocks) {
          const part = stocks.get('part')!;
          if (!open && part.onOrder > 0) {
            open = true;
            stockoutsBefore = part.stockoutEvents;
          } else if (open && part.onOrder === 0) {
            open = false;
            cycles++;
            if (part.stockoutEvents > stockoutsBefore) short++;
          }
        },
      },
    });
    const s = plant.items.part.policy.type === 'sQ' ? plant.items.part.policy.reorderPoint : NaN;
    return { level: 1 - short / cycles, cycles, s };
  }

  it('gives about the cycle service level asked for when the lead time varies (0.95, where ignoring Var L gave 0.80)', () => {
    // Exactly, P(Poisson(10·L) ≤ s) over L ~ uniform(3, 7) is 0.957 for s = 73 and 0.803 for s = 62.
    const derived = cycleServiceLevel('{ serviceLevel: 0.95 }');
    expect(derived.s).toBe(73);
    expect(derived.cycles).toBeGreaterThan(450);
    expect(derived.level).toBeGreaterThan(0.93);
    expect(derived.level).toBeLessThan(0.98);
    const meanOnly = cycleServiceLevel('62');
    expect(meanOnly.level).toBeGreaterThan(0.75);
    expect(meanOnly.level).toBeLessThan(0.86);
  });
});

describe('demand rates for derived values', () => {
  it('give a BOM component the demand of the items made from it', () => {
    const text = `name: bom
time: { horizon: 100 }
machines: { m: {} }
items:
  steel:
    holdingCost: 1
    buy: { leadTime: 1, orderCost: 8 }
    policy: { type: sQ, reorderPoint: 0, quantity: eoq }
  frame:
    make: { machine: m, processTime: 0.01, bom: { steel: 3 } }
    policy: { type: kanban, cards: 2, containerSize: 5 }
  bike:
    make: { machine: m, processTime: 0.01, bom: { frame: 1, steel: 2 } }
    policy: { type: makeToOrder }
demand:
  - { item: bike, every: 1 }
  - { item: frame, every: 2 }
`;
    // bike 1/day; frame 1 (bikes) + 0.5 (spares) = 1.5; steel 2·1 + 3·1.5 = 6.5.
    expect(derivedOf(text, 'steel').formulas.quantity).toBe('EOQ = √(2·K·D/h) = √(2·8·6.5/1) = 10.2 → 10');
  });

  it('take a trace as Poisson arrivals of its own order sizes within the horizon', () => {
    const text = `name: t
time: { horizon: 10 }
items:
  part:
    buy: { leadTime: 5 }
    policy: { type: sQ, reorderPoint: { serviceLevel: 0.95 }, quantity: 5 }
demand:
  - { item: part, trace: d.csv }
`;
    // Within the horizon: 2 and 4 units: D = 0.6, σ² per day = (4 + 16)/10 = 2; L = 5.
    const csv = 'time,quantity\n1,2\n6,4\n12,100\n';
    const derived = buildStrategy(load(text, { readFile: () => csv }), 'base').derived.part;
    expect(derived.reorderPoint).toBe(Math.ceil(3 + Z95 * Math.sqrt(10)));
  });

  it('ignore rate changes: derived values are set from the base rate', () => {
    const text = bought(
      'holdingCost: 0.1\nbuy: { leadTime: 2, orderCost: 50 }\npolicy: { type: sQ, reorderPoint: 5, quantity: eoq }',
      '  - { item: part, every: 1, quantity: 10, changes: [ { at: 10, factor: 3 } ] }',
    );
    expect(derivedOf(text).quantity).toBe(100);
  });
});

describe('derived values that cannot be derived', () => {
  it('eoq needs a positive holding cost and order cost, each named', () => {
    const text = bought('buy: { leadTime: 2 }\npolicy: { type: sQ, reorderPoint: 5, quantity: eoq }', '  - { item: part, every: 1 }');
    expect(problems(text)).toEqual([
      'x.yaml: items.part.policy.quantity: expected holdingCost > 0 for eoq (EOQ = √(2KD/h)), got 0',
      'x.yaml: items.part.policy.quantity: expected buy.orderCost > 0 for eoq (EOQ = √(2KD/h)), got 0',
    ]);
  });

  it('eoq on a made item needs a setup cost', () => {
    const text = `name: e
time: { horizon: 10 }
machines: { m: {} }
items:
  part:
    holdingCost: 1
    make: { machine: m, processTime: 0.1 }
    policy: { type: sQ, reorderPoint: 5, quantity: eoq }
demand:
  - { item: part, every: 1 }
`;
    expect(problems(text)).toEqual(['x.yaml: items.part.policy.quantity: expected make.setupCost > 0 for eoq (EOQ = √(2KD/h)), got 0']);
  });

  it('EPQ is impossible when demand outruns production', () => {
    const text = `name: e
time: { horizon: 10 }
machines: { m: {} }
items:
  part:
    holdingCost: 1
    make: { machine: m, processTime: 0.5, setupCost: 10 }
    policy: { type: sQ, reorderPoint: 5, quantity: eoq }
demand:
  - { item: part, every: 0.25 }
`;
    expect(problems(text)).toEqual([
      'x.yaml: items.part.policy.quantity: expected a demand rate below the production rate for eoq (D < P = 1/mean processTime = 2), got D = 4',
    ]);
  });

  it('eoq and serviceLevel need demand on the item', () => {
    const text = bought('holdingCost: 1\nbuy: { leadTime: 2, orderCost: 5 }\npolicy: { type: sQ, reorderPoint: { serviceLevel: 0.9 }, quantity: eoq }', '  []');
    expect(problems(text)).toEqual([
      'x.yaml: items.part.policy.quantity: expected an item with demand for eoq (no demand stream or bill of materials uses it), got D = 0',
    ]);
    const level = bought('buy: { leadTime: 2 }\npolicy: { type: sQ, reorderPoint: { serviceLevel: 0.9 }, quantity: 5 }', '  []');
    expect(problems(level)).toEqual([
      'x.yaml: items.part.policy.reorderPoint: expected an item with demand for serviceLevel (no demand stream or bill of materials uses it), got D = 0',
    ]);
  });

  it('an sS reorder point derived at or above orderUpTo is an error', () => {
    const text = bought('buy: { leadTime: 10 }\npolicy: { type: sS, reorderPoint: { serviceLevel: 0.9 }, orderUpTo: 5 }', '  - { item: part, every: 1 }');
    expect(problems(text)).toEqual(['x.yaml: items.part.policy.reorderPoint: expected a reorder point below orderUpTo (5), got 10 from serviceLevel']);
  });
});

describe('probit', () => {
  it('matches the z table to 1e-8', () => {
    expect(probit(0.95)).toBeCloseTo(Z95, 8);
    expect(probit(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(probit(0.5)).toBe(0);
    expect(probit(0.01)).toBeCloseTo(-2.326347874040841, 8);
    expect(probit(0.999)).toBeCloseTo(3.090232306167813, 8);
  });
});
