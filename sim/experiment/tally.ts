import {
  ITEM_KPIS,
  ITEM_RATIOS,
  MACHINE_KPIS,
  MACHINE_RATIOS,
  SHARE_KPIS,
  SIGNED_KPIS,
  type LevelSamples,
  type RunResult,
  type RunSeries,
} from '../model/index.js';
import { intervalOf, MomentBank } from '../stats/index.js';
import type { Comparison, CostDifference, Difference, KpiSummary, StrategyResult } from './results.js';

// How replications become one estimate (README, "When not to trust a number"):
// - a KPI per replication (costs, levels, shares) is averaged over replications;
// - a KPI per unit or per customer (fill rate, waits, flow time) is a ratio of totals pooled over
//   replications, R = Σy / Σx, with the delta-method interval (the Student-t interval of the
//   linearized values z_i = R + (y_i − R·x_i) / x̄): averaging per-replication ratios would count a
//   replication without demand as a fill rate of 1 and bias slow movers upward;
// - one replication gives no interval (ci95 null), and bounds never leave the KPI's range.
// Replications are folded in one at a time into running moments (Welford), so memory does not
// grow with the number of replications; only the first replications' level samples are kept
// (experiment.ts budgets them) and the first replication's series.

type ItemKpi = (typeof ITEM_KPIS)[number];
type RatioKpi = keyof typeof ITEM_RATIOS;
const RATIO_KPIS = Object.keys(ITEM_RATIOS) as RatioKpi[];
const ITEM_SCALARS = ITEM_KPIS.filter((kpi): kpi is Exclude<ItemKpi, RatioKpi> => !(kpi in ITEM_RATIOS));
type MachineKpi = (typeof MACHINE_KPIS)[number];
type MachineRatioKpi = keyof typeof MACHINE_RATIOS;
const MACHINE_RATIO_KPIS = Object.keys(MACHINE_RATIOS) as MachineRatioKpi[];
const MACHINE_SCALARS = MACHINE_KPIS.filter((kpi): kpi is Exclude<MachineKpi, MachineRatioKpi> => !(kpi in MACHINE_RATIOS));
/** Overall KPIs averaged per replication; the overall customer wait is a ratio pooled over customers. */
const OVERALL_SCALARS = ['totalCost', 'throughput', 'wip'] as const;
type OverallScalar = (typeof OVERALL_SCALARS)[number];

function clampTo(kpi: string): (x: number) => number {
  const upper = SHARE_KPIS.has(kpi) ? 1 : Infinity;
  const lower = SIGNED_KPIS.has(kpi) ? -Infinity : 0;
  return (x) => Math.min(upper, Math.max(lower, x));
}

function bounded(kpi: string, summary: { mean: number; sd: number; ci95: [number, number] | null; n: number }): KpiSummary {
  const clamp = clampTo(kpi);
  const { mean, sd, ci95, n } = summary;
  return { mean: clamp(mean), sd, ci95: ci95 === null ? null : [clamp(ci95[0]), clamp(ci95[1])], n };
}

/** A pooled ratio with no observation in any replication: the KPI's convention, no interval, n = 0. */
function emptySummary(value: number): KpiSummary {
  return { mean: value, sd: 0, ci95: null, n: 0 };
}

/** The pooled ratio of group g of a (numerator, denominator) bank, with its delta-method interval; null when Σx = 0. */
function ratioSummary(bank: MomentBank, g: number): { mean: number; sd: number; ci95: [number, number] | null; n: number } | null {
  const sumX = bank.sum(g, 1);
  if (!(sumX > 0)) return null;
  const ratio = bank.sum(g, 0) / sumX;
  const meanX = sumX / bank.n;
  // var(z) = var(y − R·x) / x̄²
  return intervalOf(ratio, bank.variance(g, [1 / meanX, -ratio / meanX]), bank.n);
}

/**
 * One strategy's replications, folded in one at a time: running moments of every KPI, the totals
 * behind the warnings, the first replications' level samples and the first one's series.
 */
