// One MRP planning run (planRun: every item netted, lot-sized, offset and exploded in low-level-code
// order) on a generated product structure, timed against a bare typed-array loop that does the
// same netting and explosion lot-for-lot. Speed is reported, never asserted.
// `node dist/test/bench/mrp-run.js` prints the section `npm run bench` prints.
import { fileURLToPath } from 'node:url';
import { lowLevelCodes, planItem, planRun, type ItemPlanInput, type LotSizing, type RunItem } from '../../sim/model/planning/index.js';
import { createStream, type Rng } from '../../sim/random/index.js';

/** Share of the items on each BOM level: end items, subassemblies, components, bought parts. */
const LEVEL_SHARES = [0.1, 0.2, 0.3, 0.4];
const LEVEL_NAMES = ['end', 'sub', 'comp', 'part'];

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/**
 * A deterministic product structure of `count` items over `horizon` buckets, in low-level-code
 * order (as the plant orders them). 10% end items with seasonal forecasts, then three BOM levels
 * (20%, 30%, 40%); every item below the top has a parent one level up, and parents also use
 * shared components one or two levels down, so an item's low-level code is its deepest use, not
 * its first. Lead times 0–3 buckets; lot-for-lot, fixed, periods (POQ) and EOQ lots, some with a
 * minimum or multiple; safety stock, scheduled receipts, a few frozen zones with firm orders and a
 * few service parts with independent demand. `lotForLot` gives the same structure with every item
 * lot-for-lot and no minimum, multiple or frozen zone (what the bare loop computes).
 */
