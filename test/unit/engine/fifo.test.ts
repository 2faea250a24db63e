import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fifo } from '../../../sim/engine/fifo.js';

describe('Fifo', () => {
  it('gives entries back first in, first out, and undefined when empty', () => {
    const queue = new Fifo<string>();
    queue.push('a');
    queue.push('b');
    expect(queue.peek()).toBe('a');
    expect(queue.shift()).toBe('a');
    queue.push('c');
    const seen: string[] = [];
    queue.forEach((x) => seen.push(x));
    expect(seen).toEqual(['b', 'c']);
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual(['b', 'c', undefined]);
    expect(queue.size).toBe(0);
  });

  it('holds memory for what waits, not for all that ever waited, in a queue that never empties', () => {
    const queue = new Fifo<number>();
    for (let i = 0; i < 10; i++) queue.push(i);
    let inOrder = true;
    for (let i = 10; i < 1_000_000; i++) {
      queue.push(i);
      inOrder &&= queue.shift() === i - 10;
    }
    expect(inOrder).toBe(true);
    expect(queue.size).toBe(10);
    expect(queue.slots).toBeLessThan(2100);
  });

  it('gives its memory back after a burst', () => {
    const queue = new Fifo<number>();
    for (let i = 0; i < 100_000; i++) queue.push(i);
    expect(queue.slots).toBeGreaterThanOrEqual(100_000);
    for (let i = 0; i < 99_990; i++) queue.shift();
    expect(queue.slots).toBeLessThanOrEqual(64);
    expect([queue.shift(), queue.size]).toEqual([99_990, 9]);
  });

  it('behaves as an array under any mix of pushes and shifts', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(-1)), { maxLength: 500 }), (ops) => {
        const queue = new Fifo<number>();
        const model: number[] = [];
        for (const op of ops) {
          if (op < 0) expect(queue.shift()).toBe(model.shift());
          else {
            queue.push(op);
            model.push(op);
          }
          expect(queue.size).toBe(model.length);
          expect(queue.peek()).toBe(model[0]);
        }
        const seen: number[] = [];
        queue.forEach((x) => seen.push(x));
        expect(seen).toEqual(model);
      }),
    );
  });
});
