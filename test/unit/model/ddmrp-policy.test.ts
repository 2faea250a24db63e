// The DDMRP policy in the plant: zones derived as DDMRP-01 gives them, orders up to the top of
// green whenever the net flow falls to the top of yellow, and zones that follow a rolling ADU.
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../sim/experiment/index.js';
import { policyLevels, simulatePlant } from '../../../sim/model/index.js';
import { buildStrategy, loadScenario } from '../../../sim/scenario/index.js';

const scenario = (adu: string, extra = '') => `name: DDMRP
time: { horizon: 60 }
items:
  part:
    holdingCost: 1
    initial: 400
    buy: { leadTime: 5 }
    policy: { type: ddmrp, adu: ${adu}, leadTime: 5, leadTimeFactor: 0.5, variabilityFactor: 0.5, orderCycle: 7 }
demand:
  - { item: part, every: 1, quantity: 40 }
${extra}`;

describe('the DDMRP policy', () => {
  it('derives the zones of DDMRP-01 from a fixed ADU of 40 and reports them with their formula', () => {
    const { derived } = buildStrategy(loadScenario(scenario('{ fixed: 40 }'), { file: 'd.yaml' }), 'base');
    expect(derived.part.zones).toEqual({ adu: 40, red: 150, yellow: 200, green: 280, topOfRed: 150, topOfYellow: 350, topOfGreen: 630 });
    expect(derived.part.formulas.zones).toBe('ADU = 40, DLT = 5: red = 150 (base 100 + safety 50), yellow = 200, green = 280; tops 150 / 350 / 630');
  });

  it('starts a rolling ADU from the demand rate derived from the scenario', () => {
    const { derived } = buildStrategy(loadScenario(scenario('{ window: 7 }'), { file: 'd.yaml' }), 'base');
    expect(derived.part.zones!.adu).toBe(40);
    expect(derived.part.zones!.topOfGreen).toBe(630);
  });

  it('orders up to the top of green when the net flow reaches the top of yellow: never out of stock at steady demand', () => {
    const loaded = loadScenario(scenario('{ fixed: 40 }'), { file: 'd.yaml' });
    const run = simulatePlant(buildStrategy(loaded, 'base').plant, { seed: 1, series: null });
    // 40 a day against a top of yellow of 350 and a lead time of 5: each order (630 − 350 = 280,
    // a week of demand) arrives with 150 (the red zone) still on hand, so no stockout ever.
    expect(run.items.part.stockoutUnits).toBe(0);
    expect(run.items.part.fillRate).toBe(1);
    // 60 days × 40 = 2400 units taken, 400 to start: about (2400 − 400 + end stock) / 280 orders.
    expect(run.items.part.replenishmentOrders).toBeGreaterThanOrEqual(7);
    expect(run.items.part.replenishmentOrders).toBeLessThanOrEqual(9);
    expect(loaded.compiled.base.policies.part).toMatchObject({ type: 'ddmrp', initialAdu: 40 });
  });

  it('moves the buffer with the rolling ADU when demand doubles, where a fixed ADU runs short', () => {
    const shock = scenario('{ window: 7 }').replace('quantity: 40 }', 'quantity: 40, changes: [{ at: 20, factor: 2 }] }');
    const fixed = shock.replace('{ window: 7 }', '{ fixed: 40 }');
    const rolling = runExperiment(loadScenario(shock, { file: 'd.yaml' }), { replications: 1 });
    const still = runExperiment(loadScenario(fixed, { file: 'd.yaml' }), { replications: 1 });
    expect(rolling.strategies[0].items.part.fillRate.mean).toBeGreaterThan(still.strategies[0].items.part.fillRate.mean);
  });

  it('refuses a buffer without its factors, and a bad ADU, with one line each', () => {
    expect(() => loadScenario(scenario('{ fixed: 40 }').replace(', leadTimeFactor: 0.5', ''), { file: 'd.yaml' })).toThrow(
      'd.yaml: items.part.policy.leadTimeFactor: expected a number, got nothing',
    );
    expect(() => loadScenario(scenario('{ weekly: 3 }'), { file: 'd.yaml' })).toThrow(/items\.part\.policy\.adu: expected \{window: n\}/);
  });
});

describe('the levels a stock chart draws for a DDMRP buffer', () => {
  it('are the tops of yellow and green of a fixed ADU, and none for a rolling one (its zones move)', () => {
    const fixed = loadScenario(scenario('{ fixed: 40 }'), { file: 'd.yaml' }).compiled.base.policies.part;
    const rolling = loadScenario(scenario('{ window: 7 }'), { file: 'd.yaml' }).compiled.base.policies.part;
    expect(policyLevels(fixed)).toEqual([
      { level: 'reorder point', value: 350 },
      { level: 'order-up-to', value: 630 },
    ]);
    expect(policyLevels(rolling)).toEqual([]);
  });
});

describe('DDMRP with customer orders known ahead', () => {
  // One large order of 300 placed on day 10 for day 20, on top of 40 a day; the lead time is 5 days.
  const withBigOrder = (spike: string) =>
    loadScenario(scenario('{ fixed: 40 }', `  - { item: part, trace: big.csv, dueIn: 10 }\n`).replace('orderCycle: 7 }', `orderCycle: 7${spike} }`), {
      file: 'd.yaml',
      readFile: () => 'time,quantity\n10,300\n',
    });
  const run = (spike: string) => simulatePlant(buildStrategy(withBigOrder(spike), 'base').plant, { seed: 1, series: null }).items.part;

  it('qualifies a spike inside its horizon: ordered ahead, the large order is filled on time', () => {
    const part = run(', spike: { threshold: 150, horizon: 6 }');
    expect(part.onTimeShare).toBe(1);
    expect(part.avgCustomerWait).toBe(0);
  });

  it('without a spike rule the order counts only on its due day, too late for a 5-day lead time', () => {
    const part = run('');
    expect(part.onTimeShare).toBeLessThan(1);
    expect(part.avgCustomerWait).toBeGreaterThan(0);
  });
});
