// The verdict on each pair of strategies (DESIGN.md, Results: `summary`), in one plain sentence:
// the planner's question is "is kanban cheaper than what we do today, without hurting service?".
// Total cost alone does not answer it: purchase cost is much the same under every policy and large
// enough to make a 40% change in the costs the policies control look like 2%, so the sentence
// gives both. Service is every item customers order, fill rate and on-time share, each interval a
// plain 95% one (with many items, one in twenty differences that do not exist would show; the
// sentence names the largest).
import { formatNumber, formatPercent } from '../model/index.js';
import { sameInEveryReplication, type CostDifference, type Difference, type PairSummary, type ServiceDifference, type Warning } from './results.js';
import type { PairDifferences } from './tally.js';

/** What the sentences need to know beyond the numbers. */
export interface SummaryContext {
  currency: string;
  replications: number;
  warnings: Warning[];
}

/** The verdict on every pair, in the order of the comparisons. */
export function pairSummaries(pairs: PairDifferences[], context: SummaryContext): PairSummary[] {
  return pairs.map((pair) => {
    const service: ServiceDifference[] = pair.service.map((s) => ({ item: s.item, kpi: s.kpi, means: s.means, ...s.difference }));
    const doubted = [pair.a, pair.b].some((name) => costDoubted(context.warnings, name));
    const summary = {
      a: pair.a,
      b: pair.b,
      totalCost: pair.costs.totalCost,
      controlledCost: pair.costs.controlledCost,
      purchaseCost: pair.costs.purchaseCost,
      service,
      doubted,
    };
    return { ...summary, sentence: sentenceOf(summary, context) };
  });
}

function costDoubted(warnings: Warning[], strategy: string): boolean {
  return warnings.some((w) => (w.strategies === undefined || w.strategies.includes(strategy)) && (w.kpis ?? []).includes('totalCost'));
}

type Numbers = Omit<PairSummary, 'sentence'>;

function sentenceOf(s: Numbers, context: SummaryContext): string {
  const total = s.totalCost;
  if (context.replications < 2) {
    return (
      `With one replication there are no intervals: ${s.a} ${costPhrase(total, context.currency)} ${s.b} in that run, ` +
      `which proves nothing either way; run more replications for a verdict.`
    );
  }
  const head =
    total.significant || isZero(total)
      ? `${s.a} ${costPhrase(total, context.currency)} ${s.b}${isZero(total) ? '' : ` (${intervalPhrase(total, context.currency)})`}`
      : `${s.a} and ${s.b} cost the same within the interval (95% CI of the difference ${signedInterval(total, context.currency)})`;
  const parts = costParts(s, context.currency);
  const thin = serviceOnFewOrders(s, context.warnings);
  const tail = [
    ...(s.doubted ? ['these are not steady-state figures (see the warnings)'] : []),
    ...(thin.length > 0 ? [`the service of ${thin.join(', ')} rests on too few orders to compare (see the warnings)`] : []),
  ]
    .map((t) => `; ${t}`)
    .join('');
  return `${head}${parts === '' ? ',' : ` — ${parts} —`} ${servicePhrase(s.service, total)}${tail}.`;
}

/** Items whose service figures in this pair a warning says rest on too few customer orders. */
function serviceOnFewOrders(s: Numbers, warnings: Warning[]): string[] {
  const concerns = (w: Warning): boolean => w.strategies === undefined || w.strategies.includes(s.a) || w.strategies.includes(s.b);
  const doubted = new Set(warnings.filter((w) => w.code === 'few-orders' && concerns(w)).flatMap((w) => w.kpis ?? []));
  return [...new Set(s.service.filter((d) => doubted.has(`${d.item}.${d.kpi}`)).map((d) => d.item))];
}

/** "costs 12.0% less than", "costs 1,200 EUR more than", "costs the same as". */
function costPhrase(d: CostDifference, currency: string): string {
  if (isZero(d)) return 'costs exactly the same as';
  const direction = d.meanDiff < 0 ? 'less' : 'more';
  if (d.relative !== null) return `costs ${Math.abs(100 * d.relative.mean).toFixed(1)}% ${direction} than`;
  return `costs ${formatNumber(Math.abs(d.meanDiff))} ${currency} ${direction} than`;
}

/** The interval of a significant difference, as sizes in its direction: "95% CI 8.0–16.0%". */
function intervalPhrase(d: CostDifference, currency: string): string {
  if (d.ci95 === null) return 'no interval';
  if (sameInEveryReplication(d.ci95, d.meanDiff)) return 'the same difference in every replication';
  if (d.relative !== null && d.relative.ci95 !== null) {
    const [lo, hi] = d.relative.ci95.map((x) => Math.abs(100 * x)).sort((x, y) => x - y);
    return `95% CI ${lo.toFixed(1)}–${hi.toFixed(1)}%`;
  }
  const [lo, hi] = d.ci95.map(Math.abs).sort((x, y) => x - y);
  return `95% CI ${formatNumber(lo)}–${formatNumber(hi)} ${currency}`;
}