export function mrpStructure(count: number, horizon: number, seed = 1, variant: 'mixed' | 'lotForLot' = 'mixed'): RunItem[] {
  const rng = createStream(seed, `mrp-structure-${count}x${horizon}`);
  const sizes = LEVEL_SHARES.map((share) => Math.max(1, Math.round(count * share)));
  sizes[sizes.length - 1] = Math.max(1, count - sizes.slice(0, -1).reduce((a, b) => a + b, 0));
  const levels = sizes.map((size, l) => Array.from({ length: size }, (_, i) => `${LEVEL_NAMES[l]}${i}`));
  const boms = new Map<string, Record<string, number>>(levels.flat().map((name) => [name, {}]));
  // Every item below the top gets a parent one level up (round robin, so every parent has a component).
  for (let l = 1; l < levels.length; l++) {
    levels[l].forEach((child, j) => (boms.get(levels[l - 1][j % levels[l - 1].length])![child] = int(rng, 1, 4)));
  }
  // Shared components: one or two more per parent, mostly from the next level, some two levels down.
  for (let l = 0; l < levels.length - 1; l++) {
    for (const parent of levels[l]) {
      for (let k = int(rng, 1, 2); k > 0; k--) {
        const depth = l + 2 < levels.length && rng() < 0.3 ? 2 : 1;
        const pool = levels[l + depth];
        boms.get(parent)![pool[int(rng, 0, pool.length - 1)]] = int(rng, 1, 3);
      }
    }
  }

  const items: RunItem[] = [];
  levels.forEach((names, l) => {
    for (const name of names) {
      const leadTime = int(rng, 0, 3);
      const base = l === 0 ? int(rng, 20, 120) : rng() < 0.1 ? int(rng, 1, 10) : 0; // forecasts; service parts
      const phase = rng() * 2 * Math.PI;
      const independent = Array.from({ length: horizon }, (_, t) =>
        base === 0 ? 0 : Math.max(0, base * (1 + 0.3 * Math.sin(phase + (2 * Math.PI * t) / 13)) + base * 0.2 * (rng() - 0.5)),
      );
      const scheduled = Array.from({ length: Math.min(leadTime, horizon) }, () => (rng() < 0.5 ? int(rng, 50, 200) : 0));
      const pick = rng();
      const lotSizing: LotSizing =
        pick < 0.4 ? 'lotForLot' : pick < 0.6 ? { fixed: int(rng, 50, 300) } : pick < 0.8 ? { periods: int(rng, 2, 4) } : { eoq: int(rng, 100, 400) };
      const item: RunItem = {
        name,
        independent,
        onHand: int(rng, 0, 300),
        scheduled,
        safetyStock: rng() < 0.3 ? int(rng, 10, 50) : 0,
        leadTime,
        lotSizing,
        bom: boms.get(name)!,
      };
      if (rng() < 0.2) item.minimum = 25;
      if (rng() < 0.2) item.multiple = 10;
      if (rng() < 0.1) {
        item.frozen = 2;
        item.firm = [int(rng, 0, 100), int(rng, 0, 100)];
      }
      items.push(variant === 'mixed' ? item : { ...item, lotSizing: 'lotForLot', minimum: undefined, multiple: undefined, frozen: 0, firm: undefined });
    }
  });
  // Declared in a shuffled order, then put in low-level-code order by a stable sort, as the plant does.
  for (let i = items.length - 1; i > 0; i--) {
    const j = int(rng, 0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  const codes = lowLevelCodes(Object.fromEntries(items.map((item) => [item.name, item])));
  return items.sort((a, b) => codes[a.name] - codes[b.name]);
}

/** The structure on typed arrays (items × buckets, row-major; BOM lines as CSR) for the bare loop. */
export interface BareMrp {
  items: number;
  horizon: number;
  independent: Float64Array;
  scheduled: Float64Array;
  onHand: Float64Array;
  safetyStock: Float64Array;
  leadTime: Int32Array;
  bomStart: Int32Array;
  bomChild: Int32Array;
  bomQuantity: Float64Array;
  dependent: Float64Array;
  projected: Float64Array;
  net: Float64Array;
  receipts: Float64Array;
  releases: Float64Array;
  pastDue: Float64Array;
}

/** Compiles lot-for-lot items (in low-level-code order) for `bareRun`; components outside `items` are dropped. */
export function compileBare(items: readonly RunItem[]): BareMrp {
  const n = items.length;
  const horizon = items[0].independent.length;
  const index = new Map(items.map((item, i) => [item.name, i]));
  const lines = items.map((item) => Object.entries(item.bom ?? {}).filter(([child]) => index.has(child)));
  const bomStart = new Int32Array(n + 1);
  lines.forEach((bom, i) => (bomStart[i + 1] = bomStart[i] + bom.length));
  const cells = () => new Float64Array(n * horizon);
  const bare: BareMrp = {
    items: n,
    horizon,
    independent: cells(),
    scheduled: cells(),
    onHand: Float64Array.from(items, (item) => item.onHand),
    safetyStock: Float64Array.from(items, (item) => item.safetyStock ?? 0),
    leadTime: Int32Array.from(items, (item) => item.leadTime),
    bomStart,
    bomChild: Int32Array.from(lines.flat(), ([child]) => index.get(child)!),
    bomQuantity: Float64Array.from(lines.flat(), ([, quantity]) => quantity),
    dependent: cells(),
    projected: cells(),
    net: cells(),
    receipts: cells(),
    releases: cells(),
    pastDue: new Float64Array(n),
  };
  items.forEach((item, i) => {
    bare.independent.set(item.independent, i * horizon);
    bare.scheduled.set(item.scheduled ?? [], i * horizon);
  });
  return bare;
}

/**
 * The baseline: one lot-for-lot planning run on typed arrays, with no validation, no lot sizing,
 * no objects and no allocation: netting against safety stock and scheduled receipts, lead-time
 * offset (releases before bucket 1 past due), explosion into the components' dependent demand.
 * The same additions in the same order as planRun, so on a lot-for-lot structure the plans agree
 * exactly. Returns the total released (plan and past due) as a check.
 */
export function bareRun(m: BareMrp): number {
  const { horizon, independent, scheduled, dependent, projected, net, receipts, releases, pastDue } = m;
  dependent.fill(0);
  releases.fill(0);
  let total = 0;
  for (let i = 0; i < m.items; i++) {
    const base = i * horizon;
    const safety = m.safetyStock[i];
    const lead = m.leadTime[i];
    let onHand = m.onHand[i];
    let late = 0;
    for (let t = 0; t < horizon; t++) {
      const gross = independent[base + t] + dependent[base + t];
      const supply = scheduled[base + t];
      const shortfall = gross + safety - (onHand + supply);
      let lot = 0;
      if (shortfall > 1e-9) {
        lot = shortfall;
        if (t - lead < 0) late += lot;
        else releases[base + t - lead] += lot;
      }
      net[base + t] = lot;
      receipts[base + t] = lot;
      onHand = onHand + supply + lot - gross;
      projected[base + t] = onHand;
    }
    pastDue[i] = late;
    total += late;
    for (let t = 0; t < horizon; t++) total += releases[base + t];
    for (let b = m.bomStart[i]; b < m.bomStart[i + 1]; b++) {
      const child = m.bomChild[b] * horizon;
      const perUnit = m.bomQuantity[b];
      for (let t = 0; t < horizon; t++) dependent[child + t] += releases[base + t] * perUnit;
      dependent[child] += late * perUnit;
    }
  }
  return total;
}

/** Total released by a planRun (plan and past due), the figure bareRun returns. */
function released(items: readonly RunItem[]): number {
  let total = 0;
  for (const plan of planRun(items).values()) {
    total += plan.pastDue;
    for (const quantity of plan.plannedReleases) total += quantity;
  }
  return total;
}

/** Throws unless the bare loop plans a lot-for-lot structure exactly as planRun does (item by item, bucket by bucket). */
export function checkBareAgainstPlanRun(items: readonly RunItem[]): void {
  const bare = compileBare(items);
  bareRun(bare);
  const plans = planRun(items);
  items.forEach((item, i) => {
    const plan = plans.get(item.name)!;
    const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    const ok =
      same(plan.pastDue, bare.pastDue[i]) &&
      plan.plannedReleases.every((q, t) => same(q, bare.releases[i * bare.horizon + t])) &&
      plan.projected.every((p, t) => same(p, bare.projected[i * bare.horizon + t]));
    if (!ok) throw new Error(`mrp-run bench: the bare loop and planRun disagree on ${item.name}`);
  });
}

export interface RunTiming {
  name: string;
  /** Best time per call over the rounds, µs. */
  micros: number;
  /** Calls per round. */
  calls: number;
  /** The call's check figure (total released), to show the runs computed what they should. */
  check: number;
}

/**
 * Best of `rounds` rounds of K calls, µs per call. The warm-up doubles the calls until a batch
 * takes `roundMs` (so JIT compilation is not what we measure), and that count is K.
 */
export function timeCalls(name: string, call: () => number, rounds = 5, roundMs = 40): RunTiming {
  let check = call();
  let calls = 1;
  for (;;) {
    const start = performance.now();
    for (let k = 0; k < calls; k++) check = call();
    if (performance.now() - start >= roundMs || calls >= 1 << 20) break;
    calls *= 2;
  }
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let k = 0; k < calls; k++) check = call();
    best = Math.min(best, (performance.now() - start) / calls);
  }
  return { name, micros: best * 1000, calls, check };
}

