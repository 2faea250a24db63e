import { readFileSync } from 'node:fs';
import { loadScenario, type Scenario } from '../scenario/index.js';
import type { ScenarioSource } from '../experiment/index.js';
import { msg, UsageError } from './messages.js';

/** Reads a CSV trace (or any file a scenario names) relative to the working directory. */
export const readFile = (path: string): string => readFileSync(path, 'utf8');

/** Reads and loads a scenario file with overrides; unreadable files are usage errors, bad ones ScenarioErrors. */
export function readScenario(file: string, overrides: Record<string, unknown>): { scenario: Scenario; source: ScenarioSource } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(msg.unreadable(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  const scenario = loadScenario(text, { file, overrides, readFile });
  return { scenario, source: { text, file, overrides } };
}

/** Checks --strategy names against the scenario. */
export function checkStrategies(scenario: Scenario, names: string[] | undefined): void {
  for (const name of names ?? []) {
    if (!scenario.strategies.includes(name)) throw new UsageError(msg.unknownStrategy(name, scenario.strategies));
  }
}

/**
 * Strategies (among `strategies`) whose patch sets `path` or one of its parents, so that a base
 * override of `path` never reaches them (the patch replaces the value, or the whole policy).
 */
export function strategiesShadowing(scenario: Scenario, path: string, strategies: string[]): string[] {
  if (path.startsWith('strategies.')) return [];
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  return strategies.filter((name) => {
    let node: unknown = scenario.patches[name];
    for (const key of keys) {
      if (node === null || typeof node !== 'object' || !(key in node)) return false;
      node = (node as Record<string, unknown>)[key];
      if (node === null || typeof node !== 'object' || key === 'policy') return true;
    }
    return true;
  });
}
