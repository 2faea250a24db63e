// Every warning of an experiment, gathered in one place so that the CLI, the JSON and the page
import { customerWaitKpis } from '../model/index.js';
// show the same ones: the load check before the run, the trend check and advisors after it.
import type { Scenario } from '../scenario/index.js';
import { replicationWarnings, trendWarnings, warmupWarnings } from './advisor.js';
import { builtStrategy } from './experiment-cache.js';
import { planWarnings } from './load-check.js';
import { WARN } from './messages.js';
import type { StrategyResult, Warning } from './results.js';
import type { StrategyTally } from './tally.js';

/** The checks that need no run (load, loop capacity, traps), for every strategy named. */
export function scenarioWarnings(scenario: Scenario, strategies: string[] = scenario.strategies): Warning[] {
  // What reading an order history changed (rows sorted, zeros skipped) comes first, as notes.
  const read: Warning[] = scenario.notes.map((note) => ({ code: 'history-read', path: note.path, message: note.text, level: 'note' }));
  return [...read, ...merged(strategies.flatMap((name) => planWarnings(name, builtStrategy(scenario, name), scenario.time.unit)))];
}

/** Every warning of a finished experiment: static checks, then what the runs themselves show. */
export function experimentWarnings(scenario: Scenario, strategies: string[], tallies: StrategyTally[], summaries: StrategyResult[]): Warning[] {
  const time = scenario.time;
  const observed = strategies.flatMap((name, i) => [
    ...trendWarnings(name, tallies[i], { ...time, warmup: settledFrom(scenario, name) }),
    ...censoredWaitWarnings(name, tallies[i]),
    ...fewOrdersWarnings(name, tallies[i]),
  ]);
  return [
    ...scenarioWarnings(scenario, strategies),
    ...merged(observed),
    ...warmupWarnings(
      scenario,
      strategies,
      tallies.map((tally) => tally.levels),
    ),
    ...replicationWarnings(summaries, tallies[0]?.replications ?? 0),
  ];
}

/**
 * Where the trend check starts: the warm-up, or the last planned rate change after it. A level
 * that moves to a new rate after a change has not "grown" in the sense of the check; one that
 * still grows after the last change has (an overload the new rate brings).
 */
function settledFrom(scenario: Scenario, strategy: string): number {
  const changes = builtStrategy(scenario, strategy).plant.demand.flatMap((d) => (d.kind === 'stream' ? d.changes.map((c) => c.at) : []));
  return Math.max(scenario.time.warmup, ...changes.filter((at) => at < scenario.time.horizon));
}

/** Customers still waiting at the end: their waits are counted up to the horizon, a lower bound. */
function censoredWaitWarnings(strategy: string, tally: StrategyTally): Warning[] {
  const out: Warning[] = [];
  for (const item of tally.itemNames()) {
    const waiting = tally.waitingAtEnd(item);
    const customers = tally.customers(item);
    // A customer or two waiting at the end of a long run moves nothing; a tenth of them does.
    if (waiting > 0 && waiting >= 0.05 * customers) {
      out.push({
        code: 'censored-waits',
        path: `items.${item}`,
        strategies: [strategy],
        message: WARN.censoredWaits(item, waiting, customers),
        kpis: [...customerWaitKpis(item), 'avgCustomerWait'],
      });
    }
  }
  return out;
}

// Below this many demands over all replications, a fill rate or wait (and its interval) rests on
// too little: one order filled in three replications reads "100%, equal in every replication".
const FEW_ORDERS = 30;

/** Items with some demand, but too little over all replications for a fill rate or wait to mean much. */
function fewOrdersWarnings(strategy: string, tally: StrategyTally): Warning[] {
  const out: Warning[] = [];
  for (const item of tally.itemNames()) {
    const customers = tally.customers(item);
    if (customers > 0 && customers < FEW_ORDERS) {
      out.push({
        code: 'few-orders',
        path: `items.${item}`,
        strategies: [strategy],
        message: WARN.fewOrders(item, customers, tally.replications),
        kpis: [`${item}.fillRate`, `${item}.onTimeShare`, ...customerWaitKpis(item)],
      });
    }
  }
  return out;
}

/**
 * The same warning for several strategies becomes one, naming them all (a load that is too high
 * in every strategy is one problem of the plant, not three).
 */
function merged(warnings: Warning[]): Warning[] {
  const byKey = new Map<string, Warning>();
  for (const w of warnings) {
    const key = `${w.code}\u0000${w.path}\u0000${w.message}`;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { ...w, ...(w.strategies ? { strategies: [...w.strategies] } : {}) });
    else if (seen.strategies && w.strategies) seen.strategies.push(...w.strategies);
  }
  return [...byKey.values()];
}
