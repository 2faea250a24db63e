import { describe, expect, it } from 'vitest';
import { builtStrategy } from '../../../sim/experiment/experiment-cache.js';
import { planWarnings } from '../../../sim/experiment/load-check.js';
import { simulatePlant } from '../../../sim/model/index.js';
import { buildStrategy, loadScenario } from '../../../sim/scenario/index.js';

/** One machine making one made-to-order item, 1.5 h a job, `perHour` jobs an hour; open 40 of 168 hours with `calendar`. */
const shifts = (perHour: number, calendar = 'calendar: day'): string => `name: Day shift
time: { unit: hour, horizon: 3360, warmup: 168 }
calendars:
  day: { hours: { mon-fri: "08:00-16:00" } }
machines:
  press: { ${calendar} }
items:
  job:
    make: { machine: press, processTime: { exponential: { mean: 1.5 } } }
    policy: { type: makeToOrder }
demand:
  - { item: job, interarrival: { exponential: { mean: ${1 / perHour} } } }
`;

function warningsOf(text: string) {
  return planWarnings('base', builtStrategy(loadScenario(text, { file: 'test.yaml' }), 'base'), 'hour');
}

describe('the load check of a machine with a calendar', () => {
  it('weighs the load against the open time: 15% of all hours is 63% of 40 open hours in 168, no warning', () => {
    expect(warningsOf(shifts(0.1))).toEqual([]);
  });

  it('warns of a machine open 40 of 168 hours at its real load, which an always-open machine would bear', () => {
    const [warning] = warningsOf(shifts(0.2));
    expect(warning.code).toBe('unstable-load');
    // 0.2 × 1.5 = 30% of all hours, 126% of the open ones.
    expect(warning.message).toMatch(/^Machine press needs 126% of its open time \(its calendar opens it 24% of the time\)/);
    expect(warning.message).toContain('open it longer (its calendar)');
    expect(warningsOf(shifts(0.2, ''))).toEqual([]);
  });
});

describe('MRP on a machine with a calendar', () => {
  it('plans against the open server time per bucket', () => {
    const text = `name: MRP on a day shift
time: { unit: hour, horizon: 3360, warmup: 168 }
planning: { bucket: 168, horizon: 4, frozen: 0 }
calendars:
  day: { hours: { mon-fri: "08:00-16:00" } }
machines:
  press: { servers: 2, calendar: day }
forecasts:
  job: { method: movingAverage, window: 2 }
items:
  job:
    make: { machine: press, processTime: 1 }
    policy: { type: mrp, leadTime: 1 }
demand:
  - { item: job, every: 10 }
`;
    const plant = buildStrategy(loadScenario(text, { file: 'test.yaml' }), 'base').plant;
    const result = simulatePlant(plant, { seed: 1, series: { maxPoints: 100 } });
    expect(result.series?.planning?.load.press.capacity).toBeCloseTo(2 * 40, 9);
    // 16.8 jobs of 1 h a week against 80 open hours.
    expect(result.machines.press.plannedLoad).toBeGreaterThan(0.15);
    expect(result.machines.press.plannedLoad).toBeLessThan(0.27);
  });
});
