// Step 5: `quantity: eoq` and `reorderPoint: { serviceLevel }` become numbers, each with the
// formula that produced it (DESIGN.md, "Replenishment policies"). A planner orders whole
// units: Q = max(1, round(Q*)), s = max(0, ceil(s*)). The demand over a random lead time L has
// variance E[L]·σ²D + D²·Var(L) (Silver, Pyke & Peterson), so a lead time that varies raises s
// even where its mean does not move.
import { bufferZones, type PolicySpec } from '../model/index.js';
import { demandRates, type DemandRate } from './demand-rate.js';
import { meanOf, toDistribution } from './distributions.js';
import type { Problem } from './errors.js';
import { MSG, ddmrpFormula, eoqFormula, epqFormula, reorderPointFormula } from './messages.js';
import type { NormalItem, NormalScenario } from './normalize.js';
import type { Path } from './paths.js';
import { probit } from './probit.js';
import type { PolicyDoc } from './schema-policy.js';
import type { Trace } from './traces.js';

/** The derived numbers of one item, beside the results; formulas only for the derived ones. */
export interface DerivedValues {
  quantity?: number;
  reorderPoint?: number;
  /** A DDMRP buffer's zones at the start (a rolling ADU moves them as the run goes on). */
  zones?: { adu: number; red: number; yellow: number; green: number; topOfRed: number; topOfYellow: number; topOfGreen: number };
  formulas: { quantity?: string; reorderPoint?: string; zones?: string };
}

/** The inputs of the EOQ/EPQ of an item: order or setup cost K, mean demand rate D, holding cost h, production rate P (Infinity when bought). */
export interface EoqInputs {
  K: number;
  D: number;
  h: number;
  P: number;
}

/** A derived order quantity with the numbers it came from. */
export interface QuantityDerivation {
  rule: 'EOQ' | 'EPQ';
  value: number;
  exact: number;
  formula: string;
  inputs: EoqInputs;
}

/** A derived reorder point with the numbers it came from: s = μL + z·σL over the lead time L. */
export interface ReorderPointDerivation {
  value: number;
  exact: number;
  formula: string;
  inputs: { D: number; L: number; varD: number; varL: number; p: number; z: number; mu: number; sigma: number };
}

/** An item's derived values, each with its inputs (the theory beside the simulation reads these, never the formula text). */
export interface ItemDerivation {
  quantity?: QuantityDerivation;
  reorderPoint?: ReorderPointDerivation;
}

/** Every item's policy as the model runs it, the derived values, the demand rates they came from, and why any could not be derived. */
export interface Derivation {
  policies: Record<string, PolicySpec>;
  derived: Record<string, DerivedValues>;
  derivations: Record<string, ItemDerivation>;
  /** Every item's EOQ inputs, derived or not (a sweep of a quantity draws the cost curve from them). */
  economics: Record<string, EoqInputs>;
  /** Each item's demand per time unit, customers' plus machines' withdrawals (the load check reuses them). */
  rates: Record<string, DemandRate>;
  problems: Problem[];
}

type Outcome = { value: number; formula?: string; quantity?: QuantityDerivation; reorderPoint?: ReorderPointDerivation } | { problems: Problem[] };
type Resolved = { policy: PolicySpec; values?: DerivedValues; derivation?: ItemDerivation } | { problems: Problem[] };

/** Resolves eoq and serviceLevel in every policy from the items' mean demand rates. */
export function derive(doc: NormalScenario, traces: Record<string, Trace>): Derivation {
  const rates = demandRates(doc, traces);
  const result: Derivation = { policies: {}, derived: {}, derivations: {}, economics: {}, rates, problems: [] };
  for (const [name, item] of Object.entries(doc.items)) {
    result.economics[name] = eoqInputs(item, rates[name].mean);
    const resolved = resolvePolicy(name, item, rates[name], doc.time.bucket);
    if ('problems' in resolved) result.problems.push(...resolved.problems);
    else {
      result.policies[name] = resolved.policy;
      if (resolved.values) result.derived[name] = resolved.values;
      if (resolved.derivation) result.derivations[name] = resolved.derivation;
    }
  }
  return result;
}

