import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventCalendar } from '../../../sim/engine/index.js';

/** Pops every event, running each action; returns how many ran. */
function drain(calendar: EventCalendar): number {
  let ran = 0;
  for (let action = calendar.pop(); action; action = calendar.pop()) {
    action();
    ran++;
  }
  return ran;
}

describe('EventCalendar', () => {
  it('pops events in time order', () => {
    const calendar = new EventCalendar();
    const times: number[] = [];
    for (const t of [5, 1, 4, 2, 3]) calendar.push(t, () => times.push(t));
    drain(calendar);
    expect(times).toEqual([1, 2, 3, 4, 5]);
  });

  it('pops events at equal times in the order they were pushed', () => {
    const calendar = new EventCalendar();
    const order: number[] = [];
    [3, 1, 3, 1, 3].forEach((t, i) => calendar.push(t, () => order.push(i)));
    drain(calendar);
    expect(order).toEqual([1, 3, 0, 2, 4]);
  });

  it('skips cancelled events', () => {
    const calendar = new EventCalendar();
    const ran: string[] = [];
    const a = calendar.push(1, () => ran.push('a'));
    calendar.push(2, () => ran.push('b'));
    calendar.cancel(a);
    expect(calendar.peekTime()).toBe(2);
    calendar.pop()!();
    expect(calendar.pop()).toBeUndefined();
    expect(calendar.peekTime()).toBe(Infinity);
    expect(ran).toEqual(['b']);
  });

  it('ignores the cancel of an event already popped, and does not keep it', () => {
    const calendar = new EventCalendar();
    const ran: number[] = [];
    const popped = Array.from({ length: 100 }, (_, i) => calendar.push(i, () => ran.push(i)));
    drain(calendar);
    calendar.push(200, () => ran.push(200));
    for (const handle of popped) calendar.cancel(handle);
    expect((calendar as unknown as { cancelled: Set<number> }).cancelled.size).toBeLessThanOrEqual(1);
    drain(calendar);
    expect(ran.at(-1)).toBe(200);
  });

  it('orders any sequence of pushes by (time, sequence), cancelled ones left out', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { maxLength: 200 }), (events) => {
        const calendar = new EventCalendar();
        const popped: number[] = [];
        const handles = events.map(([t], i) => calendar.push(t, () => popped.push(i)));
        events.forEach(([, cancel], i) => cancel && calendar.cancel(handles[i]));
        expect(calendar.size).toBe(events.length);
        drain(calendar);
        const expected = events
          .map(([t, cancel], i) => ({ t, cancel, i }))
          .filter((e) => !e.cancel)
          .sort((a, b) => a.t - b.t || a.i - b.i)
          .map((e) => e.i);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('keeps its order while events are pushed between pops', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 300 }), (delays) => {
        const calendar = new EventCalendar();
        let now = 0;
        const seen: number[] = [];
        let k = 0;
        const step = (): void => {
          seen.push(now);
          if (k < delays.length) calendar.push(now + delays[k++], step);
        };
        calendar.push(0, step);
        calendar.push(0, step);
        for (let t = calendar.peekTime(); t !== Infinity; t = calendar.peekTime()) {
          now = t;
          calendar.pop()!();
        }
        expect(seen).toEqual([...seen].sort((a, b) => a - b));
        expect(seen.length).toBe(delays.length + 2);
      }),
    );
  });
});
