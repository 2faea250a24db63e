/**
 * The dominant period of a series, in observations: the first lag (up to half the length)
 * where the sample autocorrelation has a local maximum above `threshold` after having dipped below
 * zero. The dip is what tells a cycle (a sawtooth returns to its phase) from the slow decay of a
 * merely persistent series, whose noise makes small bumps. 0 when there is none.
 */
export function dominantPeriod(values: ArrayLike<number>, threshold = 0.5): number {
  const acf = autocorrelations(values, Math.floor(values.length / 2));
  let dipped = false;
  for (let lag = 1; lag < acf.length - 1; lag++) {
    if (acf[lag] < 0) dipped = true;
    if (dipped && acf[lag] > threshold && acf[lag] >= acf[lag - 1] && acf[lag] > acf[lag + 1]) return lag;
  }
  return 0;
}

/** Sample autocorrelations r(0..maxLag) (r(0) = 1); all 0 beyond r(0) for a constant series. */
function autocorrelations(values: ArrayLike<number>, maxLag: number): Float64Array {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (values[i] - mean) ** 2;
  const acf = new Float64Array(maxLag + 1);
  acf[0] = 1;
  if (!(variance > 0)) return acf;
  for (let lag = 1; lag <= maxLag; lag++) {
    let sum = 0;
    for (let i = 0; i + lag < n; i++) sum += (values[i] - mean) * (values[i + lag] - mean);
    acf[lag] = sum / variance;
  }
  return acf;
}
