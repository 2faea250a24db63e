/**
 * What the page runs. Its cost after each run grows with items × strategies (KPI table, sliders,
 * summaries): at 200 items and 3 strategies a slider move keeps the page busy under a second, and
 * the first drawing about three (measured on two loaded cores); at 500 items, or 200 items in 20
 * strategies, it was 5–10 s, and 20,000 items froze the page for minutes. Larger scenarios are
 * refused with a message before they are loaded; the command line has no such limits.
 */
export const PAGE_LIMITS = { textChars: 500_000, items: 200, machines: 50, demandLines: 200, strategies: 12, itemsTimesStrategies: 600 } as const;

const ADVICE = 'run it with the command line instead (npx sawtooth run FILE), which has no such limit';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Why the page will not load `text` (too long to parse quickly), or null. */
export function textLimitProblem(text: string): string | null {
  if (text.length <= PAGE_LIMITS.textChars) return null;
  return `it is ${Math.ceil(text.length / 1000).toLocaleString('en')} kB of text, and the page loads up to ${PAGE_LIMITS.textChars / 1000} kB; ${ADVICE}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function keysOf(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value) : [];
}

/**
 * Why the page will not run a scenario of this size (parsed YAML, before any check), or null.
 * Items and machines count every name the file or a strategy's patch declares; demand lines
 * count the longest list, the file's or a patch's.
 */
export function sizeProblem(data: unknown): string | null {
  if (!isRecord(data)) return null;
  const patches = keysOf(data.strategies)
    .map((name) => (data.strategies as Record<string, unknown>)[name])
    .filter(isRecord);
  const docs = [data, ...patches];
  const items = new Set(docs.flatMap((d) => keysOf(d.items))).size;
  const machines = new Set(docs.flatMap((d) => keysOf(d.machines))).size;
  const demandLines = Math.max(0, ...docs.map((d) => (Array.isArray(d.demand) ? d.demand.length : 0)));
  const strategies = keysOf(data.strategies).length;
  const over: string[] = [];
  if (items > PAGE_LIMITS.items) over.push(`${plural(items, 'item')} (up to ${PAGE_LIMITS.items})`);
  if (machines > PAGE_LIMITS.machines) over.push(`${plural(machines, 'machine')} (up to ${PAGE_LIMITS.machines})`);
  if (demandLines > PAGE_LIMITS.demandLines) over.push(`${plural(demandLines, 'demand line')} (up to ${PAGE_LIMITS.demandLines})`);
  if (strategies > PAGE_LIMITS.strategies) over.push(`${plural(strategies, 'strategy', 'strategies')} (up to ${PAGE_LIMITS.strategies})`);
  const runs = Math.max(1, strategies);
  if (over.length === 0 && items * runs > PAGE_LIMITS.itemsTimesStrategies) {
    over.push(`${plural(items, 'item')} in ${plural(runs, 'strategy', 'strategies')} (up to ${PAGE_LIMITS.itemsTimesStrategies} items × strategies)`);
  }
  if (over.length === 0) return null;
  return `it is too large for the page: ${over.join(', ')}; ${ADVICE}`;
}
