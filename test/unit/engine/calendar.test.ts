import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../../sim/engine/index.js';

const noop = (): void => {};

describe('EventCalendar', () => {
  it('pops events in time order', () => {
    const calendar = new EventCalendar();
    for (const t of [5, 1, 4, 2, 3]) calendar.push(t, noop);
    const times: number[] = [];
    for (let e = calendar.pop(); e; e = calendar.pop()) times.push(e.time);
    expect(times).toEqual([1, 2, 3, 4, 5]);
  });

  it('pops events at equal times in the order they were pushed', () => {
    const calendar = new EventCalendar();
    const pushed = [3, 1, 3, 1, 3].map((t) => calendar.push(t, noop));
    const order: number[] = [];
    for (let e = calendar.pop(); e; e = calendar.pop()) order.push(pushed.indexOf(e));
    expect(order).toEqual([1, 3, 0, 2, 4]);
  });

  it('skips cancelled events', () => {
    const calendar = new EventCalendar();
    const a = calendar.push(1, noop);
    calendar.push(2, noop);
    a.cancelled = true;
    expect(calendar.peek()?.time).toBe(2);
    expect(calendar.pop()?.time).toBe(2);
    expect(calendar.pop()).toBeUndefined();
  });

  it('orders any sequence of pushes by (time, sequence)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const calendar = new EventCalendar();
        const events = times.map((t) => calendar.push(t, noop));
        const popped = [];
        for (let e = calendar.pop(); e; e = calendar.pop()) popped.push(e);
        const expected = [...events].sort((a, b) => a.time - b.time || a.seq - b.seq);
        expect(popped).toEqual(expected);
      }),
    );
  });
});
