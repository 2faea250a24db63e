import { describe, expect, it } from 'vitest';
import { exponential } from '../../../../sim/random/index.js';
import { expectCloseAll, expectMeanWithin4SE, expectRejects, expectSamplesInSupport, expectVarianceWithin4SE, golden, positive } from '../sampling.js';

describe('exponential', () => {
  it('exponential(2) draws the pinned golden values from stream (7, "golden")', () => {
    expectCloseAll(golden(exponential(2)), [0.5207650688544332, 0.3532694487734828, 1.177514454273319]);
  });

  it('exponential(mean) has mean mean and variance mean²', () => {
    expect(exponential(3)).toMatchObject({ name: 'exponential', mean: 3, variance: 9 });
  });

  it.each([0.5, 40])('exponential(%s) has sample mean within 4 standard errors of mean', (mean) => {
    expectMeanWithin4SE(exponential(mean));
  });

  it.each([0.5, 40])('exponential(%s) has sample variance within 4 standard errors of mean²', (mean) => {
    expectVarianceWithin4SE(exponential(mean));
  });

  it('exponential(mean) samples are >= 0 for any mean > 0', () => {
    expectSamplesInSupport(positive(), exponential, (x) => x >= 0 && Number.isFinite(x));
  });

  it('exponential returns +0, not -0, when the rng returns 0', () => {
    expect(
      Object.is(
        exponential(1).sample(() => 0),
        0,
      ),
    ).toBe(true);
  });

  it('exponential rejects a mean that is not > 0 with a RangeError naming mean', () => {
    expect(() => exponential(-2)).toThrow('exponential: mean must be a finite number > 0, got -2');
    expectRejects(() => exponential(0), 'mean', '0');
    expectRejects(() => exponential(Infinity), 'mean', 'Infinity');
    expectRejects(() => exponential('3' as unknown as number), 'mean', '"3"');
  });
});
