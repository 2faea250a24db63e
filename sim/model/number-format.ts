// Numbers for people, written once: the report, the CLI, the page and the experiment's verdict sentences use them.

/** Numbers for people: 4 significant digits, thousands separators, no exponent for everyday sizes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e12 || magnitude < 1e-4) return value.toExponential(3);
  const decimals = Math.max(0, 3 - Math.floor(Math.log10(magnitude)));
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

/**
 * A share in [0, 1] as a percentage with one decimal; a share that is not exactly 1 (or 0) never
 * reads 100.0% (or 0.0%): it gets the decimals it needs, up to ">99.99%" (or "<0.01%").
 */
export function formatPercent(value: number): string {
  const percent = value * 100;
  for (let decimals = 1; decimals <= 2; decimals++) {
    const text = percent.toFixed(decimals);
    const rounded = Number(text);
    if ((rounded !== 100 || value === 1) && (rounded !== 0 || value === 0)) return `${text}%`;
  }
  return value > 0.5 ? '>99.99%' : '<0.01%';
}
