import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lognormal } from '../../../../sim/random/index.js';
import { expectCloseAll, expectMeanWithin4SE, expectRejects, expectSamplesInSupport, expectVarianceWithin4SE, golden, positive } from '../sampling.js';

describe('lognormal', () => {
  it('lognormal(1, 0.5) draws the pinned golden values from stream (7, "golden")', () => {
    expectCloseAll(golden(lognormal(1, 0.5)), [1.0699490137555825, 0.8916140868403137, 0.37316332677211694]);
  });

  it('lognormal(mean, sd) is parameterised by its own mean and sd', () => {
    expect(lognormal(10, 3)).toMatchObject({ name: 'lognormal', mean: 10, variance: 9 });
  });

  it('lognormal(mean, 0) always returns mean exactly', () => {
    expect(golden(lognormal(0.1, 0))).toEqual([0.1, 0.1, 0.1]);
  });

  it.each([
    [1, 0.5],
    [40, 10],
  ])('lognormal(%s, %s) has sample mean within 4 standard errors of mean', (mean, sd) => {
    expectMeanWithin4SE(lognormal(mean, sd));
  });

  it.each([
    [1, 0.5],
    [40, 10],
  ])('lognormal(%s, %s) has sample variance within 4 standard errors of sd²', (mean, sd) => {
    expectVarianceWithin4SE(lognormal(mean, sd));
  });

  it('lognormal(mean, sd) samples are >= 0 for any mean > 0 and sd >= 0', () => {
    expectSamplesInSupport(
      fc.tuple(positive(), positive()),
      ([mean, sd]) => lognormal(mean, sd),
      (x) => x >= 0 && Number.isFinite(x),
    );
  });

  it('lognormal rejects a mean that is not > 0 or a negative sd with a RangeError naming the parameter', () => {
    expect(() => lognormal(0, 1)).toThrow('lognormal: mean must be a finite number > 0, got 0');
    expectRejects(() => lognormal(1, -0.5), 'sd', '-0.5');
  });
});
