// A replenishment policy in a few words, with the numbers the model runs it with (eoq and service
// levels already resolved): what a diagram shows under a stock point's name.
import type { PolicySpec } from '../model/index.js';
import { formatNumber } from './numbers.js';

/** `sQ: s 57, Q 412`, `kanban 8 × 40`, `make to order`; `unit` is the scenario's time unit (a continuous rate is per unit). */
export function policySummary(policy: PolicySpec, unit: string): string {
  const n = formatNumber;
  switch (policy.type) {
    case 'sQ':
      return `sQ: s ${n(policy.reorderPoint)}, Q ${n(policy.quantity)}`;
    case 'sS':
      return `sS: s ${n(policy.reorderPoint)}, S ${n(policy.orderUpTo)}`;
    case 'RS':
      return `RS: every ${n(policy.every)}, S ${n(policy.orderUpTo)}`;
    case 'baseStock':
      return `base stock ${n(policy.level)}`;
    case 'kanban':
      return `kanban ${n(policy.cards)} × ${n(policy.containerSize)}`;
    case 'batch':
      return `batch ${n(policy.lotSize)} every ${n(policy.every)}`;
    case 'continuous':
      return `continuous ${n(policy.rate)} per ${unit}`;
    case 'makeToOrder':
      return 'make to order';
    case 'ddmrp':
      return 'DDMRP buffer';
    case 'mrp':
      return policy.safetyStock > 0 ? `MRP, safety stock ${n(policy.safetyStock)}` : 'MRP';
    case 'anchorAndAdjust':
      return `anchor and adjust, target ${n(policy.targetStock)}`;
    case 'forecastOrderUpTo':
      return `up to ${n(policy.cover)} ${unit} of forecast`;
    case 'none':
      return 'never reorders';
    default:
      // A policy type added to the model before it has words here still shows its name.
      return (policy as { type: string }).type;
  }
}
