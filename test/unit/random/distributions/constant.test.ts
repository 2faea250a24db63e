import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constant, createStream } from '../../../../sim/random/index.js';
import { expectRejects, expectSamplesInSupport, golden } from '../sampling.js';

describe('constant', () => {
  it('constant(value) always returns value, with mean value and variance 0', () => {
    const d = constant(2.5);
    expect(golden(d)).toEqual([2.5, 2.5, 2.5]);
    expect([d.name, d.mean, d.variance]).toEqual(['constant', 2.5, 0]);
    expect(d.support).toEqual({ min: 2.5, max: 2.5, integer: false });
  });

  it('constant(value) draws nothing from the rng', () => {
    let draws = 0;
    constant(3).sample(() => (draws++, 0.5));
    expect(draws).toBe(0);
  });

  it('constant(value) returns value for any value >= 0', () => {
    expectSamplesInSupport(fc.double({ min: 0, max: 1e9, noNaN: true }), constant, (x, v) => x === v);
    expect(constant(0).sample(createStream(1, 'x'))).toBe(0);
  });

  it('constant rejects a negative or non-finite value with a RangeError naming value', () => {
    expect(() => constant(-1)).toThrow('constant: value must be a finite number >= 0, got -1');
    expectRejects(() => constant(Number.NaN), 'value', 'NaN');
    expectRejects(() => constant(Infinity), 'value', 'Infinity');
  });
});
