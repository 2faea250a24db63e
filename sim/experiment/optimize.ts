// `sawtooth optimize`: the best cell of a grid with a statistical guarantee (DESIGN.md,
// Experiments at scale). Two fully sequential procedures with common random numbers share the
// replications, each given half the error α:
//
// - Feasibility (Andradóttir & Kim 2010, procedure F): for each constraint E[Y] ≥ q (or ≤ q) of
//   each cell, the running sum R(r) = Σ (Y_j − q) is watched inside a triangle around 0,
//   ±max(0, h²S²/(2ε) − (ε/2)·r); leaving it above or below decides the cell feasible or
//   infeasible, and a cell within the tolerance ε of q may be decided either way.
// - Selection (Kim & Nelson 2001, KN): among cells not found infeasible, i is eliminated when a
//   feasible cell l beats it by more than W_il(r) = max(0, (δ/(2r))·(h²S²_il/δ² − r)), S²_il the
//   variance of the paired differences over the first n0 replications.
//
// When one feasible cell is left, it is within δ of the best feasible cell with probability at
// least 1 − α (constraints within their tolerances). Looks are taken after blocks of replications
// (about a tenth more each time), not after every one: looking less often only lowers the chance of
// a wrong elimination. Per-unit KPIs (fill rate) enter as their per-replication values, not the
// pooled ratio the tables show.
import { higherIsBetter, type RunResult } from '../model/index.js';
import { loadScenario, type LoadOptions, type Scenario } from '../scenario/index.js';
import type { Executor, ScenarioSource } from './experiment.js';
import type { ReplicationTask } from './experiment.js';
import { inIndexOrder } from './in-order.js';
import type { KpiSummary } from './results.js';
import { replicationSeed } from './seeds.js';
import { cellKpis, gridOf, type SweepAxis } from './sweep.js';
import { StrategyTally } from './tally.js';

/** A stochastic constraint on a cell: E[kpi] ≥ value (or ≤), decided within `tolerance` of it. */
export interface Constraint {
  kpi: string;
  op: '>=' | '<=';
  value: number;
  tolerance: number;
}

export interface OptimizeOptions {
  strategy?: string;
  seed?: number | string;
  /** The indifference zone: differences in the objective smaller than δ do not matter. */
  delta: number;
  /** 1 − α: the chance the cell picked is within δ of the best (default 0.95). */
  confidence?: number;
  /** First-stage replications of every cell, from which the variances come (default 10, at least 3). */
  initial?: number;
  /** Replications a cell may take at most; cells still undecided then are reported so (default 2,000). */
  maxReplications?: number;
  constraints?: Constraint[];
  /** Told after each look: replications spent so far and cells still in contention. */
  onProgress?: (replications: number, contending: number) => void;
}

/** What became of a cell. */
export type CellStatus = 'best' | 'eliminated' | 'infeasible' | 'contending';
export type Feasibility = 'feasible' | 'infeasible' | 'undecided';

export interface OptimizeCell {
  values: Record<string, number>;
  kpis: Record<string, KpiSummary>;
  replications: number;
  status: CellStatus;
  /** Per constraint (as written, `widget.fillRate>=0.95`): what was decided. */
  feasibility: Record<string, Feasibility>;
}

export interface OptimizeResult {
  objective: string;
  /** Lower is better for costs and waits, higher for fill rates and throughput. */
  goal: 'minimize' | 'maximize';
  strategy: string;
  constraints: string[];
  best: { values: Record<string, number>; kpis: Record<string, KpiSummary> } | null;
  guarantee: {
    delta: number;
    confidence: number;
    /** False when the budget ran out first (more than one cell left, or constraints undecided): the best is then only the best mean. */
    met: boolean;
  };
  /** Replications spent, all cells together. */
  replications: number;
  /** What a fixed sweep would need for the same guarantee: every cell run to the largest sample size the procedures could ask of it. */
  fixedReplications: number;
  /** Every cell of the grid, best first: the best, then by objective mean. */
  cells: OptimizeCell[];
}

export const DEFAULT_INITIAL = 10;
export const DEFAULT_MAX_REPLICATIONS = 2000;

/** One cell while the procedures run. */
interface CellState {
  values: Record<string, number>;
  scenario: Scenario;
  source: ScenarioSource;
  tally: StrategyTally;
  /** The objective per replication (sign-adjusted so that larger is better). */
  score: number[];
  /** Per constraint, its KPI per replication. */
  constrained: number[][];
  feasibility: Feasibility[];
  status: CellStatus;
}

/** A constraint written as on the command line: `widget.fillRate>=0.95`. */
export function constraintText(c: Constraint): string {
  return `${c.kpi}${c.op}${c.value}`;
}

