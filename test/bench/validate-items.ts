// Loading and building a scenario must take time linear in its items: a planner's plant with
// 100,000 bought parts (each with a demand line) loads in seconds, not hours. This benchmark times
// loadScenario + buildStrategy for generated scenarios and compares the time per item with the
// smallest case: ratios near 1 mean linear, a ratio near 100 at 100× the items means quadratic.
// `node dist/test/bench/validate-items.js [COUNT…]` (default 1000 10000 100000).
import { fileURLToPath } from 'node:url';
import { buildStrategy, loadScenario } from '../../sim/scenario/index.js';

/** A scenario of `count` bought items, each with an sQ policy and a demand line of its own. */
export function manyItems(count: number): string {
  const lines = ['name: Many bought items', 'time: { horizon: 100 }', 'items:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  part${i}: { holdingCost: 1, buy: { leadTime: 2, orderCost: 10 }, policy: { type: sQ, reorderPoint: 5, quantity: 20 } }`);
  }
  lines.push('demand:');
  for (let i = 0; i < count; i++) lines.push(`  - { item: part${i}, interarrival: { exponential: { mean: 1 } } }`);
  return `${lines.join('\n')}\n`;
}

export interface ItemsTiming {
  items: number;
  loadMs: number;
  buildMs: number;
  /** Time per item against the first (smallest) case's: near 1 when linear. */
  ratio: number;
  /** Why the scenario did not load (a limit of the loader), with the time until it gave up in loadMs. */
  error?: string;
}

/** Times loading and building scenarios of each size (one run each after a warm-up on the smallest). */
export function timeValidation(counts: number[]): ItemsTiming[] {
  const warm = loadScenario(manyItems(counts[0]), { file: 'warm-up.yaml' });
  buildStrategy(warm, 'base');
  const rows: ItemsTiming[] = [];
  for (const items of counts) {
    const text = manyItems(items);
    const start = performance.now();
    let loaded = start;
    try {
      const scenario = loadScenario(text, { file: `items-${items}.yaml` });
      loaded = performance.now();
      buildStrategy(scenario, 'base');
    } catch (error) {
      rows.push({ items, loadMs: performance.now() - start, buildMs: 0, ratio: NaN, error: String(error).split('\n')[0] });
      continue;
    }
    const built = performance.now();
    const perItem = (built - start) / items;
    const basePerItem = rows.length === 0 ? perItem : (rows[0].loadMs + rows[0].buildMs) / rows[0].items;
    rows.push({ items, loadMs: loaded - start, buildMs: built - loaded, ratio: perItem / basePerItem });
  }
  return rows;
}

/** The table `npm run bench` prints. */
export function validationReport(rows: ItemsTiming[]): string {
  const out = [
    'loadScenario + buildStrategy, bought items each with a demand line (linear: ratio near 1)',
    '',
    '    items     load ms    build ms   per item µs   vs smallest',
  ];
  for (const row of rows) {
    const perItem = ((row.loadMs + row.buildMs) * 1000) / row.items;
    const count = row.items.toLocaleString('en').padStart(9);
    if (row.error !== undefined) out.push(`${count}  failed after ${row.loadMs.toFixed(0)} ms: ${row.error}`);
    else
      out.push(
        `${count}  ${row.loadMs.toFixed(0).padStart(10)}  ${row.buildMs.toFixed(0).padStart(10)}  ${perItem.toFixed(1).padStart(12)}  ${row.ratio.toFixed(2).padStart(11)}x`,
      );
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const counts = process.argv.slice(2).map(Number);
  console.log(validationReport(timeValidation(counts.length > 0 ? counts : [1000, 10_000, 100_000])));
}
