import { customerWaitKpis, type LevelSamples, type PlantSpec } from '../model/index.js';
import type { Scenario } from '../scenario/index.js';
import { dominantPeriod, mser, replicationsFor, summarize, thirdMeans, tQuantile } from '../stats/index.js';
import { builtStrategy } from './experiment-cache.js';
import { WARN } from './messages.js';
import type { KpiSummary, StrategyResult, Warning } from './results.js';
import type { StrategyTally } from './tally.js';

// ---------------------------------------------------------------------------------------------
// Replications

/**
 * Replications needed for a KPI's 95% half-width to fall to `relativeHalfWidth` × |mean|: the
 * smallest n with t(0.975, n − 1)·sd/√n within it, sd from the pilot. The pilot's own n when it
 * gave no interval; Infinity when the mean is 0 but not the spread.
 */
export function replicationsNeeded(summary: KpiSummary, relativeHalfWidth: number): number {
  if (summary.ci95 === null) return summary.n;
  return replicationsFor(summary.sd, relativeHalfWidth * Math.abs(summary.mean));
}

/** A headline KPI and the half-width it should have: relative (±5% of the mean) or absolute (±0.02). */
interface Target {
  kpi: string;
  summary: KpiSummary;
  relative: boolean;
  halfWidth: number;
}

// Costs, waits and WIP are judged relative to their size; a fill rate near 1 or 0 is not, so it
// gets an absolute half-width of two percentage points.
const RELATIVE_TARGET = 0.05;
const FILL_RATE_TARGET = 0.02;
// A mean wait of a few minutes (0.0004 day) is "no wait" to a planner, whatever its relative
// spread: a wait is precise enough within ±0.01 time units (15 minutes in days, 36 s in hours).
const WAIT_FLOOR = 0.01;

/**
 * The KPIs a reader looks at first: total cost, WIP, and every item's fill rate and customer wait
 * (the overall wait is left out: it mixes the items' waits, and with one demanded item repeats it).
 */
function headlineTargets(strategy: StrategyResult): Target[] {
  const relative = (kpi: string, summary: KpiSummary): Target => ({ kpi, summary, relative: true, halfWidth: RELATIVE_TARGET * Math.abs(summary.mean) });
  const targets = [relative('totalCost', strategy.kpis.totalCost), relative('wip', strategy.kpis.wip)];
  for (const [item, kpis] of Object.entries(strategy.items)) {
    targets.push({ kpi: `${item}.fillRate`, summary: kpis.fillRate, relative: false, halfWidth: FILL_RATE_TARGET });
    const wait = relative(`${item}.avgCustomerWait`, kpis.avgCustomerWait);
    targets.push(wait.halfWidth >= WAIT_FLOOR ? wait : { ...wait, relative: false, halfWidth: WAIT_FLOOR });
  }
  // No interval (nothing measured) or a relative target of a zero mean: nothing to judge.
  return targets.filter((t) => t.summary.ci95 !== null && t.summary.n >= 2 && !(t.relative && t.summary.mean === 0));
}

/** A KPI short of its target: its half-width now and the replications that would reach the target. */
interface Shortfall extends Target {
  now: number;
  needed: number;
}

