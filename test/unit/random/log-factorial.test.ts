import { describe, expect, it } from 'vitest';
import { logFactorial } from '../../../sim/random/log-factorial.js';

describe('logFactorial', () => {
  it('logFactorial(k) matches ln k! summed term by term within 1e-10, for k from 0 to 2000', () => {
    let exact = 0;
    for (let k = 0; k <= 2000; k++) {
      if (k > 1) exact += Math.log(k);
      expect(Math.abs(logFactorial(k) - exact), `k = ${k}`).toBeLessThan(1e-10 * Math.max(1, exact));
    }
  });

  it('logFactorial(10⁶) matches lgamma(10⁶ + 1) from Python', () => {
    expect(logFactorial(1e6)).toBeCloseTo(12815518.384658169, 6);
  });
});