export class StrategyTally {
  private items: string[] = [];
  private machines: string[] = [];
  /** Per replication values, reused: item scalars, machine KPIs, overall scalars. */
  private scalarRow = new Float64Array(0);
  private ratioRow = new Float64Array(0);
  private scalars: MomentBank | null = null;
  /** Per item and ratio KPI (numerator, denominator), then the overall customer wait, then per machine and ratio KPI. */
  private ratios: MomentBank | null = null;
  private waiting = new Float64Array(0);
  /** Level samples of the replications that took them (the first ones, within the budget). */
  readonly levels: LevelSamples[] = [];
  series: RunSeries | null = null;

  get replications(): number {
    return this.scalars?.n ?? 0;
  }

  add(run: RunResult): void {
    if (this.scalars === null) this.start(run);
    const { items, machines, scalarRow, ratioRow } = this;
    let s = 0;
    let r = 0;
    for (let i = 0; i < items.length; i++) {
      const kpis = run.items[items[i]];
      const counts = run.counts.items[items[i]];
      for (const kpi of ITEM_SCALARS) scalarRow[s++] = kpis[kpi];
      for (const kpi of RATIO_KPIS) {
        ratioRow[r++] = counts[ITEM_RATIOS[kpi].numerator];
        ratioRow[r++] = counts[ITEM_RATIOS[kpi].denominator];
      }
      this.waiting[i] += counts.waitingAtEnd;
    }
    for (const machine of machines) for (const kpi of MACHINE_SCALARS) scalarRow[s++] = run.machines[machine][kpi];
    for (const kpi of OVERALL_SCALARS) scalarRow[s++] = run.kpis[kpi];
    ratioRow[r++] = run.counts.customerWaitSum;
    ratioRow[r++] = run.counts.customers;
    for (const machine of machines) {
      const counts = run.counts.machines[machine];
      for (const kpi of MACHINE_RATIO_KPIS) {
        ratioRow[r++] = counts[MACHINE_RATIOS[kpi].numerator];
        ratioRow[r++] = counts[MACHINE_RATIOS[kpi].denominator];
      }
    }
    this.scalars!.add(scalarRow);
    this.ratios!.add(ratioRow);
    if (run.levels !== null) this.levels.push(run.levels);
    if (this.series === null && run.series !== null) this.series = run.series;
  }

  private start(run: RunResult): void {
    this.items = Object.keys(run.items);
    this.machines = Object.keys(run.machines);
    const scalars = this.items.length * ITEM_SCALARS.length + this.machines.length * MACHINE_SCALARS.length + OVERALL_SCALARS.length;
    const ratios = this.items.length * RATIO_KPIS.length + 1 + this.machines.length * MACHINE_RATIO_KPIS.length;
    this.scalarRow = new Float64Array(scalars);
    this.ratioRow = new Float64Array(ratios * 2);
    this.scalars = new MomentBank(scalars, 1);
    this.ratios = new MomentBank(ratios, 2);
    this.waiting = new Float64Array(this.items.length);
  }

  /** Customer orders of `item` over all replications (filled in the window, or waiting at its end). */
  customers(item: string): number {
    return this.ratios!.sum(this.itemIndex(item) * RATIO_KPIS.length + RATIO_KPIS.indexOf('avgCustomerWait'), 1);
  }

  /** Customer orders of `item` still waiting at the end of the window, over all replications. */
  waitingAtEnd(item: string): number {
    return this.waiting[this.itemIndex(item)];
  }

  /** Whether any replication charged `item` a cost of this kind. */
  charged(item: string, kpi: 'backorderCost'): boolean {
    return this.scalars!.sum(this.itemIndex(item) * ITEM_SCALARS.length + ITEM_SCALARS.indexOf(kpi)) > 0;
  }

  itemNames(): readonly string[] {
    return this.items;
  }

  private itemIndex(item: string): number {
    const i = this.items.indexOf(item);
    if (i < 0) throw new RangeError(`no item ${item} in these results`);
    return i;
  }

