const exact: number[] = [0];
for (let k = 1; k < 10; k++) exact.push(exact[k - 1] + Math.log(k));

/** ln(k!) for an integer k >= 0, to about 1e-10 absolute (exact sums below 10, Stirling above). */
export function logFactorial(k: number): number {
  if (k < 10) return exact[k];
  // Stirling series to the k⁻⁵ term; the first omitted term, 1/(1680 k⁷), is < 1e-10 for k >= 10.
  const inv = 1 / k;
  const inv2 = inv * inv;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}
