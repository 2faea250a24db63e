// Theory beside the simulation: what each derived value's formula predicts, from the numbers the
// derivation used (never re-derived here, never parsed from the formula's text), against what the
// simulation measured.
import type { ExperimentResult, KpiSummary } from '../experiment/index.js';
import type { PolicySpec } from '../model/index.js';
import type { DerivedValues, EoqInputs, Scenario } from '../scenario/index.js';

/** One derived value beside what the simulation found. */
/**
 * What a scenario sets for the theory panel to have a formula to show, as a reader would type it:
 * an EOQ/EPQ quantity, a service-level reorder point, a DDMRP buffer (theoryRows derives nothing else).
 */
export const THEORY_TRIGGERS = { quantity: 'quantity: eoq', reorderPoint: 'reorderPoint: { serviceLevel: 0.95 }', buffer: 'type: ddmrp' } as const;

export interface TheoryRow {
  strategy: string;
  item: string;
  formula: string;
  /** What the formula predicts and what the simulation measured, in the same terms. */
  predicted: { label: string; value: number } | null;
  /**
   * `kpi` is a KPI of the value's kind (money, a share), whose formatter fits it; `halfWidth` is null
   * without an interval (one replication), `measured` false when nothing was measured (no demand).
   */
  simulated: { label: string; kpi: string; value: number; halfWidth: number | null; measured: boolean };
  /** Levels the formula sets, to read beside the simulated value (a DDMRP buffer's tops of red, yellow and green). */
  levels?: { label: string; value: number }[];
  note: string;
}

/** Ordering (or setup) plus cycle-stock holding cost per time unit of lots of Q: K·D/Q + h·(1 − D/P)·Q/2. */
export function lotCostRate({ K, D, h, P }: EoqInputs, Q: number): number {
  return (K * D) / Q + (h * (1 - D / P) * Q) / 2;
}

/**
 * For each derived EOQ/EPQ: the cost the formula predicts over the window for that Q, against the
 * simulated ordering, setup and holding cost. For each service-level reorder point: the target
 * cycle service level against the fill rate. For each DDMRP buffer: its zones, and the average on
 * hand they aim at (top of red + green/2) against the simulated one.
 */
export function theoryRows(result: ExperimentResult, scenario: Scenario): TheoryRow[] {
  const rows: TheoryRow[] = [];
  const window = scenario.time.horizon - scenario.time.warmup;
  for (const strategy of result.strategies) {
    const compiled = Object.hasOwn(scenario.compiled, strategy.name) ? scenario.compiled[strategy.name] : undefined;
    for (const [item, derivation] of Object.entries(compiled?.derivations ?? {})) {
      const kpis = strategy.items[item];
      if (kpis === undefined) continue;
      const { quantity, reorderPoint } = derivation;
      if (quantity) {
        const predicted = quantity.inputs.D > 0 ? lotCostRate(quantity.inputs, quantity.value) * window : NaN;
        const costs = [kpis.orderingCost, kpis.setupCost, kpis.holdingCost];
        rows.push({
          strategy: strategy.name,
          item,
          formula: quantity.formula,
          predicted: Number.isFinite(predicted) ? { label: 'ordering + cycle-stock holding cost', value: predicted } : null,
          simulated: {
            label: 'ordering/setup + holding cost',
            kpi: 'totalCost',
            value: costs.reduce((sum, c) => sum + c.mean, 0),
            // Half-widths added: a conservative bound for the sum (the three are correlated).
            halfWidth: sumOrNull(costs.map(halfWidth)),
            measured: true,
          },
          note: 'The simulation also holds safety stock and meets random demand; the formula sees neither.',
        });
      }
      if (reorderPoint) {
        rows.push({
          strategy: strategy.name,
          item,
          formula: reorderPoint.formula,
          predicted: { label: 'cycle service level aimed at', value: reorderPoint.inputs.p },
          simulated: { label: 'fill rate', kpi: 'fillRate', value: kpis.fillRate.mean, halfWidth: halfWidth(kpis.fillRate), measured: kpis.fillRate.n > 0 },
          note: 'The formula ignores queueing, failures and lead-time variation; the fill rate counts units, not cycles.',
        });
      }
    }
    for (const [item, values] of Object.entries(compiled?.derived ?? {})) {
      const kpis = strategy.items[item];
      if (values.zones === undefined || values.formulas.zones === undefined || kpis === undefined) continue;
      rows.push(bufferRow(strategy.name, item, values.zones, values.formulas.zones, kpis.avgOnHand, rolling(compiled!.policies[item])));
    }
  }
  return rows;
}

