// Demand profiles: a weekly or yearly factor on a stream's rate, by thinning (a non-homogeneous
// Poisson process when the base gaps are exponential).
import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../sim/model/index.js';
import { profileAt } from '../../../sim/model/demand.js';
import { exponential } from '../../../sim/random/index.js';
import { buildStrategy, loadScenario } from '../../../sim/scenario/index.js';
import { rateProfile } from '../../../sim/scenario/profiles.js';
import { boughtItem, demandFor, plant } from './fixtures.js';

const WEEK = [1, 1, 1, 1, 1.5, 0, 0.5];

describe('a weekly profile', () => {
  it('puts each weekday’s factor on its day (time 0 is a Monday), in days or in hours', () => {
    const days = profileAt(rateProfile({ weekly: WEEK }, 'day'));
    expect([0.5, 4.2, 5.99, 6.5, 7.1, 13.9].map(days)).toEqual([1, 1.5, 0, 0.5, 1, 0.5]);
    const hours = profileAt(rateProfile({ weekly: WEEK }, 'hour'));
    expect(hours(4 * 24 + 3)).toBe(1.5);
    expect(hours(5 * 24 + 23.9)).toBe(0);
  });

  it('gives each weekday the expected number of customer orders: 10 a day × its factor (Poisson, within 3.5 standard deviations)', () => {
    const weeks = 400;
    const counts = new Array<number>(7).fill(0);
    const demand = { ...demandFor('part', exponential(0.1)), profile: rateProfile({ weekly: WEEK }, 'day') };
    simulatePlant(plant({ time: { horizon: 7 * weeks, warmup: 0 }, items: { part: boughtItem({ type: 'none' }, { initial: 1e9 }) }, demand: [demand] }), {
      seed: 5,
      observer: { customerOrder: (_item, _quantity, time) => void counts[Math.floor(time) % 7]++ },
    });
    WEEK.forEach((factor, day) => {
      const expected = 10 * factor * weeks;
      expect(Math.abs(counts[day] - expected), `day ${day}: ${counts[day]} orders, expected ${expected}`).toBeLessThanOrEqual(3.5 * Math.sqrt(expected));
    });
    expect(counts[5]).toBe(0);
  });
});

describe('a yearly profile', () => {
  it('puts each month’s factor on its days of a 365-day year', () => {
    const months = Array.from({ length: 12 }, (_, m) => m + 1);
    const at = profileAt(rateProfile({ yearly: months }, 'day'));
    expect([0, 30.9, 31, 58.9, 59, 364.9, 365, 365 + 31].map(at)).toEqual([1, 1, 2, 2, 3, 12, 1, 2]);
  });
});

describe('profiles in a scenario', () => {
  const text = (profile: string, unit = 'day', trace = false) => `name: profile
time: { unit: ${unit}, horizon: 700 }
items:
  part: { buy: { leadTime: 1, orderCost: 5 }, policy: { type: sQ, reorderPoint: { serviceLevel: 0.9 }, quantity: eoq }, holdingCost: 1 }
demand:
  - { item: part, ${trace ? 'trace: d.csv' : 'interarrival: { exponential: { mean: 0.1 } }'}, profile: ${profile} }
`;

  it('lowers the derived demand rate to the base rate × the mean factor', () => {
    const scenario = loadScenario(text(`{ weekly: [${WEEK.join(', ')}] }`), { file: 'p.yaml' });
    expect(scenario.compiled.base.rates.part.mean).toBeCloseTo((10 * 6) / 7, 12);
    expect(buildStrategy(scenario, 'base').plant.demand[0]).toMatchObject({ kind: 'stream', profile: { cycle: 7, factors: WEEK } });
  });

  it('refuses a profile with the wrong number of factors, on a time unit without days, or on a trace', () => {
    const problem = (t: string) => {
      try {
        loadScenario(t, { file: 'p.yaml', readFile: () => 'time,quantity\n1,2\n' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problem(text('{ weekly: [1, 1, 1] }'))).toContain('demand[0].profile.weekly: expected a list of 7 factors, Monday to Sunday');
    expect(problem(text(`{ weekly: [${WEEK.join(', ')}] }`, 'shift'))).toContain('demand[0].profile: expected time.unit day, hour, minute or week');
    expect(problem(text(`{ weekly: [${WEEK.join(', ')}] }`, 'day', true))).toContain('demand[0].profile: expected no profile on a trace demand');
  });
});

describe('a profile on dated time', () => {
  it('starts the week on time.start’s weekday and the year on its day: 2025-01-08 is a Wednesday, 2025-03-01 day 59', () => {
    // 1970-01-01 was a Thursday; 2025-01-08 is 20096 days later.
    const wednesday = profileAt(rateProfile({ weekly: WEEK }, 'day', 20096));
    expect([0.5, 2.5, 3.5, 5.5].map(wednesday)).toEqual([1, 1.5, 0, 1]);
    const march = profileAt(rateProfile({ yearly: Array.from({ length: 12 }, (_, m) => m + 1) }, 'day', 20148));
    expect([0, 30.9, 31, 306].map(march)).toEqual([3, 3, 4, 1]);
  });
});
