import { describe, expect, it } from 'vitest';
import { kanbanCards, orderUpTo, sQOrder, sSOrder } from '../../../sim/model/index.js';

describe('policy decisions', () => {
  it('sQ orders nothing while the position is above s', () => expect(sQOrder(11, 10, 5)).toBe(0));
  it('sQ orders one Q when the position is exactly s', () => expect(sQOrder(10, 10, 5)).toBe(5));
  it('sQ orders the fewest multiples of Q that lift the position above s', () => {
    expect(sQOrder(6, 10, 5)).toBe(5); // 6 + 5 = 11 > 10
    expect(sQOrder(5, 10, 5)).toBe(10); // 5 + 5 = 10 is not above s
    expect(sQOrder(-7, 10, 5)).toBe(20);
  });
  it('sS orders up to S when the position is at or below s', () => {
    expect(sSOrder(4, 4, 10)).toBe(6);
    expect(sSOrder(-2, 4, 10)).toBe(12);
    expect(sSOrder(5, 4, 10)).toBe(0);
  });
  it('order-up-to orders the gap to S, and nothing at or above S', () => {
    expect(orderUpTo(7, 10)).toBe(3);
    expect(orderUpTo(10, 10)).toBe(0);
    expect(orderUpTo(12, 10)).toBe(0);
  });
  it('kanban sends a card once the position falls to (N − 1)·c', () => {
    expect(kanbanCards(41, 5, 10, 0)).toBe(0);
    expect(kanbanCards(40, 5, 10, 0)).toBe(1);
    expect(kanbanCards(25, 5, 10, 1)).toBe(2); // 25 → 35 → 45 > 40
  });
  it('kanban never has more than N cards out', () => {
    expect(kanbanCards(-100, 5, 10, 3)).toBe(2);
    expect(kanbanCards(-100, 5, 10, 5)).toBe(0);
  });
});
