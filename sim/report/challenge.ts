// A challenge's goal against a result: met only on the confidence interval, not the mean (the
// page's goal panel turns green by it, and `sawtooth grade` ranks by it), and the fingerprint a
// submission carries so that it is graded only against the challenge it was made for.
import type { ExperimentResult, KpiSummary } from '../experiment/index.js';
import type { Challenge } from '../scenario/index.js';
import { kpiSummaryOf } from './comparisons.js';

/** One figure of a goal: the KPI's estimate, the bound, and whether the whole interval is on the right side. */
export interface GoalFigure {
  kpi: string;
  /** `below` / `above` for the objective, `atLeast` / `atMost` for a constraint. */
  bound: 'below' | 'above' | 'atLeast' | 'atMost';
  value: number;
  estimate: KpiSummary;
  met: boolean;
  /**
   * Where the interval lies: `met` wholly on the right side of the bound, `missed` wholly on the
   * wrong side, `undecided` across the bound (more replications or a clearer setting decide it)
   * or without an interval.
   */
  verdict: GoalVerdict;
}

export type GoalVerdict = 'met' | 'missed' | 'undecided';

export interface GoalOutcome {
  objective: GoalFigure;
  constraints: GoalFigure[];
  /** Every constraint met on its interval. */
  feasible: boolean;
  /** The objective met too: the goal panel is green. */
  met: boolean;
}

/** Met on the interval: the bound lies beyond the whole 95% CI (with one replication, no interval: never met). */
function onInterval(estimate: KpiSummary, bound: GoalFigure['bound'], value: number): boolean {
  if (estimate.ci95 === null || estimate.n === 0) return false;
  const [low, high] = estimate.ci95;
  if (bound === 'below') return high < value;
  if (bound === 'atMost') return high <= value;
  if (bound === 'above') return low > value;
  return low >= value;
}

/** The opposite side of a bound: an interval wholly there has missed it. */
const MISSED: Record<GoalFigure['bound'], GoalFigure['bound']> = { below: 'atLeast', atMost: 'above', above: 'atMost', atLeast: 'below' };

function figure(result: ExperimentResult, strategy: string, kpi: string, bound: GoalFigure['bound'], value: number): GoalFigure {
  const estimate = kpiSummaryOf(result, strategy, kpi) ?? { mean: NaN, sd: 0, ci95: null, n: 0 };
  const met = onInterval(estimate, bound, value);
  const verdict = met ? 'met' : onInterval(estimate, MISSED[bound], value) ? 'missed' : 'undecided';
  return { kpi, bound, value, estimate, met, verdict };
}

/** The challenge's goal for its strategy in `result`. */
export function goalOutcome(result: ExperimentResult, challenge: Challenge): GoalOutcome {
  const o = challenge.objective;
  const objective = figure(result, challenge.strategy, o.kpi, o.below !== undefined ? 'below' : 'above', o.below ?? o.above!);
  const constraints = challenge.constraints.map((c) =>
    figure(result, challenge.strategy, c.kpi, c.atLeast !== undefined ? 'atLeast' : 'atMost', c.atLeast ?? c.atMost!),
  );
  const feasible = constraints.every((c) => c.met);
  return { objective, constraints, feasible, met: feasible && objective.met };
}

/**
 * A goal in the leaderboard's words (`sawtooth grade`, and the page's score): `met`, `feasible,
 * objective not met`, or `infeasible (KPI, …)` naming the constraints not met on their interval.
 */
export function goalStanding(outcome: { met: boolean; constraints: readonly { kpi: string; met: boolean }[] }): string {
  if (outcome.met) return 'met';
  const missed = outcome.constraints.filter((c) => !c.met).map((c) => c.kpi);
  return missed.length > 0 ? `infeasible (${missed.join(', ')})` : 'feasible, objective not met';
}

/**
 * The fingerprint of a challenge file: SHA-256 of its text (line endings made \n), the first 32
 * hex digits. A submission carries it; grading refuses one made for another file.
 */
export async function challengeFingerprint(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text.replace(/\r\n?/g, '\n'));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
