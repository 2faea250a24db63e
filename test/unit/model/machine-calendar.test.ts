import { describe, expect, it } from 'vitest';
import { simulatePlant, type CalendarSpec, type MachineSpec, type PolicySpec, type ReplenishmentRecord } from '../../../sim/model/index.js';
import { constant, exponential } from '../../../sim/random/index.js';
import { demandFor, madeItem, plant } from './fixtures.js';

const H = 24;
const WEEK = 7 * H;

/** Monday to Friday, 06:00 to 22:00, in hours. */
const twoShifts: CalendarSpec = { week: WEEK, open: [0, 1, 2, 3, 4].map((d): [number, number] => [d * H + 6, d * H + 22]), closed: [], phase: 0 };

/** One production order of `quantity` units released at `at`. */
const oneOrderAt = (at: number, quantity = 1): PolicySpec => ({ type: 'batch', lotSize: quantity, every: 1e6, offset: at });

/** The production orders of a run on a press with `calendar`, each with when it was placed and done. */
function ordersOf(policy: PolicySpec, processTime: number, options: { setup?: number; servers?: number; calendar?: CalendarSpec } = {}): ReplenishmentRecord[] {
  const orders: ReplenishmentRecord[] = [];
  const press: MachineSpec = { servers: options.servers ?? 1, failures: null, calendar: options.calendar ?? twoShifts };
  simulatePlant(
    plant({
      time: { horizon: 2 * WEEK, warmup: 0 },
      machines: { press },
      items: { widget: madeItem('press', constant(processTime), policy, {}, {}, constant(options.setup ?? 0)) },
    }),
    { seed: 1, observer: { orderPlaced: (record) => void orders.push(record) } },
  );
  return orders;
}

describe('a machine with a shift calendar', () => {
  it('pauses a unit in process at closing and resumes it at the next opening', () => {
    // Released Monday 20:00 with 5 h of work: 2 h until 22:00, the other 3 h from Tuesday 06:00.
    const [order] = ordersOf(oneOrderAt(20), 5);
    expect(order.done).toBe(H + 6 + 3);
  });

  it('starts an order released while closed at the next opening', () => {
    expect(ordersOf(oneOrderAt(23), 5)[0].done).toBe(H + 6 + 5);
    // Released on Saturday: it waits for Monday 06:00.
    expect(ordersOf(oneOrderAt(5 * H + 12), 5)[0].done).toBe(WEEK + 6 + 5);
  });

  it('sets up in open time only: a setup pauses at closing too', () => {
    // 4 h of setup from Monday 20:00 (2 h before closing, 2 h on Tuesday), then 5 h of work.
    expect(ordersOf(oneOrderAt(20), 5, { setup: 4 })[0].done).toBe(H + 6 + 2 + 5);
  });

  it('starts no unit while closed: one that would start at closing waits for the opening', () => {
    // Two units of 1 h from 20:00: the second finishes at 22:00, exactly at closing; three start the next day.
    expect(ordersOf(oneOrderAt(20, 2), 1)[0].done).toBe(22);
    expect(ordersOf(oneOrderAt(20, 3), 1)[0].done).toBe(H + 6 + 1);
  });

  it('hands orders that came while closed to every idle server at the opening', () => {
    const orders = ordersOf({ type: 'batch', lotSize: 1, every: 0.5, offset: 23 }, 4, { servers: 2 });
    // Released at 23:00 and 23:30: both start at 06:00 on the two servers.
    expect(orders.slice(0, 2).map((o) => o.done)).toEqual([H + 10, H + 10]);
  });

  it('splits time into an open share and shares of open time that sum to 1', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 4 * WEEK, warmup: WEEK },
        machines: { press: { servers: 1, failures: null, calendar: twoShifts } },
        items: { widget: madeItem('press', exponential(1), { type: 'makeToOrder' }) },
        demand: [demandFor('widget', exponential(4))],
      }),
      { seed: 2 },
    );
    const press = result.machines.press;
    expect(press.openShare).toBeCloseTo(80 / 168, 12);
    const sum = press.utilization + press.setupShare + press.downShare + press.starvedShare + press.blockedShare + press.idleShare;
    expect(sum).toBeCloseTo(1, 12);
    // A quarter of the hours' work, all of it done in open hours: about 0.25 / (80/168) of the open time.
    expect(press.utilization).toBeGreaterThan(0.4);
    expect(press.utilization).toBeLessThan(0.65);
  });

  it('is fully busy in open time when work never runs out, and idle at no open hour', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 3 * WEEK, warmup: WEEK },
        machines: { press: { servers: 1, failures: null, calendar: twoShifts } },
        items: { widget: madeItem('press', constant(1), oneOrderAt(0, 1e6)) },
      }),
      { seed: 1 },
    );
    const press = result.machines.press;
    expect(press.utilization).toBeCloseTo(1, 12);
    expect(press.idleShare).toBeCloseTo(0, 12);
    expect(press.unitsProduced).toBe(160);
  });

  it('runs operation-dependent failures on processing time only, and repairs in any time', () => {
    // Up for 3 h of processing, then a 10 h repair: from Monday 20:00, 2 h of work, 1 h on Tuesday
    // from 06:00, down 07:00–17:00, then the remaining 2 h: done at 19:00.
    const orders: ReplenishmentRecord[] = [];
    simulatePlant(
      plant({
        time: { horizon: WEEK, warmup: 0 },
        machines: { press: { servers: 1, failures: { upTime: constant(3), repairTime: constant(10) }, calendar: twoShifts } },
        items: { widget: madeItem('press', constant(5), oneOrderAt(20)) },
      }),
      { seed: 1, observer: { orderPlaced: (record) => void orders.push(record) } },
    );
    expect(orders[0].done).toBe(H + 19);
  });

  it('without a calendar is open all the time', () => {
    const result = simulatePlant(
      plant({
        time: { horizon: 100, warmup: 0 },
        machines: { press: { servers: 1, failures: null } },
        items: { widget: madeItem('press', constant(1), oneOrderAt(0, 10)) },
      }),
      { seed: 1 },
    );
    expect(result.machines.press.openShare).toBe(1);
    expect(result.machines.press.utilization).toBe(0.1);
  });
});