/** The value of a KPI named as warnings and sweeps name it (`totalCost`, `widget.fillRate`, `press.utilization`) in one run. */
export function kpiOfRun(run: RunResult, name: string): number {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return run.kpis[name as keyof RunResult['kpis']];
  const entity = name.slice(0, dot);
  const key = name.slice(dot + 1);
  if (Object.hasOwn(run.items, entity)) return (run.items[entity] as unknown as Record<string, number>)[key];
  return (run.machines[entity] as unknown as Record<string, number>)[key];
}

/** KN's constant: η = ½[(2α/(k − 1))^(−2/(n0 − 1)) − 1], h² = 2η(n0 − 1). */
export function knH2(alpha: number, cells: number, n0: number): number {
  if (cells < 2) return 0;
  const eta = 0.5 * (Math.pow((2 * alpha) / (cells - 1), -2 / (n0 - 1)) - 1);
  return 2 * eta * (n0 - 1);
}

/** Procedure F's constant for one decision at error β: h² = (n0 − 1)·((2β)^(−2/(n0 − 1)) − 1). */
export function feasibilityH2(beta: number, n0: number): number {
  return (n0 - 1) * (Math.pow(2 * beta, -2 / (n0 - 1)) - 1);
}

function sampleVariance(values: number[], n: number): number {
  let mean = 0;
  for (let j = 0; j < n; j++) mean += values[j];
  mean /= n;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += (values[j] - mean) ** 2;
  return sum / (n - 1);
}

/**
 * Finds the best cell of the grid of `axes` by `objective`, subject to `constraints`, with the
 * guarantee of KN (see the top of this file). Cells share seeds replication by replication.
 */
