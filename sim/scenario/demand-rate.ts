// Mean and variance of each item's demand per time unit, for EOQ and reorder points.
//
// External streams are compound renewal processes: with λ = 1/E[A] orders per time unit and
// c_a² = Var(A)/E[A]², demand over a long time L has mean λ·E[q]·L and variance
// ≈ L·λ·(Var(q) + E[q]²·c_a²) (asymptotic; exact for Poisson arrivals). `every: T` has c_a² = 0.
// A trace is taken as Poisson arrivals of its own order sizes: mean Σq/H, variance Σq²/H over
// the rows within the horizon H. Rate `changes` are ignored: the derived values are what a
// planner would set from the base rate, and the simulation shows what a change then does.
// Internal demand (a BOM component used by items made from it, a stock point shipping to another)
// is bom × D(parent), or D(downstream), counted as Poisson-like unit demand (variance = mean).
import { toDistribution } from './distributions.js';
import { meanFactor, rateProfile } from './profiles.js';
import type { NormalDemand, NormalScenario } from './normalize.js';
import type { Trace } from './traces.js';

/** Demand per time unit: mean D and variance rate (variance of demand over L is L × variance). */
export interface DemandRate {
  mean: number;
  variance: number;
}

/** The demand rate of every item, customer streams plus withdrawals by the items made from it. */
export function demandRates(doc: NormalScenario, traces: Record<string, Trace>): Record<string, DemandRate> {
  const external = customerRates(doc, traces);
  const parents = parentsByComponent(doc);
  const memo = new Map<string, number>();
  // Recursion over parents terminates: validation rejected BOM cycles.
  const total = (name: string): number => {
    let d = memo.get(name);
    if (d !== undefined) return d;
    d = external[name].mean + internalMean(parents.get(name), total);
    memo.set(name, d);
    return d;
  };
  const rates: Record<string, DemandRate> = {};
  for (const name of Object.keys(doc.items)) {
    const internal = internalMean(parents.get(name), total);
    rates[name] = { mean: external[name].mean + internal, variance: external[name].variance + internal };
  }
  return rates;
}

/** The demand rate of every item from customers alone (a forecast's starting point). */
export function customerRates(doc: NormalScenario, traces: Record<string, Trace>): Record<string, DemandRate> {
  const external: Record<string, DemandRate> = {};
  for (const name of Object.keys(doc.items)) external[name] = { mean: 0, variance: 0 };
  for (const stream of doc.demand) {
    const rate = streamRate(stream, traces, doc.time.horizon, doc.time.unit);
    external[stream.item].mean += rate.mean;
    external[stream.item].variance += rate.variance;
  }
  return external;
}

interface BomUse {
  parent: string;
  perUnit: number;
}

// Built once, so the rates cost items + BOM lines, not items²; parents stay in item order, so
// every sum adds the same terms in the same order as a scan of the items would.
function parentsByComponent(doc: NormalScenario): Map<string, BomUse[]> {
  const parents = new Map<string, BomUse[]>();
  for (const [parent, item] of Object.entries(doc.items)) {
    // A downstream stock point takes a unit from its source for every unit it is sent.
    const takes = item.transfer === null ? (item.make?.bom ?? {}) : { [item.transfer.from]: 1 };
    for (const [component, perUnit] of Object.entries(takes)) {
      const uses = parents.get(component);
      if (uses === undefined) parents.set(component, [{ parent, perUnit }]);
      else uses.push({ parent, perUnit });
    }
  }
  return parents;
}

function internalMean(uses: BomUse[] | undefined, total: (name: string) => number): number {
  let sum = 0;
  for (const { parent, perUnit } of uses ?? []) sum += perUnit * total(parent);
  return sum;
}

function streamRate(stream: NormalDemand, traces: Record<string, Trace>, horizon: number, unit: string): DemandRate {
  const { source } = stream;
  if (source.kind === 'trace') {
    const trace = traces[source.trace] ?? { times: [], quantities: [] };
    // Replayed, the history covers the horizon as far as it goes; resampled, its blocks (up to the one
    // holding the last order) repeat through the whole run. Either way `scale` multiplies every order.
    const span = stream.resample === null ? horizon : (Math.floor((trace.times.at(-1) ?? 0) / stream.resample.block) + 1) * stream.resample.block;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < trace.times.length && trace.times[i] <= span; i++) {
      sum += trace.quantities[i];
      squares += trace.quantities[i] ** 2;
    }
    return { mean: (sum * stream.scale) / span, variance: (squares * stream.scale ** 2) / span };
  }
  const gap = source.kind === 'every' ? { mean: source.every, variance: 0 } : toDistribution(source.interarrival);
  const q = toDistribution(stream.quantity);
  // A profile thins the stream: over its cycle the rate is the base rate × the profile's mean factor.
  const lambda = (stream.profile === null ? 1 : meanFactor(rateProfile(stream.profile, unit))) / gap.mean;
  const ca2 = gap.variance / gap.mean ** 2;
  return { mean: lambda * q.mean, variance: lambda * (q.variance + q.mean ** 2 * ca2) };
}
