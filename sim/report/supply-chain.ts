// The stages of a plant's supply chains, as the bullwhip charts order them: the stock points
// customers are served from first, then each one's source, one hop further up at a time.
import type { Scenario } from '../scenario/index.js';

/**
 * The stock points linked by transfers in any strategy, nearest the customers first (depth 0: no
 * stock point is fed from it), then by hops upstream, ties in file order; [] without transfers.
 * The depth of a source is one more than the deepest stock point it feeds.
 */
export function chainStages(scenario: Scenario): string[] {
  const depth = new Map<string, number>();
  const order: string[] = [];
  for (const name of scenario.strategies) {
    const items = scenario.compiled[name].document.items;
    const feeds = new Map<string, string[]>();
    for (const [item, spec] of Object.entries(items)) {
      if (spec.transfer === null) continue;
      feeds.set(spec.transfer.from, [...(feeds.get(spec.transfer.from) ?? []), item]);
    }
    if (feeds.size === 0) continue;
    // Transfers have no cycles (the loader refuses them), so the recursion ends.
    const depthOf = (item: string): number => Math.max(-1, ...(feeds.get(item) ?? []).map(depthOf)) + 1;
    for (const item of Object.keys(items)) {
      if (items[item].transfer === null && !feeds.has(item)) continue;
      depth.set(item, Math.max(depth.get(item) ?? 0, depthOf(item)));
      if (!order.includes(item)) order.push(item);
    }
  }
  return order
    .map((item, index) => ({ item, index, depth: depth.get(item)! }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index)
    .map((s) => s.item);
}