/**
 * A DDMRP buffer beside the simulation: Ptak & Smith's average on-hand target, top of red plus half
 * the green zone (the stock swings between top of red and top of green as orders of about the
 * green zone arrive), against the simulated average on hand.
 */
function bufferRow(
  strategy: string,
  item: string,
  zones: NonNullable<DerivedValues['zones']>,
  formula: string,
  onHand: KpiSummary,
  moving: boolean,
): TheoryRow {
  return {
    strategy,
    item,
    formula,
    predicted: { label: 'average on hand aimed at (top of red + green/2)', value: zones.topOfRed + zones.green / 2 },
    simulated: { label: 'average on hand', kpi: 'avgOnHand', value: onHand.mean, halfWidth: halfWidth(onHand), measured: onHand.n > 0 },
    levels: [
      { label: 'top of red', value: zones.topOfRed },
      { label: 'top of yellow', value: zones.topOfYellow },
      { label: 'top of green', value: zones.topOfGreen },
    ],
    note: `${moving ? 'Zones at the start: the rolling ADU moves them, and the aim, through the run. ' : ''}The aim assumes each order arrives one DLT after it is placed and demand runs at ADU: a real lead time shorter than DLT leaves more on hand, a longer or more variable one less.`,
  };
}

/** Whether a DDMRP buffer's zones move through the run (a rolling ADU). */
function rolling(policy: PolicySpec | undefined): boolean {
  return policy?.type === 'ddmrp' && 'window' in policy.adu;
}

/** A curve of a cost over a swept parameter, from a formula. */
export interface TheoryCurve {
  label: string;
  points: { x: number; y: number }[];
}

/**
 * The EOQ (or EPQ) cost curve over the measured window, K·D/Q + h·Q/2 (× (1 − D/P) for a made
 * item), for a sweep of `items.<item>.policy.quantity` of `strategy`; null when the path is not such
 * a sweep or the formula does not apply (no demand, no holding or order cost, demand above P).
 */
export function eoqCurve(scenario: Scenario, strategy: string, path: string, quantities: number[]): TheoryCurve | null {
  const match = /^(?:strategies\.[^.]+\.)?items\.([^.]+)\.policy\.quantity$/.exec(path);
  const compiled = Object.hasOwn(scenario.compiled, strategy) ? scenario.compiled[strategy] : undefined;
  if (!match || !compiled || !Object.hasOwn(compiled.economics, match[1])) return null;
  const inputs = compiled.economics[match[1]];
  const { K, D, h, P } = inputs;
  if (!(h > 0) || !(D > 0) || !(K > 0) || !(D < P)) return null;
  const window = scenario.time.horizon - scenario.time.warmup;
  const points = [...quantities]
    .sort((a, b) => a - b)
    .filter((q) => q > 0)
    .map((q) => ({ x: q, y: lotCostRate(inputs, q) * window }));
  return { label: `${Number.isFinite(P) ? 'EPQ' : 'EOQ'} formula (K·D/Q + h·Q/2, ${match[1]} only)`, points };
}

/** Half the 95% interval's width; null without an interval. */
function halfWidth(summary: KpiSummary): number | null {
  return summary.ci95 === null ? null : (summary.ci95[1] - summary.ci95[0]) / 2;
}

function sumOrNull(values: (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((sum, v) => sum + v!, 0);
}
