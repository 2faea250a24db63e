import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalOf, MomentBank, pairedDifference, ratioLinearization, summarize } from '../../../sim/stats/index.js';

// The running moments must give what the two-pass formulas give over the stored values.
const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const close = (a: number, b: number, scale: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * (1 + scale));

describe('MomentBank', () => {
  it('gives the mean and sample sd of one value per observation, as summarize() does', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 2, maxLength: 60 }), (xs) => {
        const bank = new MomentBank(1, 1);
        for (const x of xs) bank.add([x]);
        const expected = summarize(xs);
        const scale = Math.max(...xs.map(Math.abs));
        close(bank.mean(0), expected.mean, scale);
        close(Math.sqrt(bank.variance(0)), expected.sd, scale);
        expect(bank.n).toBe(xs.length);
      }),
    );
  });

  it('gives the delta-method sd of a pooled ratio, as the linearized values do', () => {
    const pair = fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0.5, max: 1e3, noNaN: true }));
    fc.assert(
      fc.property(fc.array(pair, { minLength: 2, maxLength: 40 }), (rows) => {
        const bank = new MomentBank(1, 2);
        for (const [y, x] of rows) bank.add([y, x]);
        const z = ratioLinearization(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        )!;
        const ratio = bank.sum(0, 0) / bank.sum(0, 1);
        const meanX = bank.sum(0, 1) / bank.n;
        const sd = Math.sqrt(bank.variance(0, [1 / meanX, -ratio / meanX]));
        close(sd, summarize(z).sd, summarize(z).sd + ratio);
      }),
    );
  });

  it('gives the paired difference of two pooled ratios from their four running moments', () => {
    const row = fc.tuple(
      fc.double({ min: 0, max: 1e3, noNaN: true }),
      fc.double({ min: 1, max: 50, noNaN: true }),
      fc.double({ min: 0, max: 1e3, noNaN: true }),
      fc.double({ min: 1, max: 50, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (rows) => {
        const bank = new MomentBank(1, 4);
        for (const r of rows) bank.add(r);
        const zA = ratioLinearization(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        )!;
        const zB = ratioLinearization(
          rows.map((r) => r[2]),
          rows.map((r) => r[3]),
        )!;
        const expected = pairedDifference(zA, zB);
        const [rA, rB] = [bank.sum(0, 0) / bank.sum(0, 1), bank.sum(0, 2) / bank.sum(0, 3)];
        const [mA, mB] = [bank.sum(0, 1) / bank.n, bank.sum(0, 3) / bank.n];
        const sd = Math.sqrt(bank.variance(0, [1 / mA, -rA / mA, -1 / mB, rB / mB]));
        close(sd, expected.sd, expected.sd + rA + rB);
      }),
    );
  });

  it('keeps equal values exact: their mean is the value and their sd exactly 0', () => {
    const bank = new MomentBank(2, 1);
    for (let i = 0; i < 1000; i++) bank.add([0.1, 7]);
    expect([bank.mean(0), bank.mean(1), bank.variance(0), bank.variance(1)]).toEqual([0.1, 7, 0, 0]);
  });

  it('refuses a value that is not finite, and a row of the wrong length', () => {
    const bank = new MomentBank(1, 2);
    expect(() => bank.add([1, Infinity])).toThrow(/value 1 is Infinity; expected a finite number/);
    expect(() => bank.add([1])).toThrow(/1 values for 1 groups of 2/);
  });

  it('gives no interval from one observation', () => {
    expect(intervalOf(3, 0, 1)).toEqual({ mean: 3, sd: 0, ci95: null, n: 1 });
    const { ci95 } = intervalOf(3, 4, 10);
    close(ci95![1] - 3, (2.2621571627409915 * 2) / Math.sqrt(10), 1);
  });
});