  /** Every KPI summarized over the replications so far, in the design's key order. */
  summary(name: string, derived: StrategyResult['derived']): StrategyResult {
    const scalars = this.scalars;
    const ratios = this.ratios;
    if (scalars === null || ratios === null) throw new RangeError(`strategy ${name}: no replication to summarize`);
    const scalar = (kpi: string, g: number): KpiSummary => bounded(kpi, intervalOf(scalars.mean(g), scalars.variance(g), scalars.n));
    const items: StrategyResult['items'] = {};
    let s = 0;
    this.items.forEach((item, i) => {
      const out = {} as Record<ItemKpi, KpiSummary>;
      for (const kpi of ITEM_SCALARS) out[kpi] = scalar(kpi, s++);
      RATIO_KPIS.forEach((kpi, k) => {
        const pooled = ratioSummary(ratios, i * RATIO_KPIS.length + k);
        out[kpi] = pooled === null ? emptySummary(ITEM_RATIOS[kpi].empty) : bounded(kpi, pooled);
      });
      items[item] = Object.fromEntries(ITEM_KPIS.map((kpi) => [kpi, out[kpi]])) as Record<ItemKpi, KpiSummary>;
    });
    const machines: StrategyResult['machines'] = {};
    const firstMachineRatio = this.items.length * RATIO_KPIS.length + 1;
    this.machines.forEach((machine, m) => {
      const out = {} as Record<MachineKpi, KpiSummary>;
      for (const kpi of MACHINE_SCALARS) out[kpi] = scalar(kpi, s++);
      MACHINE_RATIO_KPIS.forEach((kpi, k) => {
        const pooled = ratioSummary(ratios, firstMachineRatio + m * MACHINE_RATIO_KPIS.length + k);
        out[kpi] = pooled === null ? emptySummary(MACHINE_RATIOS[kpi].empty) : bounded(kpi, pooled);
      });
      machines[machine] = Object.fromEntries(MACHINE_KPIS.map((kpi) => [kpi, out[kpi]])) as Record<MachineKpi, KpiSummary>;
    });
    const overall = {} as Record<OverallScalar, KpiSummary>;
    for (const kpi of OVERALL_SCALARS) overall[kpi] = scalar(kpi, s++);
    const wait = ratioSummary(ratios, this.items.length * RATIO_KPIS.length);
    const kpis: StrategyResult['kpis'] = { ...overall, avgCustomerWait: wait === null ? emptySummary(0) : bounded('avgCustomerWait', wait) };
    return { name, derived, kpis, items, machines };
  }
}

/** The service KPIs compared per item sold to customers (pooled ratios: compared through their linearized values). */
const SERVICE_KPIS = ['fillRate', 'onTimeShare', 'avgCustomerWait'] as const;
type ServiceKpi = (typeof SERVICE_KPIS)[number];
/** The costs of a and b kept per pair for relative differences: the total, those the policies control, purchase. */
const COST_PARTS = ['totalCost', 'controlledCost', 'purchaseCost'] as const;
export type CostPart = (typeof COST_PARTS)[number];

/** The raw material of a pair's verdict (summary.ts words it). */
export interface PairDifferences {
  a: string;
  b: string;
  costs: Record<CostPart, CostDifference>;
  /** Per item customers order in both strategies: fill rate and on-time share, a against b. */
  service: { item: string; kpi: 'fillRate' | 'onTimeShare'; means: [number, number]; difference: Difference }[];
}

/**
 * Paired differences a − b of every overall KPI and of the service KPIs of every item customers
 * order, for every pair of strategies in order, folded in replication by replication (common random
 * numbers: replication k of every strategy shares its seed). Pooled ratios (waits, fill rates) are
 * compared through their linearized values; costs keep both sides, for differences relative to b.
 */
export class ComparisonTally {
  private readonly pairs: [number, number][] = [];
  private readonly differences: MomentBank;
  private readonly differenceRow: Float64Array;
  /** Per pair and cost part: (a, b). */
  private readonly costs: MomentBank;
  private readonly costRow: Float64Array;
  /** Per pair: the overall wait, then per item and service KPI, (y, x) of a then of b. Made at the first row, when the items are known. */
  private ratios: MomentBank | null = null;
  private ratioRow = new Float64Array(0);
  private items: string[] = [];

