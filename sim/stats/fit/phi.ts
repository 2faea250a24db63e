import erfc from '@stdlib/math-base-special-erfc';

/** The standard normal CDF Φ(z), accurate in both tails (erfc, not 1 − erf). */
export function phi(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** ln φ(z), the log of the standard normal density. */
export function logPhiDensity(z: number): number {
  return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
}
