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
import { higherIsBetter, SHARE_KPIS, type RunResult } from '../model/index.js';
import { loadScenario, type LoadOptions, type Scenario } from '../scenario/index.js';
import type { Executor, ScenarioSource } from './experiment.js';
import type { ReplicationTask } from './experiment.js';
import { inIndexOrder } from './in-order.js';
import type { KpiSummary } from './results.js';
import { createStream, type Rng } from '../random/index.js';
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
export type CellStatus = 'best' | 'eliminated' | 'infeasible' | 'contending' | 'visited';
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
  /** For a grid too large to visit: how it was searched; null when every cell was visited. */
  search: { method: 'COMPASS'; cells: number; visited: number; iterations: number; localOptimum: boolean } | null;
  /**
   * The cells of the selection, best first (the best, those left at the budget, eliminated,
   * infeasible), then after a search the other cells it visited (`visited`), best mean first.
   */
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

/** A constraint's tolerance when none is given: half a point for a share (fill rate), else 1% of its value. */
export function defaultTolerance(kpi: string, value: number): number {
  return SHARE_KPIS.has(kpi.slice(kpi.lastIndexOf('.') + 1)) ? 0.005 : Math.max(1e-9, 0.01 * Math.abs(value));
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

/** Grids of at most this many cells are visited whole; larger ones are searched (COMPASS) first. */
export const VISIT_ALL = 300;
/** COMPASS: new cells sampled from the most promising area per iteration, and iterations at most. */
const COMPASS_SAMPLES = 5;
const COMPASS_ITERATIONS = 60;
/** Cells, best by sample mean, that go from the search on to the selection. */
const COMPASS_FINALISTS = 10;
/** The selection after a search runs on fresh replications, numbered from here (independent of the search's). */
const SELECTION_OFFSET = 1_000_000;

/**
 * Finds the best cell of the grid of `axes` by `objective`, subject to `constraints`, with the
 * guarantee of KN (see the top of this file). Cells share seeds replication by replication. A grid
 * larger than VISIT_ALL is first searched by COMPASS (below), and the selection runs on the best
 * cells it visited.
 */
export async function runOptimize(
  execute: Executor,
  source: ScenarioSource,
  load: Omit<LoadOptions, 'file' | 'overrides'>,
  axes: SweepAxis[],
  objective: string,
  options: OptimizeOptions,
): Promise<OptimizeResult> {
  const constraints = options.constraints ?? [];
  const sign = higherIsBetter(objective) ? 1 : -1;
  const grid = gridOf(axes);
  let strategy = options.strategy;
  let seed = options.seed;

  const makeCell = (values: Record<string, number>): CellState => {
    const cellSource = { ...source, overrides: { ...source.overrides, ...values } };
    const scenario = loadScenario(source.text, { ...load, file: source.file, overrides: cellSource.overrides });
    strategy ??= scenario.strategies[0];
    seed ??= scenario.run.seed;
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
  };

  /** Runs replications [from, to) (numbered from `offset`) of every cell in `which` and folds them in order. */
  const extend = async (which: CellState[], from: number, to: number, offset = 0): Promise<void> => {
    await Promise.all(
      which.map(async (cell) => {
        const tasks: ReplicationTask[] = [];
        for (let r = from; r < to; r++) {
          const replication = offset + r;
          tasks.push({
            strategy: strategy!,
            replication,
            seed: replicationSeed(seed!, replication),
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

  // The first cell settles the strategy and the seed (the scenario's run.seed unless given).
  makeCell(grid[0]);
  let search: OptimizeResult['search'] = null;
  let visited: CellState[] = [];
  let candidates: CellState[];
  let offset = 0;
  if (grid.length <= VISIT_ALL) {
    candidates = grid.map(makeCell);
  } else {
    const found = await compass(axes, makeCell, extend, constraints, createStream(seed!, 'optimize.compass'), options.onProgress);
    visited = found.visited;
    search = { method: 'COMPASS', cells: grid.length, visited: visited.length, iterations: found.iterations, localOptimum: found.localOptimum };
    const finalists = [...visited].sort((a, b) => meanOf(b) - meanOf(a)).slice(0, COMPASS_FINALISTS);
    candidates = finalists.map((cell) => makeCell(cell.values));
    offset = SELECTION_OFFSET;
  }
  const selected = await select(candidates, (which, from, to) => extend(which, from, to, offset), constraints, options);

  const cellOf = (cell: CellState): OptimizeCell => ({
    values: cell.values,
    kpis: cellKpis(cell.tally),
    replications: n(cell),
    status: cell.status,
    feasibility: Object.fromEntries(constraints.map((c, i) => [constraintText(c), cell.feasibility[i]])),
  });
  const order = [...candidates].sort((a, b) => rank(a) - rank(b) || meanOf(b) - meanOf(a));
  const finalistKeys = new Set(candidates.map((cell) => JSON.stringify(cell.values)));
  const searched = visited.filter((cell) => !finalistKeys.has(JSON.stringify(cell.values))).sort((a, b) => meanOf(b) - meanOf(a));
  for (const cell of searched) cell.status = 'visited';
  const best = selected.best;
  const spent = [...candidates, ...visited].reduce((sum, cell) => sum + n(cell), 0);
  return {
    objective,
    goal: sign > 0 ? 'maximize' : 'minimize',
    strategy: strategy ?? '',
    constraints: constraints.map(constraintText),
    best: best === null ? null : { values: best.values, kpis: cellKpis(best.tally) },
    guarantee: { delta: options.delta, confidence: options.confidence ?? 0.95, met: selected.met },
    replications: spent,
    // After a search, the fixed sweep is of the whole grid, each cell run as long as the finalists would need on average.
    fixedReplications: search === null ? selected.fixed : Math.round((selected.fixed / candidates.length) * grid.length),
    search,
    cells: [...order, ...searched].map(cellOf),
  };
}

function meanOf(cell: CellState): number {
  let sum = 0;
  for (const x of cell.score) sum += x;
  return cell.score.length === 0 ? -Infinity : sum / cell.score.length;
}

function n(cell: CellState): number {
  return cell.score.length;
}

/**
 * KN with procedure F over `cells` (fresh, no replications yet): their statuses end as best,
 * eliminated, infeasible or (at the budget) contending. Returns the best, whether the guarantee
 * holds, and what a fixed sweep of these cells with the same guarantee would need.
 */
async function select(
  cells: CellState[],
  extend: (which: CellState[], from: number, to: number) => Promise<void>,
  constraints: Constraint[],
  options: OptimizeOptions,
): Promise<{ best: CellState | null; met: boolean; fixed: number }> {
  const alpha = 1 - (options.confidence ?? 0.95);
  const n0 = Math.max(3, options.initial ?? DEFAULT_INITIAL);
  const budget = Math.max(n0, options.maxReplications ?? DEFAULT_MAX_REPLICATIONS);
  const delta = options.delta;
  const k = cells.length;
  await extend(cells, 0, n0);

  // First-stage variances: of each constraint's KPI per cell, and of the paired objective differences.
  const hF2 = constraints.length === 0 ? 0 : feasibilityH2(alpha / 2 / (k * constraints.length), n0);
  const constraintVariance = cells.map((cell) => cell.constrained.map((values) => sampleVariance(values, n0)));
  const h2 = knH2(constraints.length === 0 ? alpha : alpha / 2, k, n0);
  const variances = new Map<number, number>();
  const s2 = (i: number, l: number): number => {
    const key = i < l ? i * k + l : l * k + i;
    let v = variances.get(key);
    if (v === undefined) {
      const a = cells[i].score;
      const b = cells[l].score;
      v = sampleVariance(
        Array.from({ length: n0 }, (_, j) => a[j] - b[j]),
        n0,
      );
      variances.set(key, v);
    }
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
    const means = new Map(contending.map(([cell, i]) => [i, meanOf(cell)]));
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
  const ranked = [...left].sort((a, b) => Number(feasible(b)) - Number(feasible(a)) || meanOf(b) - meanOf(a));
  const best = ranked[0] ?? null;
  if (best !== null) best.status = 'best';
  if (best === null || !feasible(best)) met = false;

  // A fixed sweep with the same guarantee runs every cell to the largest r either procedure could ask of it.
  const fixed = cells
    .map((_, i) => {
      let most = n0;
      for (let l = 0; l < k; l++) if (l !== i && delta > 0) most = Math.max(most, Math.floor((h2 * s2(i, l)) / (delta * delta)) + 1);
      constraints.forEach((c, j) => (most = Math.max(most, Math.floor((hF2 * constraintVariance[i][j]) / (c.tolerance * c.tolerance)) + 1)));
      return most;
    })
    .reduce((a, b) => a + b, 0);
  return { best, met, fixed };
}

/** Cells in the report's order: the best, those still contending, eliminated, infeasible, then cells only the search visited. */
function rank(cell: CellState): number {
  return { best: 0, contending: 1, eliminated: 2, infeasible: 3, visited: 4 }[cell.status];
}

/**
 * COMPASS (Hong & Nelson 2006, Convergent Optimization via Most-Promising-Area Stochastic Search)
 * over the grid's index space, each axis integer-ordered. Each iteration samples new cells
 * uniformly from the most promising area — the cells closer to the best visited cell (by sample
 * mean, among those whose constraints hold on their sample means) than to any other visited cell —
 * and gives every visited cell a few more replications (min(5, ⌈5·(log k)^1.01⌉)); it stops when the
 * area holds the best cell alone (a local optimum) or after COMPASS_ITERATIONS. Sampling is
 * deterministic: a seeded stream of its own.
 */
async function compass(
  axes: SweepAxis[],
  makeCell: (values: Record<string, number>) => CellState,
  extend: (which: CellState[], from: number, to: number) => Promise<void>,
  constraints: Constraint[],
  rng: Rng,
  onProgress: OptimizeOptions['onProgress'],
): Promise<{ visited: CellState[]; iterations: number; localOptimum: boolean }> {
  const sizes = axes.map((a) => a.values.length);
  const total = sizes.reduce((a, b) => a * b, 1);
  const indexOf = (flat: number): number[] => {
    const out = new Array<number>(sizes.length);
    for (let d = sizes.length - 1; d >= 0; d--) {
      out[d] = flat % sizes[d];
      flat = Math.floor(flat / sizes[d]);
    }
    return out;
  };
  const valuesOf = (flat: number): Record<string, number> => {
    const idx = indexOf(flat);
    return Object.fromEntries(axes.map((a, d) => [a.path, a.values[idx[d]]]));
  };
  const distance2 = (x: number[], y: number[]): number => x.reduce((s, v, d) => s + (v - y[d]) ** 2, 0);
  const visited = new Map<number, CellState>();
  const visit = (flat: number): void => void (visited.has(flat) || visited.set(flat, makeCell(valuesOf(flat))));
  const sampleOk = (cell: CellState): boolean =>
    constraints.every((c, i) => {
      const values = cell.constrained[i];
      const mean = values.reduce((s, x) => s + x, 0) / Math.max(1, values.length);
      return c.op === '>=' ? mean >= c.value : mean <= c.value;
    });

  for (let m = 0; m < COMPASS_SAMPLES; m++) visit(Math.floor(rng() * total));
  let iterations = 0;
  let localOptimum = false;
  for (let k = 1; k <= COMPASS_ITERATIONS; k++) {
    iterations = k;
    const extra = Math.min(5, Math.ceil(5 * Math.pow(Math.log(k + 1), 1.01)));
    const cells = [...visited.values()];
    const target = Math.max(...cells.map(n)) + extra;
    // Every visited cell reaches the same count, so all sample means rest on the same replications (common random numbers).
    await Promise.all(cells.map((cell) => extend([cell], n(cell), target)));
    onProgress?.(
      cells.reduce((sum, cell) => sum + n(cell), 0),
      cells.length,
    );
    const entries = [...visited.entries()];
    const feasibleOnes = entries.filter(([, cell]) => sampleOk(cell));
    const pool = feasibleOnes.length > 0 ? feasibleOnes : entries;
    const [bestFlat] = pool.reduce((a, b) => (meanOf(b[1]) > meanOf(a[1]) ? b : a));
    const bestIdx = indexOf(bestFlat);
    const others = entries.filter(([flat]) => flat !== bestFlat).map(([flat]) => indexOf(flat));
    const promising: number[] = [];
    for (let flat = 0; flat < total; flat++) {
      if (flat === bestFlat || visited.has(flat)) continue;
      const idx = indexOf(flat);
      const d = distance2(idx, bestIdx);
      if (others.every((o) => d <= distance2(idx, o))) promising.push(flat);
    }
    if (promising.length === 0) {
      localOptimum = true;
      break;
    }
    for (let m = 0; m < COMPASS_SAMPLES && promising.length > 0; m++) {
      const pick = Math.floor(rng() * promising.length);
      visit(promising[pick]);
      promising.splice(pick, 1);
    }
  }
  return { visited: [...visited.values()], iterations, localOptimum };
}