  constructor(private readonly names: string[]) {
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) this.pairs.push([i, j]);
    this.differences = new MomentBank(this.pairs.length * OVERALL_SCALARS.length, 1);
    this.differenceRow = new Float64Array(this.pairs.length * OVERALL_SCALARS.length);
    this.costs = new MomentBank(this.pairs.length * COST_PARTS.length, 2);
    this.costRow = new Float64Array(this.pairs.length * COST_PARTS.length * 2);
  }

  /** Replication k of every strategy, in the order of the names. */
  add(row: RunResult[]): void {
    if (this.ratios === null) this.start(row);
    const { items, pairs, differenceRow, costRow, ratioRow } = this;
    const costParts = row.map(costPartsOf);
    let d = 0;
    let c = 0;
    let r = 0;
    for (const [i, j] of pairs) {
      const a = row[i];
      const b = row[j];
      for (const kpi of OVERALL_SCALARS) differenceRow[d++] = a.kpis[kpi] - b.kpis[kpi];
      for (let part = 0; part < COST_PARTS.length; part++) {
        costRow[c++] = costParts[i][part];
        costRow[c++] = costParts[j][part];
      }
      ratioRow[r++] = a.counts.customerWaitSum;
      ratioRow[r++] = a.counts.customers;
      ratioRow[r++] = b.counts.customerWaitSum;
      ratioRow[r++] = b.counts.customers;
      for (const item of items) {
        const countsA = a.counts.items[item];
        const countsB = b.counts.items[item];
        for (const kpi of SERVICE_KPIS) {
          const { numerator, denominator } = ITEM_RATIOS[kpi];
          ratioRow[r++] = countsA[numerator];
          ratioRow[r++] = countsA[denominator];
          ratioRow[r++] = countsB[numerator];
          ratioRow[r++] = countsB[denominator];
        }
      }
    }
    this.differences.add(differenceRow);
    this.costs.add(costRow);
    this.ratios!.add(ratioRow);
  }

  private start(row: RunResult[]): void {
    // Items every strategy has (strategies are variations of one plant; one that adds an item has nothing to compare it with).
    this.items = Object.keys(row[0]?.items ?? {}).filter((item) => row.every((run) => Object.hasOwn(run.items, item)));
    const groups = this.pairs.length * (1 + this.items.length * SERVICE_KPIS.length);
    this.ratios = new MomentBank(groups, 4);
    this.ratioRow = new Float64Array(groups * 4);
  }

  comparisons(): Comparison[] {
    const { names, differences } = this;
    const n = differences.n;
    const out: Comparison[] = [];
    let d = 0;
    this.pairs.forEach(([i, j], p) => {
      const pair = { a: names[i], b: names[j] };
      for (const kpi of OVERALL_SCALARS) {
        const { mean, ci95 } = intervalOf(differences.mean(d), differences.variance(d), n);
        d++;
        out.push({ ...pair, kpi, meanDiff: mean, ci95 });
      }
      out.push({ ...pair, kpi: 'avgCustomerWait', ...this.ratioDifference(this.ratioGroup(p, null, null)) });
    });
    this.pairs.forEach(([i, j], p) => {
      for (const item of this.customerItems(p)) {
        for (const kpi of SERVICE_KPIS) out.push({ a: names[i], b: names[j], kpi: `${item}.${kpi}`, ...this.ratioDifference(this.ratioGroup(p, item, kpi)) });
      }
    });
    return out;
  }

  /** Per pair, the costs and service differences the verdict is made of. */
  pairDifferences(): PairDifferences[] {
    const n = this.costs.n;
    return this.pairs.map(([i, j], p) => {
      const costs = {} as Record<CostPart, CostDifference>;
      COST_PARTS.forEach((part, k) => (costs[part] = costDifference(this.costs, p * COST_PARTS.length + k, n)));
      const service = this.customerItems(p).flatMap((item) =>
        (['fillRate', 'onTimeShare'] as const).map((kpi) => {
          const g = this.ratioGroup(p, item, kpi);
          const { meanDiff, ci95 } = this.ratioDifference(g);
          const means: [number, number] = [this.ratios!.sum(g, 0) / this.ratios!.sum(g, 1), this.ratios!.sum(g, 2) / this.ratios!.sum(g, 3)];
          return { item, kpi, means, difference: { meanDiff, ci95, significant: excludesZero(ci95) } };
        }),
      );
      return { a: this.names[i], b: this.names[j], costs, service };
    });
  }

  /** Items customers ordered in both strategies of pair p (their on-time shares have orders on both sides). */
  private customerItems(p: number): string[] {
    return this.items.filter((item) => {
      const g = this.ratioGroup(p, item, 'onTimeShare');
      return this.ratios!.sum(g, 1) > 0 && this.ratios!.sum(g, 3) > 0;
    });
  }

  /** The ratio group of pair p: the overall wait (item null), or an item's service KPI. */
  private ratioGroup(p: number, item: string | null, kpi: ServiceKpi | null): number {
    const perPair = 1 + this.items.length * SERVICE_KPIS.length;
    if (item === null || kpi === null) return p * perPair;
    return p * perPair + 1 + this.items.indexOf(item) * SERVICE_KPIS.length + SERVICE_KPIS.indexOf(kpi);
  }

  private ratioDifference(g: number): { meanDiff: number; ci95: [number, number] | null } {
    return ratioDifference(this.ratios!, g);
  }
}

