import { bufferZones } from '../planning/index.js';
import type { PolicySpec } from '../spec.js';

/**
 * The replenishment rules of the design as pure functions of the inventory position
 * (on hand + on order − backorders). Each returns what to order now; 0 means nothing.
 */

/** sQ: when position ≤ s, the fewest multiples of Q that lift it above s. */
export function sQOrder(position: number, reorderPoint: number, quantity: number): number {
  if (position > reorderPoint) return 0;
  return (Math.floor((reorderPoint - position) / quantity) + 1) * quantity;
}

/** sS: when position ≤ s, order up to S. */
export function sSOrder(position: number, reorderPoint: number, orderUpTo: number): number {
  return position <= reorderPoint ? orderUpTo - position : 0;
}

/** RS at a review instant (and base stock at any instant): order up to S if below it. */
export function orderUpTo(position: number, level: number): number {
  return position < level ? level - position : 0;
}

/**
 * kanban: N cards of c units; whenever position ≤ (N − 1)·c one card goes back as an order of c.
 * Returns how many cards (orders of c) to send now: never more than the cards not already out
 * (`cardsOut` orders in progress), so position never passes N·c.
 */
export function kanbanCards(position: number, cards: number, containerSize: number, cardsOut: number): number {
  const trigger = kanbanTrigger(cards, containerSize);
  if (position > trigger) return 0;
  return Math.min(Math.floor((trigger - position) / containerSize) + 1, cards - cardsOut);
}

/**
 * Sterman's anchoring-and-adjustment rule of the Beer Game (SC-03; Sterman 1989):
 * O = max(0, L̂ + αS·(S′ − S − β·SL)), with L̂ the expected incoming orders, S the inventory level
 * (on hand − backlog) and SL the supply line (ordered, not yet received).
 */
export function anchorAndAdjustOrder(expected: number, level: number, supplyLine: number, p: { alphaS: number; beta: number; targetStock: number }): number {
  return Math.max(0, expected + p.alphaS * (p.targetStock - level - p.beta * supplyLine));
}

/** Order up to μ̂·k + z·σ̂·√k for k periods of cover (Chen et al. 2000): the level a forecast-driven stage aims at. */
export function forecastLevel(mean: number, sd: number, periods: number, safetyFactor: number): number {
  return mean * periods + safetyFactor * sd * Math.sqrt(periods);
}

/** The inventory position at or below which a kanban loop sends a card back: (N − 1)·c. */
export function kanbanTrigger(cards: number, containerSize: number): number {
  return (cards - 1) * containerSize;
}

/** The levels a policy steers by, as a stock chart draws them: its reorder point (or trigger) and its order-up-to level. */
export function policyLevels(policy: PolicySpec): { level: 'reorder point' | 'order-up-to'; value: number }[] {
  switch (policy.type) {
    case 'sQ':
      return [{ level: 'reorder point', value: policy.reorderPoint }];
    case 'sS':
      return [
        { level: 'reorder point', value: policy.reorderPoint },
        { level: 'order-up-to', value: policy.orderUpTo },
      ];
    case 'RS':
      return [{ level: 'order-up-to', value: policy.orderUpTo }];
    case 'baseStock':
      return [{ level: 'order-up-to', value: policy.level }];
    case 'kanban':
      return [
        { level: 'reorder point', value: kanbanTrigger(policy.cards, policy.containerSize) },
        { level: 'order-up-to', value: policy.cards * policy.containerSize },
      ];
    case 'ddmrp': {
      // A rolling ADU moves the zones through the run: lines at their starting values would mislead.
      if (!('fixed' in policy.adu)) return [];
      const zones = bufferZones({ ...policy, adu: policy.adu.fixed });
      return [
        { level: 'reorder point', value: zones.topOfYellow },
        { level: 'order-up-to', value: zones.topOfGreen },
      ];
    }
    default:
      return [];
  }
}
