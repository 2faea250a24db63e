// An optimization's outcome in plain words, shared by the CLI and the page.
import type { OptimizeResult } from '../experiment/index.js';
import { formatEstimate, formatNumber } from './numbers.js';

/** The three sentences of an optimization: the best cell, what is guaranteed of it, what it cost in replications. */
export function optimizeSentences(result: OptimizeResult): { best: string; guarantee: string; replications: string } {
  const { best, guarantee, objective } = result;
  const confidence = `${formatNumber(100 * guarantee.confidence)}%`;
  const constrained = result.constraints.length > 0;
  const among = constrained ? ' among the cells that meet the constraints (each within its tolerance)' : '';
  const bestText =
    best === null
      ? `No cell meets ${result.constraints.length === 1 ? 'the constraint' : 'the constraints'} ${result.constraints.join(', ')}: every one was found infeasible.`
      : `Best: ${Object.entries(best.values)
          .map(([path, value]) => `${path} = ${formatNumber(value)}`)
          .join(', ')}, with ${objective} ${formatEstimate(best.kpis[objective], objective)}${result.constraints
          .map((c) => c.slice(0, c.search(/[<>]=/)))
          .map((kpi) => `, ${kpi} ${formatEstimate(best.kpis[kpi], kpi)}`)
          .join('')}.`;
  const contending = result.cells.filter((c) => c.status === 'contending' || c.status === 'best').length;
  const guaranteeText =
    best === null
      ? `With probability at least ${confidence}, no cell meets them (within their tolerances).`
      : guarantee.met
        ? `With probability at least ${confidence}, its expected ${objective} is within ${formatNumber(guarantee.delta)} of the best${among}.`
        : `No guarantee: a cell's budget of replications ran out with ${contending} ${contending === 1 ? 'cell' : 'cells'} still in contention or undecided; the best shown is only the best mean of those. Raise --max-reps or --delta.`;
  const ratio = result.fixedReplications / Math.max(1, result.replications);
  return {
    best: bestText,
    guarantee: guaranteeText,
    replications: `Replications: ${formatNumber(result.replications)} in all, against about ${formatNumber(result.fixedReplications)} for a fixed sweep of the grid with the same guarantee${ratio >= 1.05 ? ` (${ratio.toFixed(1)}× as many)` : ''}.`,
  };
}