function resolvePolicy(name: string, item: NormalItem, rate: DemandRate, bucket: number): Resolved {
  const p = item.policy;
  const at = (field: string): Path => ['items', name, 'policy', field];
  if (p.type === 'sQ') {
    const quantity = p.quantity === 'eoq' ? economicQuantity(item, rate.mean, at('quantity')) : { value: p.quantity };
    const reorderPoint = reorderPointOf(p.reorderPoint, item, rate, quantity, at('reorderPoint'));
    if ('problems' in quantity || 'problems' in reorderPoint) return { problems: problemsOf(quantity, reorderPoint) };
    const policy: PolicySpec = { type: 'sQ', reorderPoint: reorderPoint.value, quantity: quantity.value };
    return { policy, values: valuesOf({ quantity, reorderPoint }), derivation: derivationOf(quantity, reorderPoint) };
  }
  if (p.type === 'sS') {
    // On a made item the lead time counts a run of orderUpTo units: the largest order sS places.
    const reorderPoint = reorderPointOf(p.reorderPoint, item, rate, { value: p.orderUpTo }, at('reorderPoint'));
    if ('problems' in reorderPoint) return reorderPoint;
    if (reorderPoint.value >= p.orderUpTo) {
      return { problems: [{ path: at('reorderPoint'), text: MSG.derivedAboveOrderUpTo(reorderPoint.value, p.orderUpTo) }] };
    }
    return {
      policy: { type: 'sS', reorderPoint: reorderPoint.value, orderUpTo: p.orderUpTo },
      values: valuesOf({ reorderPoint }),
      derivation: derivationOf(undefined, reorderPoint),
    };
  }
  if (p.type === 'ddmrp') {
    const initialAdu = 'fixed' in p.adu ? p.adu.fixed : rate.mean;
    const policy: PolicySpec = { ...p, initialAdu, spike: p.spike ?? null };
    const zones = bufferZones({ ...p, adu: initialAdu });
    const values: DerivedValues = {
      zones: {
        adu: initialAdu,
        red: zones.red,
        yellow: zones.yellow,
        green: zones.green,
        topOfRed: zones.topOfRed,
        topOfYellow: zones.topOfYellow,
        topOfGreen: zones.topOfGreen,
      },
      formulas: { zones: ddmrpFormula(initialAdu, p, zones, 'window' in p.adu) },
    };
    return { policy, values };
  }
  if (p.type === 'mrp') {
    const base = { type: 'mrp' as const, leadTime: p.leadTime, safetyStock: p.safetyStock, minimum: p.minimum, multiple: p.multiple ?? 0 };
    if (p.lotSizing !== 'eoq') return { policy: { ...base, lotSizing: p.lotSizing } };
    const quantity = economicQuantity(item, rate.mean, at('lotSizing'));
    if ('problems' in quantity) return quantity;
    return { policy: { ...base, lotSizing: { eoq: quantity.value } }, values: valuesOf({ quantity }), derivation: derivationOf(quantity, { value: 0 }) };
  }
  // The chain policies start from the demand per period the scenario implies, as a planner sets up a new rule.
  if (p.type === 'anchorAndAdjust') {
    const every = p.every ?? bucket;
    return { policy: { ...p, every, expected: rate.mean * every } };
  }
  if (p.type === 'forecastOrderUpTo') {
    const every = p.every ?? bucket;
    return { policy: { ...p, every, signal: p.signal ?? null, initialMean: rate.mean * every, initialSd: Math.sqrt(rate.variance * every) } };
  }
  return { policy: p };
}

function reorderPointOf(given: Extract<PolicyDoc, { type: 'sQ' }>['reorderPoint'], item: NormalItem, rate: DemandRate, quantity: Outcome, path: Path): Outcome {
  if (typeof given === 'number') return { value: given };
  // Without Q the lead time of a made item is unknown; the quantity's problem is reported.
  if ('problems' in quantity) return { problems: [] };
  return serviceLevelReorderPoint(item, rate, given.serviceLevel, quantity.value, path);
}

function problemsOf(...outcomes: Outcome[]): Problem[] {
  return outcomes.flatMap((o) => ('problems' in o ? o.problems : []));
}

function derivationOf(quantity: Outcome | undefined, reorderPoint: Outcome): ItemDerivation | undefined {
  const out: ItemDerivation = {};
  if (quantity && 'quantity' in quantity && quantity.quantity) out.quantity = quantity.quantity;
  if ('reorderPoint' in reorderPoint && reorderPoint.reorderPoint) out.reorderPoint = reorderPoint.reorderPoint;
  return out.quantity || out.reorderPoint ? out : undefined;
}