export async function runOptimize(
  execute: Executor,
  source: ScenarioSource,
  load: Omit<LoadOptions, 'file' | 'overrides'>,
  axes: SweepAxis[],
  objective: string,
  options: OptimizeOptions,
): Promise<OptimizeResult> {
  const confidence = options.confidence ?? 0.95;
  const alpha = 1 - confidence;
  const n0 = Math.max(3, options.initial ?? DEFAULT_INITIAL);
  const budget = Math.max(n0, options.maxReplications ?? DEFAULT_MAX_REPLICATIONS);
  const constraints = options.constraints ?? [];
  const sign = higherIsBetter(objective) ? 1 : -1;
  const delta = options.delta;

  const grid = gridOf(axes);
  let strategy = options.strategy;
  const cells: CellState[] = grid.map((values) => {
    const cellSource = { ...source, overrides: { ...source.overrides, ...values } };
    const scenario = loadScenario(source.text, { ...load, file: source.file, overrides: cellSource.overrides });
    strategy ??= scenario.strategies[0];
    return {
      values,
      scenario,
      source: cellSource,
      tally: new StrategyTally(),
      score: [],
      constrained: constraints.map(() => []),
      feasibility: constraints.map(() => 'undecided'),
      status: 'contending',
    };
  });
  const seed = options.seed ?? cells[0].scenario.run.seed;
  const k = cells.length;
  const n = (cell: CellState): number => cell.score.length;

  /** Runs replications [from, to) of every cell in `which` and folds them in order. */
  const extend = async (which: CellState[], from: number, to: number): Promise<void> => {
    await Promise.all(
      which.map(async (cell) => {
        const tasks: ReplicationTask[] = [];
        for (let r = from; r < to; r++) {
          tasks.push({
            strategy: strategy!,
            replication: r,
            seed: replicationSeed(seed, r),
            series: null,
            levelSamples: 0,
            maxEvents: cell.scenario.run.maxEvents,
          });
        }
        await execute(
          cell.source,
          cell.scenario,
          tasks,
          inIndexOrder((_, run: RunResult) => {
            cell.tally.add(run);
            cell.score.push(sign * kpiOfRun(run, objective));
            constraints.forEach((c, i) => cell.constrained[i].push(kpiOfRun(run, c.kpi)));
          }),
        );
      }),
    );
  };

  await extend(cells, 0, n0);

  // First-stage variances: of each constraint's KPI per cell, and of the paired objective differences.
  const hF2 = constraints.length === 0 ? 0 : feasibilityH2(alpha / 2 / (k * constraints.length), n0);
  const constraintVariance = cells.map((cell) => cell.constrained.map((values) => sampleVariance(values, n0)));
  const h2 = knH2(constraints.length === 0 ? alpha : alpha / 2, k, n0);
  const pairVariance = (i: number, l: number): number => {
    const a = cells[i].score;
    const b = cells[l].score;
    return sampleVariance(
      Array.from({ length: n0 }, (_, j) => a[j] - b[j]),
      n0,
    );
  };
  const variances = new Map<number, number>();
  const s2 = (i: number, l: number): number => {
    const key = i < l ? i * k + l : l * k + i;
    let v = variances.get(key);
    if (v === undefined) variances.set(key, (v = pairVariance(i, l)));
    return v;
  };

  /** Decides the constraints still undecided at the cell's current r (procedure F's triangle). */
  const checkFeasibility = (c: number): void => {
    const cell = cells[c];
    const r = n(cell);
    constraints.forEach((constraint, i) => {
      if (cell.feasibility[i] !== 'undecided') return;
      const eps = constraint.tolerance;
      let sum = 0;
      for (const y of cell.constrained[i]) sum += y - constraint.value;
      // For ≥, a large sum is good; for ≤, a small one.
      const towardFeasible = constraint.op === '>=' ? sum : -sum;
      const bound = Math.max(0, (hF2 * constraintVariance[c][i]) / (2 * eps) - (eps / 2) * r);
      if (towardFeasible > bound) cell.feasibility[i] = 'feasible';
      else if (towardFeasible < -bound) cell.feasibility[i] = 'infeasible';
    });
    if (cell.feasibility.includes('infeasible')) cell.status = 'infeasible';
  };
  const feasible = (cell: CellState): boolean => cell.feasibility.every((f) => f === 'feasible');

  /** KN's screening at the common r of the cells in contention. */
  const screen = (): void => {
    const contending = cells.map((cell, i) => [cell, i] as const).filter(([cell]) => cell.status === 'contending');
    const means = new Map(contending.map(([cell, i]) => [i, cell.score.reduce((s, x) => s + x, 0) / n(cell)]));
    const out: number[] = [];
    for (const [cell, i] of contending) {
      const r = n(cell);
      for (const [other, l] of contending) {
        if (l === i || !feasible(other)) continue;
        const w = Math.max(0, (delta / (2 * r)) * ((h2 * s2(i, l)) / (delta * delta) - r));
        if (means.get(i)! < means.get(l)! - w) {
          out.push(i);
          break;
        }
      }
    }
    for (const i of out) cells[i].status = 'eliminated';
  };

  let met = true;
  for (;;) {
    cells.forEach((cell, c) => cell.status === 'contending' && checkFeasibility(c));
    screen();
    const contending = cells.filter((cell) => cell.status === 'contending');
    options.onProgress?.(
      cells.reduce((sum, cell) => sum + n(cell), 0),
      contending.length,
    );
    if (contending.length === 0) break;
    if (contending.length === 1 && feasible(contending[0])) break;
    const r = n(contending[0]);
    if (r >= budget) {
      met = false;
      break;
    }
    await extend(contending, r, Math.min(budget, r + Math.max(1, Math.ceil(r / 10))));
  }

  // The best: the one left, or at the budget the best mean among those left (feasible first).
  const left = cells.filter((cell) => cell.status === 'contending');
  const meanOf = (cell: CellState): number => cell.score.reduce((s, x) => s + x, 0) / n(cell);
  const ranked = [...left].sort((a, b) => Number(feasible(b)) - Number(feasible(a)) || meanOf(b) - meanOf(a));
  const best = ranked[0] ?? null;
  if (best !== null) best.status = 'best';
  if (best !== null && !feasible(best)) met = false;

  // A fixed sweep with the same guarantee runs every cell to the largest r either procedure could ask of it.
  const fixedPerCell = cells.map((_, i) => {
    let most = n0;
    for (let l = 0; l < k; l++) if (l !== i && delta > 0) most = Math.max(most, Math.floor((h2 * s2(i, l)) / (delta * delta)) + 1);
    constraints.forEach((c, j) => (most = Math.max(most, Math.floor((hF2 * constraintVariance[i][j]) / (c.tolerance * c.tolerance)) + 1)));
    return most;
  });

  const out: OptimizeCell[] = cells.map((cell) => ({
    values: cell.values,
    kpis: cellKpis(cell.tally),
    replications: n(cell),
    status: cell.status,
    feasibility: Object.fromEntries(constraints.map((c, i) => [constraintText(c), cell.feasibility[i]])),
  }));
  const order = cells.map((cell, i) => i).sort((a, b) => rank(cells[a]) - rank(cells[b]) || meanOf(cells[b]) - meanOf(cells[a]));
  return {
    objective,
    goal: sign > 0 ? 'maximize' : 'minimize',
    strategy: strategy ?? '',
    constraints: constraints.map(constraintText),
    best: best === null ? null : { values: best.values, kpis: cellKpis(best.tally) },
    guarantee: { delta, confidence, met: met && best !== null },
    replications: cells.reduce((sum, cell) => sum + n(cell), 0),
    fixedReplications: fixedPerCell.reduce((a, b) => a + b, 0),
    cells: order.map((i) => out[i]),
  };
}

/** Cells in the report's order: the best, those still contending, eliminated, infeasible. */
function rank(cell: CellState): number {
  return { best: 0, contending: 1, eliminated: 2, infeasible: 3 }[cell.status];
}
