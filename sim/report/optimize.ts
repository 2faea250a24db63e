// An optimization's outcome in plain words, shared by the CLI and the page.
import type { OptimizeCell, OptimizeResult } from '../experiment/index.js';
import { formatEstimate, formatNumber } from './numbers.js';

/** The three sentences of an optimization: the best cell, what is guaranteed of it, what it cost in replications. */
export function optimizeSentences(result: OptimizeResult): { best: string; guarantee: string; replications: string; search: string | null } {
  const { best, guarantee, objective } = result;
  const confidence = `${formatNumber(100 * guarantee.confidence)}%`;
  const constrained = result.constraints.length > 0;
  const finalists = result.cells.filter((c) => c.status !== 'visited').length;
  const searched = result.search === null ? '' : ` of the ${finalists} best cells the search found`;
  const among = `${searched}${constrained ? `${searched === '' ? '' : ','} among the cells that meet the constraints (each within its tolerance)` : ''}`;
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
  const search =
    result.search === null
      ? null
      : `The grid has ${formatNumber(result.search.cells)} cells, too many to visit: a search (COMPASS) visited ${result.search.visited} in ${result.search.iterations} ${result.search.iterations === 1 ? 'iteration' : 'iterations'}${
          result.search.localOptimum
            ? ', and stopped at a local optimum (no unvisited cell lies closer to the best than to another visited cell)'
            : ', and stopped at its limit before reaching a local optimum'
        }; the ${finalists} best then went to the selection, on fresh replications.`;
  return {
    search,
    best: bestText,
    guarantee: guaranteeText,
    replications: `Replications: ${formatNumber(result.replications)} in all, against about ${formatNumber(result.fixedReplications)} for a fixed sweep of the grid with the same guarantee${ratio >= 1.05 ? ` (${ratio.toFixed(1)}× as many)` : ''}.`,
  };
}

/**
 * What became of a cell, in words: `best`, `eliminated after 27` (replications), `infeasible
 * (widget.fillRate>=0.95)`, `still in contention` (at the budget), `visited by the search`.
 */
export function cellStatusText(cell: OptimizeCell): string {
  const infeasible = Object.entries(cell.feasibility)
    .filter(([, f]) => f === 'infeasible')
    .map(([c]) => c);
  switch (cell.status) {
    case 'best':
      return 'best';
    case 'eliminated':
      return `eliminated after ${cell.replications}`;
    case 'infeasible':
      return `infeasible (${infeasible.join(', ')})`;
    case 'contending':
      return 'still in contention';
    default:
      return 'visited by the search';
  }
}
