// What decides one strategy's replications, spelled out as text. A replication runs the plant that
// buildStrategy makes from the strategy's compiled document and policies, reading the scenario's
// traces, with its task's seed, series, level samples and event limit: nothing else. Two runs with
// equal keys give the same results bit for bit (common random numbers give each strategy the same
// seeds whatever the others do), so the page can keep the replications of a strategy a slider did
// not touch. The key errs on the side of a miss: it spells out the whole document (its name and
// description too), every trace of the scenario, and keeps the order of every object's keys (the
// order items are set up in can order events that tie).
import type { Scenario } from '../scenario/index.js';
import { planReplications, type ExperimentOptions, type ReplicationTask } from './experiment.js';

/**
 * What decides each strategy's replications in an experiment of `scenario` with `options`, by
 * strategy: equal keys, equal runs. Null for a strategy whose data the key cannot spell out (not
 * plain data): never reuse its runs.
 */
export function strategyRunKeys(scenario: Scenario, options: ExperimentOptions = {}): Record<string, string | null> {
  return keysOf(scenario, planReplications(scenario, options));
}

/** strategyRunKeys for an experiment already planned (`tasks` from planReplications). */
export function keysOf(scenario: Scenario, tasks: readonly ReplicationTask[]): Record<string, string | null> {
  const keys: Record<string, string | null> = Object.create(null);
  const traces = textOrNull(scenario.traces);
  for (const task of tasks) {
    if (Object.hasOwn(keys, task.strategy)) continue;
    const compiled = Object.hasOwn(scenario.compiled, task.strategy) ? scenario.compiled[task.strategy] : undefined;
    const own = tasks
      .filter((t) => t.strategy === task.strategy)
      .map(({ replication, seed, series, levelSamples, maxEvents }) => ({ replication, seed, series, levelSamples, maxEvents }));
    const spec = compiled === undefined ? null : textOrNull({ strategy: task.strategy, document: compiled.document, policies: compiled.policies, tasks: own });
    keys[task.strategy] = spec === null || traces === null ? null : `${spec}\u0000${traces}`;
  }
  return keys;
}

function textOrNull(value: unknown): string | null {
  try {
    return plainText(value, new Set());
  } catch (error) {
    if (error instanceof NotPlainData) return null;
    throw error;
  }
}

class NotPlainData extends Error {}

/**
 * Plain data as text, one text per value: numbers exactly (shortest round trip, −0, NaN and the
 * infinities apart), undefined apart from a missing key and from null, array holes apart, keys in
 * their order. Anything else (a class instance, a Map, a function, a cycle) throws NotPlainData.
 */
function plainText(value: unknown, open: Set<object>): string {
  switch (typeof value) {
    case 'undefined':
      return 'u';
    case 'boolean':
      return value ? 't' : 'f';
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'n';
      return objectText(value, open);
    default:
      throw new NotPlainData(typeof value);
  }
}

function objectText(value: object, open: Set<object>): string {
  if (open.has(value)) throw new NotPlainData('cycle');
  open.add(value);
  let text: string;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    text = `${value.constructor.name}[${Array.from(value as unknown as ArrayLike<number>, (x) => plainText(x, open)).join(',')}]`;
  } else if (Array.isArray(value)) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) parts.push(i in value ? plainText(value[i], open) : 'h');
    if (Object.keys(value).length !== value.filter(() => true).length) throw new NotPlainData('array with named keys');
    text = `[${parts.join(',')}]`;
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new NotPlainData('not a plain object');
    if (Object.getOwnPropertySymbols(value).length > 0) throw new NotPlainData('symbol keys');
    text = `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${plainText((value as Record<string, unknown>)[key], open)}`)
      .join(',')}}`;
  }
  open.delete(value);
  return text;
}