function shortfall(target: Target, have: number): Shortfall | null {
  const { sd, n } = target.summary;
  // The unclamped Student-t half-width: the reported interval may be cut at a KPI's range (fill rate ≤ 1).
  const now = (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  const needed = replicationsFor(sd, target.halfWidth);
  return needed > have ? { ...target, now, needed } : null;
}

/**
 * One warning per strategy whose headline KPIs are wider than their targets, naming the worst;
 * with one replication, one warning that nothing can be told apart.
 */
export function replicationWarnings(strategies: StrategyResult[], replications: number): Warning[] {
  if (strategies.length === 0) return [];
  if (replications === 1) return [{ code: 'one-replication', path: 'run.replications', message: WARN.oneReplication() }];
  const out: Warning[] = [];
  for (const strategy of strategies) {
    const short = headlineTargets(strategy)
      .map((t) => shortfall(t, replications))
      .filter((s): s is Shortfall => s !== null);
    if (short.length === 0) continue;
    const worst = short.reduce((a, b) => (b.needed > a.needed ? b : a));
    const { kpi, summary, relative, now, halfWidth, needed } = worst;
    const message = relative
      ? WARN.tooFewReplicationsRelative(kpi, summary.mean, now, RELATIVE_TARGET, needed, replications, short.length - 1)
      : WARN.tooFewReplicationsAbsolute(kpi, summary.mean, now, halfWidth, needed, replications, short.length - 1);
    out.push({ code: 'too-few-replications', path: 'run.replications', strategies: [strategy.name], message, level: 'note' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Growth through the measured window

// A level "grows" when, over the replications, the mean of the window's last third is above that
// of its first third (one-sided paired t at 99%), and the rise is large both against the level
// (≥ 25% of the first third's mean) and against the level's own fluctuation (≥ half its sd within
// the window). The two size criteria keep a stable but noisy or spiky level (a backlog that is
// mostly 0) quiet even when a run is long enough to make a tiny drift significant.
const GROWTH_CONFIDENCE = 0.99;
const GROWTH_RELATIVE = 0.25;
const GROWTH_IN_SDS = 0.5;
/** Samples the window must hold for thirds to mean anything. */
const MIN_WINDOW_SAMPLES = 30;

/** A level's growth from the first to the last third of the window, averaged over replications. */
interface Growth {
  from: number;
  middle: number;
  to: number;
  /** Per replication: last third's mean − first third's. */
  rises: number[];
  /** Root mean square over replications of the level's sd within the window. */
  spread: number;
  /** The lowest level in the window's last third, averaged over replications. */
  lastLow: number;
}

function growthOf(series: Float64Array[], start: number): Growth {
  let from = 0;
  let middle = 0;
  let to = 0;
  let variance = 0;
  let lastLow = 0;
  const rises: number[] = [];
  for (const values of series) {
    const measured = values.slice(start);
    const [a, b, c] = thirdMeans(measured);
    from += a / series.length;
    middle += b / series.length;
    to += c / series.length;
    rises.push(c - a);
    variance += summarize(measured).sd ** 2 / series.length;
    lastLow += Math.min(...measured.slice(measured.length - Math.floor(measured.length / 3))) / series.length;
  }
  return { from, middle, to, rises, spread: Math.sqrt(variance), lastLow };
}

/** Whether a growth is real (across replications) and large (against the level and its noise). */
function isGrowing(growth: Growth): boolean {
  const { from, middle, to, rises, spread, lastLow } = growth;
  const rise = to - from;
  if (!(rise > 0) || rise < GROWTH_RELATIVE * from || rise < GROWTH_IN_SDS * spread) return false;
  const n = rises.length;
  // One replication has no spread between replications to test against, and a persistent but
  // stable level wanders far within one: ask instead for a rise through all three thirds that never
  // comes back down, the whole last third above the first third's mean (a stable queue or backlog
  // returns to its usual level again and again over a third of a run).
  if (n < 2) return from < middle && middle < to && lastLow > from;
  const { sd } = summarize(rises);
  return rise > (tQuantile(GROWTH_CONFIDENCE, n - 1) * sd) / Math.sqrt(n);
}

/** The KPIs a growing backlog of `item` puts in doubt; its costs only when backorders are charged. */
function backlogKpis(item: string, tally: StrategyTally): string[] {
  const kpis = [`${item}.avgBackorders`, ...customerWaitKpis(item), `${item}.fillRate`, 'avgCustomerWait'];
  if (tally.charged(item, 'backorderCost')) kpis.push(`${item}.backorderCost`, 'totalCost');
  return kpis;
}

/**
 * Backlogs, queues and WIP that grow through the measured window (warmup, horizon]: their
 * averages are not steady-state values and grow with the horizon. The overall WIP is reported
 * only when no item's own WIP already is (it then grows in intermediate stock).
 */
export function trendWarnings(strategy: string, tally: StrategyTally, time: { horizon: number; warmup: number; unit: string }): Warning[] {
  const sampled = tally.levels;
  if (sampled.length === 0) return [];
  const start = sampled[0].t.findIndex((t) => t > time.warmup);
  if (start < 0 || sampled[0].t.length - start < MIN_WINDOW_SAMPLES) return [];
  const growing = (pick: (levels: LevelSamples) => Float64Array): Growth | null => {
    const growth = growthOf(sampled.map(pick), start);
    return isGrowing(growth) ? growth : null;
  };
  const out: Warning[] = [];
  for (const item of Object.keys(sampled[0].backorders)) {
    const g = growing((levels) => levels.backorders[item]);
    if (g)
      out.push({
        code: 'growing-backlog',
        path: `items.${item}`,
        strategies: [strategy],
        message: WARN.growingBacklog(item, g.from, g.to, time),
        kpis: backlogKpis(item, tally),
      });
  }
  for (const item of Object.keys(sampled[0].wip)) {
    const g = growing((levels) => levels.wip[item]);
    if (g)
      out.push({
        code: 'growing-wip',
        path: `items.${item}`,
        strategies: [strategy],
        message: WARN.growingWip(item, g.from, g.to, time),
        kpis: [`${item}.wip`, `${item}.flowTime`, 'wip'],
      });
  }
  if (!out.some((w) => w.code === 'growing-wip')) {
    const g = growing((levels) => levels.totalWip);
    if (g) out.push({ code: 'growing-wip', path: 'time.horizon', strategies: [strategy], message: WARN.growingWip(null, g.from, g.to, time), kpis: ['wip'] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Warm-up

/** A warm-up that looks too short for what the levels show. */
export function warmupWarnings(scenario: Scenario, strategies: string[], levels: LevelSamples[][]): Warning[] {
  const suggested = warmupHint(scenario, strategies, levels) ?? 0;
  const { warmup, horizon, unit } = scenario.time;
  if (suggested > warmup * 1.5 && suggested > horizon * 0.05) {
    return [{ code: 'warmup-too-short', path: 'time.warmup', message: WARN.warmupTooShort(warmup, Math.ceil(suggested), unit) }];
  }
  return [];
}

// A cut is worth a hint only when what it removes is a start-up effect, not noise: the levels
// between the file's warm-up and the cut differ from those after it the same way across
// replications (paired t, 95%), and enough to move the window's mean by 2% (well inside the ±5%
// the replication advisor aims at, so a bias that size would show).
const TRANSIENT_CONFIDENCE = 0.975;
const MATERIAL_BIAS = 0.02;

/**
 * Warm-up hint (Welch's idea with White's rule): average every sampled level (each item's stock on
 * hand, backlog and WIP, and the overall WIP) across the replications of one strategy, so noise
 * and the phases of random sawtooths cancel out, then take the MSER truncation time of that
 * average, in batches that span at least `period` (the cycle of a fixed schedule) and any cycle
 * the average still shows (a sawtooth in phase in every replication). Cuts that remove no real
 * start-up effect after `warmup` are ignored. The largest over the levels; null with fewer than two
 * replications or too few cycles in the run to judge.
 */
export function suggestedWarmup(sampled: LevelSamples[], period = 0, warmup = 0): number | null {
  // One replication averages nothing out: noise and a start-up effect look alike to MSER.
  if (sampled.length < 2) return null;
  const { t } = sampled[0];
  const spacing = t.length > 1 ? t[1] - t[0] : 1;
  const batchSize = Math.max(5, Math.ceil(period / spacing));
  // With fewer than 10 batches MSER's choice is noise: too few cycles in the run to judge.
  if (t.length / batchSize < 10) return null;
  const from = Math.max(
    0,
    t.findIndex((time) => time >= warmup),
  );
  let longest = 0;
  for (const pick of levelPicks(sampled[0])) {
    const series = sampled.map(pick);
    const mean = t.map((_, k) => series.reduce((sum, values) => sum + values[k], 0) / series.length);
    const drop = truncation(mean, batchSize);
    if (drop > from && isTransient(series, from, drop)) longest = Math.max(longest, t[drop]);
  }
  return longest;
}

/** Every level sampled: per item on hand, backlog and WIP, then the overall WIP. */
function levelPicks(levels: LevelSamples): ((levels: LevelSamples) => Float64Array)[] {
  const picks: ((levels: LevelSamples) => Float64Array)[] = [];
  for (const item of Object.keys(levels.onHand)) {
    picks.push(
      (l) => l.onHand[item],
      (l) => l.backorders[item],
      (l) => l.wip[item],
    );
  }
  picks.push((l) => l.totalWip);
  return picks;
}

/**
 * Observations of an averaged level to drop (0: none): MSER in batches of at least `batchSize`,
 * widened to span the level's own cycle when it shows one.
 */
function truncation(mean: Float64Array, batchSize: number): number {
  const first = mser(mean, batchSize);
  const cycle = dominantPeriod(mean.slice(first));
  const batch = Math.max(batchSize, cycle);
  if (mean.length / batch < 10) return 0;
  const drop = batch === batchSize ? first : mser(mean, batch);
  // A cut near the limit (half the run) is MSER's sign of a level that drifts slowly over the
  // whole run, not of a start-up transient: no warm-up would fix that, so no hint is given.
  if (drop >= 0.4 * mean.length) return 0;
  if (cycle > 0 && !beyondCycle(mean, drop, cycle)) return 0;
  return drop;
}

/**
 * Whether cutting `drop` observations moves the mean of a level with a cycle of `cycle`
 * observations by more than the cycle alone can. A partial cycle of r observations at one end of
 * L shifts a mean by at most range · r(1 − r/cycle) / L ≤ range · cycle / 4L; with one at each end
 * of both the truncated and the full series, a periodic level's two means differ by at most
 * range · cycle / kept.
 */
function beyondCycle(mean: Float64Array, drop: number, cycle: number): boolean {
  const kept = mean.slice(drop);
  const range = Math.max(...kept) - Math.min(...kept);
  return Math.abs(average(kept) - average(mean)) > (range * cycle) / kept.length;
}

/** Whether the observations [from, cut) of each replication differ from those after `cut` consistently and materially. */
function isTransient(series: Float64Array[], from: number, cut: number): boolean {
  const whole = average(series.map((values) => average(values.slice(from))));
  const kept = average(series.map((values) => average(values.slice(cut))));
  if (!(Math.abs(whole - kept) >= MATERIAL_BIAS * Math.abs(kept))) return false;
  const n = series.length;
  const { mean, sd } = summarize(series.map((values) => average(values.slice(from, cut)) - average(values.slice(cut))));
  return Math.abs(mean) > (tQuantile(TRANSIENT_CONFIDENCE, n - 1) * sd) / Math.sqrt(n);
}

function average(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** The longest fixed schedule among a plant's policies (RS reviews, batch releases): 0 when none. */
function schedulePeriod(plant: PlantSpec): number {
  let period = 0;
  for (const item of Object.values(plant.items)) {
    if (item.policy.type === 'RS' || item.policy.type === 'batch') period = Math.max(period, item.policy.every);
  }
  return period;
}

/** The warm-up the levels seem to need, over all strategies; null for planned demand changes (never stationary). */
function warmupHint(scenario: Scenario, strategies: string[], levels: LevelSamples[][]): number | null {
  let longest = 0;
  for (let i = 0; i < strategies.length; i++) {
    const plant = builtStrategy(scenario, strategies[i]).plant;
    if (plant.demand.some((d) => d.kind === 'stream' && d.changes.length > 0)) return null;
    longest = Math.max(longest, suggestedWarmup(levels[i], schedulePeriod(plant), scenario.time.warmup) ?? 0);
  }
  return longest;
}