export interface SizeTimings {
  items: number;
  horizon: number;
  rows: RunTiming[];
}

/** Times the baseline, planItem and planRun (lot-for-lot and mixed lot sizing) on one structure size. */
export function timeMrpRun(count: number, horizon: number, withPlanItem: boolean, seed = 1): SizeTimings {
  const mixed = mrpStructure(count, horizon, seed, 'mixed');
  const lotForLot = mrpStructure(count, horizon, seed, 'lotForLot');
  checkBareAgainstPlanRun(lotForLot);
  const bare = compileBare(lotForLot);
  const rows = [timeCalls('bare typed-array loop, lot-for-lot (baseline)', () => bareRun(bare))];
  if (withPlanItem) {
    // One end item planned `count` times: what the run would cost if every item were planned alone.
    const end = mixed.find((item) => item.name === 'end0')!;
    const input: ItemPlanInput = { ...end, gross: end.independent };
    rows.push(
      timeCalls(`planItem on one item x ${count} (no explosion)`, () => {
        let total = 0;
        for (let k = 0; k < count; k++) {
          const plan = planItem(input);
          total += plan.pastDue;
          for (const quantity of plan.plannedReleases) total += quantity;
        }
        return total;
      }),
    );
  }
  rows.push(timeCalls('planRun, lot-for-lot (the same plan)', () => released(lotForLot)));
  rows.push(timeCalls('planRun, mixed lot sizing (the benchmark)', () => released(mixed)));
  return { items: count, horizon, rows };
}

/** The section `npm run bench` prints. */
export function mrpRunReport(sizes: SizeTimings[]): string {
  const out = [
    'One MRP planning run (planRun: net, lot-size, offset and explode every item in low-level-code order),',
    'generated structure: 10% end items with forecasts, 3 BOM levels with shared components, lead times 0-3,',
    'best of 5 rounds of K runs after a warm-up',
  ];
  for (const size of sizes) {
    const base = size.rows[0].micros;
    const cells = size.items * size.horizon;
    out.push(
      '',
      `${size.items.toLocaleString('en')} items x ${size.horizon} buckets`,
      'kernel                                           µs per run    ns per cell   vs baseline   released',
    );
    for (const row of size.rows) {
      out.push(
        `${row.name.padEnd(47)}  ${row.micros.toFixed(1).padStart(10)}  ${((row.micros * 1000) / cells).toFixed(1).padStart(13)}  ${(row.micros / base).toFixed(2).padStart(11)}x  ${Math.round(row.check).toLocaleString('en').padStart(10)}`,
      );
    }
  }
  return out.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(mrpRunReport([timeMrpRun(100, 26, true), timeMrpRun(1000, 52, false)]));
}
