/** Numbers for people: 4 significant digits, thousands separators, no exponent for everyday sizes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e12 || magnitude < 1e-4) return value.toExponential(3);
  const decimals = Math.max(0, 3 - Math.floor(Math.log10(magnitude)));
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

/** A share in [0, 1] as a percentage with one decimal. */
export function formatPercent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** Mean ± half-width of a 95% interval, in the unit of `format`. */
export function formatEstimate(mean: number, ci95: [number, number], format: (value: number) => string): string {
  const halfWidth = (ci95[1] - ci95[0]) / 2;
  return halfWidth > 0 ? `${format(mean)} ± ${format(halfWidth)}` : format(mean);
}