/** An interval that straddles 0, with signs: "−1.2% to +0.8%". */
function signedInterval(d: CostDifference, currency: string): string {
  const signed = (x: number, text: string): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${text}`;
  if (d.relative !== null && d.relative.ci95 !== null) {
    const [lo, hi] = d.relative.ci95;
    return `${signed(lo, `${Math.abs(100 * lo).toFixed(1)}%`)} to ${signed(hi, `${Math.abs(100 * hi).toFixed(1)}%`)}`;
  }
  const [lo, hi] = d.ci95 ?? [d.meanDiff, d.meanDiff];
  return `${signed(lo, formatNumber(Math.abs(lo)))} to ${signed(hi, formatNumber(Math.abs(hi)))} ${currency}`;
}

/**
 * The split of the total: the costs the policies control, and purchase cost. Left out when it says
 * nothing: no purchase cost in either strategy (the controlled costs are the total).
 */
function costParts(s: Numbers, currency: string): string {
  const purchase = s.purchaseCost;
  if (isZero(purchase) && s.purchaseCost.relative === null) return '';
  const controlled = s.controlledCost;
  const controlledText = isZero(controlled)
    ? 'the costs the policies control are the same'
    : controlled.significant
      ? `${sizeText(controlled, currency)} ${controlled.meanDiff < 0 ? 'less' : 'more'} in the costs the policies control (holding, ordering, setup, backorders, lost sales)`
      : 'no significant difference in the costs the policies control';
  const purchaseText =
    isZero(purchase) || !purchase.significant
      ? 'the same purchase cost'
      : `a purchase cost ${sizeText(purchase, currency)} ${purchase.meanDiff < 0 ? 'lower' : 'higher'}`;
  return `${controlledText}, ${purchaseText}`;
}

function sizeText(d: CostDifference, currency: string): string {
  return d.relative !== null ? `${Math.abs(100 * d.relative.mean).toFixed(1)}%` : `${formatNumber(Math.abs(d.meanDiff))} ${currency}`;
}

/**
 * "with no significant difference in service", or what changed: a's service against b's, item by
 * item, "but" when it goes against the cost (cheaper and worse, dearer and better), "and" when with it.
 */
function servicePhrase(service: ServiceDifference[], total: CostDifference): string {
  if (service.length === 0) return 'with no customer orders to compare service on';
  const changed = service.filter((d) => d.significant);
  if (changed.length === 0) return 'with no significant difference in service (fill rate and on-time share of every item customers order)';
  const cheaper = total.significant && total.meanDiff < 0;
  const dearer = total.significant && total.meanDiff > 0;
  const worse = changed.filter((d) => d.meanDiff < 0);
  const better = changed.filter((d) => d.meanDiff > 0);
  const word = (list: ServiceDifference[], direction: 'lower' | 'higher'): string => {
    const against = (direction === 'lower' && cheaper) || (direction === 'higher' && dearer);
    return `${against ? 'but' : cheaper || dearer ? 'and' : 'with'} ${direction} service ${itemsText(list)}`;
  };
  if (better.length === 0) return word(worse, 'lower');
  if (worse.length === 0) return word(better, 'higher');
  return `${word(better, 'higher')}, ${word(worse, 'lower').replace(/^(but|and|with) /, 'and ')}`;
}

/** "for widget (fill rate 90.1% against 99.9%, on-time share 89.9% against 99.9%)", or the largest change of several items. */
function itemsText(list: ServiceDifference[]): string {
  const label = (d: ServiceDifference): string => (d.kpi === 'fillRate' ? 'fill rate' : 'on-time share');
  const figures = (d: ServiceDifference): string => `${formatPercent(d.means[0])} against ${formatPercent(d.means[1])}`;
  const items = [...new Set(list.map((d) => d.item))];
  if (items.length === 1) return `for ${items[0]} (${list.map((d) => `${label(d)} ${figures(d)}`).join(', ')})`;
  const largest = list.reduce((x, y) => (Math.abs(y.meanDiff) > Math.abs(x.meanDiff) ? y : x));
  return `for ${items.length} items (the largest change: ${largest.item}'s ${label(largest)}, ${figures(largest)})`;
}

/** A difference that is exactly 0 in every replication (or nothing to differ). */
function isZero(d: Difference): boolean {
  return d.meanDiff === 0 && (d.ci95 === null || (d.ci95[0] === 0 && d.ci95[1] === 0));
}