/** Per replication of one strategy: total cost, the costs its policies control, and purchase cost. */
function costPartsOf(run: RunResult): [number, number, number] {
  let purchase = 0;
  for (const item of Object.values(run.items)) purchase += item.purchaseCost;
  return [run.kpis.totalCost, run.kpis.totalCost - purchase, purchase];
}

function excludesZero(ci95: [number, number] | null): boolean {
  return ci95 !== null && (ci95[0] > 0 || ci95[1] < 0);
}

/**
 * The difference of the means of a and b (group g: a, b), and a relative to b: the ratio of means
 * R = ā / b̄ with the interval of the linearized values (a − R·b) / b̄, less 1.
 */
function costDifference(bank: MomentBank, g: number, n: number): CostDifference {
  const meanA = bank.mean(g, 0);
  const meanB = bank.mean(g, 1);
  const { ci95 } = intervalOf(meanA - meanB, bank.variance(g, [1, -1]), n);
  const difference = { meanDiff: meanA - meanB, ci95, significant: excludesZero(ci95) };
  if (!(meanB > 0)) return { ...difference, relative: null };
  const ratio = meanA / meanB;
  const interval = intervalOf(ratio - 1, bank.variance(g, [1 / meanB, -ratio / meanB]), n);
  return { ...difference, relative: { mean: interval.mean, ci95: interval.ci95 } };
}

/** The difference of two pooled ratios (group: yA, xA, yB, xB); no interval when either side measured nothing. */
function ratioDifference(bank: MomentBank, g: number): { meanDiff: number; ci95: [number, number] | null } {
  const n = bank.n;
  const sumA = bank.sum(g, 1);
  const sumB = bank.sum(g, 3);
  const ratioA = sumA > 0 ? bank.sum(g, 0) / sumA : null;
  const ratioB = sumB > 0 ? bank.sum(g, 2) / sumB : null;
  const meanDiff = (ratioA ?? 0) - (ratioB ?? 0);
  if (ratioA === null || ratioB === null) return { meanDiff, ci95: null };
  const meanA = sumA / n;
  const meanB = sumB / n;
  // z_A − z_B is linear in (yA, xA, yB, xB) once the ratios are known.
  const variance = bank.variance(g, [1 / meanA, -ratioA / meanA, -1 / meanB, ratioB / meanB]);
  return { meanDiff, ci95: intervalOf(meanDiff, variance, n).ci95 };
}
