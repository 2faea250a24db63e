import type { PlantSpec } from '../../sim/index.js';
import type { TheoryCurve } from './sweep-spec.js';

/**
 * Mean demand rate of an item: its customers' (Σ mean quantity / mean gap) plus what machines take
 * for the items that use it (bom × their demand rate), as the scenario layer derives D.
 */
export function demandRate(plant: PlantSpec, item: string): number {
  let rate = 0;
  for (const d of plant.demand) {
    if (d.item !== item) continue;
    if (d.kind === 'stream') rate += d.quantity.mean / d.interarrival.mean;
    else rate += d.quantities.reduce((a, b) => a + b, 0) / plant.time.horizon;
  }
  // BOMs have no cycles (the scenario layer checks), so the recursion ends.
  for (const [parent, spec] of Object.entries(plant.items)) {
    const perUnit = spec.make?.bom[item];
    if (perUnit) rate += perUnit * demandRate(plant, parent);
  }
  return rate;
}

/**
 * The EOQ (or EPQ) cost curve over the measured window, K·D/Q + h·Q/2 (× (1 − D/P) for a made
 * item), for a sweep of `items.<item>.policy.quantity`; null when the path is not such a sweep.
 */
export function eoqCurve(plant: PlantSpec, path: string, quantities: number[]): TheoryCurve | null {
  const match = /^(?:strategies\.[^.]+\.)?items\.([^.]+)\.policy\.quantity$/.exec(path);
  const item = match ? plant.items[match[1]] : undefined;
  if (!match || !item || item.holdingCost <= 0) return null;
  const D = demandRate(plant, match[1]);
  const K = item.buy ? item.buy.orderCost : (item.make?.setupCost ?? 0);
  const P = item.make ? 1 / item.make.processTime.mean : Infinity;
  if (D <= 0 || K <= 0 || D >= P) return null;
  const window = plant.time.horizon - plant.time.warmup;
  const h = item.holdingCost * (1 - D / P);
  const points = [...quantities].sort((a, b) => a - b).filter((q) => q > 0).map((q) => ({ x: q, y: (K * D / q + (h * q) / 2) * window }));
  return { label: `${item.make ? 'EPQ' : 'EOQ'} formula (K·D/Q + h·Q/2, ${match[1]} only)`, points };
}
