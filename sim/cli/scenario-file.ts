import { readFileSync, statSync } from 'node:fs';
import { loadScenario, shadowsPath, type Scenario, type TraceCache } from '../scenario/index.js';
import type { ScenarioSource } from '../experiment/index.js';
import { msg, UsageError } from './messages.js';
import { servedFrom, traceReader, type TraceAccess } from './trace-files.js';

/** Scenario files are text written by people: 64 MB is far beyond any real one (traces hold the big data). */
const MAX_SCENARIO_BYTES = 64 * 2 ** 20;

/** A loaded scenario, where it came from (with every trace text read), and its parsed traces for later loads. */
export interface ScenarioFile {
  scenario: Scenario;
  source: ScenarioSource & { files: Record<string, string> };
  /** Options for loading variants of the scenario (a sweep's cells): no file is read again, no trace parsed again. */
  reload: { readFile: (path: string) => string; traceCache: TraceCache };
}

/** Reads and loads a scenario file with overrides; unreadable files are usage errors, bad ones ScenarioErrors. */
export function readScenario(file: string, overrides: Record<string, unknown>, access: TraceAccess): ScenarioFile {
  let text: string;
  try {
    // A pipe or a device named as the scenario would hang or fill memory: regular files only, bounded.
    const stats = statSync(file);
    if (!stats.isFile()) throw new UsageError(msg.unreadable(file, 'not a regular file'));
    if (stats.size > MAX_SCENARIO_BYTES)
      throw new UsageError(msg.unreadable(file, `${stats.size} bytes, more than the ${MAX_SCENARIO_BYTES / 2 ** 20} MB a scenario file may have`));
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(msg.unreadable(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  const reader = traceReader(file, access);
  const traceCache: TraceCache = new Map();
  const scenario = loadScenario(text, { file, overrides, readFile: reader.readFile, traceCache });
  return { scenario, source: { text, file, overrides, files: reader.files }, reload: { readFile: servedFrom(reader.files), traceCache } };
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
  return strategies.filter((name) => shadowsPath(scenario.compiled[name], path));
}