function valuesOf(fields: { quantity?: Outcome; reorderPoint?: Outcome }): DerivedValues | undefined {
  const values: Omit<DerivedValues, 'formulas'> = {};
  const formulas: DerivedValues['formulas'] = {};
  for (const key of ['quantity', 'reorderPoint'] as const) {
    const outcome = fields[key];
    if (!outcome || 'problems' in outcome) continue;
    values[key] = outcome.value;
    if (outcome.formula !== undefined) formulas[key] = outcome.formula;
  }
  // Keys in the design's order: quantity, reorderPoint, formulas.
  return Object.keys(formulas).length > 0 ? { ...values, formulas } : undefined;
}

/** K, D, h and P of an item: K = orderCost (bought) or setupCost (made); P = 1/mean process time, Infinity when bought or instant. */
export function eoqInputs(item: NormalItem, d: number): EoqInputs {
  return {
    K: item.make ? item.make.setupCost : (item.buy?.orderCost ?? item.transfer?.orderCost ?? 0),
    D: d,
    h: item.holdingCost,
    // Infinity when processing takes no time: EPQ becomes EOQ.
    P: item.make ? 1 / meanOf(item.make.processTime) : Infinity,
  };
}

/** EOQ √(2KD/h) for a bought item (K = orderCost); EPQ √(2KD/(h(1 − D/P))) for a made one (K = setupCost). */
function economicQuantity(item: NormalItem, d: number, path: Path): Outcome {
  const inputs = eoqInputs(item, d);
  const { K: k, h, P: p } = inputs;
  const texts: string[] = [];
  if (!(d > 0)) texts.push(MSG.noDemand('eoq'));
  if (!(h > 0)) texts.push(MSG.eoqHoldingCost(h));
  if (!(k > 0)) texts.push(MSG.eoqOrderCost(item.make ? 'make.setupCost' : 'buy.orderCost', k));
  if (d > 0 && !(d < p)) texts.push(MSG.epqRate(d, p));
  if (texts.length > 0) return { problems: texts.map((text) => ({ path, text })) };
  const exact = Math.sqrt((2 * k * d) / (h * (1 - d / p)));
  const value = Math.max(1, Math.round(exact));
  const formula = item.make ? epqFormula(k, d, h, p, exact, value) : eoqFormula(k, d, h, exact, value);
  return { value, formula, quantity: { rule: item.make ? 'EPQ' : 'EOQ', value, exact, formula, inputs } };
}

/**
 * s = μL + z·σL with μL = D·L and σL² = L·σ²D + D²·Var L over the lead time L (made item: setup
 * + Q unit process times, queueing and failures ignored).
 */
function serviceLevelReorderPoint(item: NormalItem, rate: DemandRate, p: number, q: number, path: Path): Outcome {
  if (!(rate.mean > 0)) return { problems: [{ path, text: MSG.noDemand('serviceLevel') }] };
  const { mean: l, variance: varL } = leadTimeOf(item, q);
  const d = rate.mean;
  const mu = d * l;
  const sigma = Math.sqrt(l * rate.variance + d * d * varL);
  const z = probit(p);
  const exact = mu + z * sigma;
  // The tolerance keeps 72.00000000001 (rounding noise) from becoming 73.
  const value = Math.max(0, Math.ceil(exact - 1e-9 * Math.max(1, Math.abs(exact))));
  const formula = reorderPointFormula(mu, z, sigma, exact, value, { d, l, p, varD: rate.variance, varL });
  const inputs = { D: d, L: l, varD: rate.variance, varL, p, z, mu, sigma };
  return { value, formula, reorderPoint: { value, exact, formula, inputs } };
}

/** Mean and variance of the lead time: a made item's setup plus q independent unit process times; a transfer's order delay plus shipping. */
function leadTimeOf(item: NormalItem, q: number): { mean: number; variance: number } {
  if (item.make) {
    const setup = toDistribution(item.make.setupTime);
    const unit = toDistribution(item.make.processTime);
    return { mean: setup.mean + q * unit.mean, variance: setup.variance + q * unit.variance };
  }
  if (item.transfer) {
    // The order's trip upstream and the shipment's; waits for upstream stock are not counted.
    const shipping = toDistribution(item.transfer.leadTime);
    return { mean: item.transfer.orderDelay + shipping.mean, variance: shipping.variance };
  }
  return item.buy ? toDistribution(item.buy.leadTime) : { mean: 0, variance: 0 };
}
