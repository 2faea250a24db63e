/**
 * Means of the first, middle and last thirds of `values` (a trend statistic: a level that grows
 * through a window has a last third well above its first). Needs at least 3 values.
 */
export function thirdMeans(values: ArrayLike<number>): [number, number, number] {
  const n = values.length;
  if (n < 3) throw new RangeError(`thirdMeans: need at least 3 values, got ${n}`);
  const bounds = [0, Math.floor(n / 3), n - Math.floor(n / 3), n];
  const means: number[] = [];
  for (let part = 0; part < 3; part++) {
    let sum = 0;
    for (let i = bounds[part]; i < bounds[part + 1]; i++) sum += values[i];
    means.push(sum / (bounds[part + 1] - bounds[part]));
  }
  return [means[0], means[1], means[2]];
}
