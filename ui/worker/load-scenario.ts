import { parseDocument } from 'yaml';
import { ScenarioError, loadScenario } from '../../sim/index.js';
import { bundledReader } from '../bundled-data.js';
import { slidersFor } from '../state/sliders.js';
import { sizeProblem, textLimitProblem } from '../state/page-limits.js';
import { errorMessage, type LoadRequest, type LoadResponse } from './protocol.js';

// The verdicts on the last few texts: a slider move loads the same text again, with other overrides
// (which set values at paths the page offers, so they do not change what the limits count).
const verdicts = new Map<string, string | null>();

/** The page's size limits, checked on the parsed text before the loader's own steps. */
function limitProblem(text: string): string | null {
  if (verdicts.has(text)) return verdicts.get(text)!;
  const verdict = checkLimits(text);
  if (verdicts.size >= 8) verdicts.delete(verdicts.keys().next().value!);
  verdicts.set(text, verdict);
  return verdict;
}

function checkLimits(text: string): string | null {
  const long = textLimitProblem(text);
  if (long !== null) return long;
  const doc = parseDocument(text);
  // Syntax errors and aliases that expand too far are the loader's to report, with their lines.
  if (doc.errors.length > 0) return null;
  let data: unknown;
  try {
    data = doc.toJS();
  } catch {
    return null;
  }
  return sizeProblem(data);
}

/**
 * Loads a scenario as the page takes it: within the page's limits, through the same loadScenario
 * as everywhere, nothing thrown escaping. Runs in the loader's worker (load-worker.ts).
 */
export function loadForPage({ id, text, file, overrides, files, sliders }: LoadRequest): LoadResponse {
  const started = performance.now();
  try {
    const refusal = limitProblem(text);
    if (refusal !== null) return { id, kind: 'refused', message: refusal };
    const scenario = loadScenario(text, { file, overrides, readFile: bundledReader(files) });
    // The sliders here too: their checked ranges need the schema, which the page does not load.
    return { id, kind: 'loaded', scenario, sliders: sliders === undefined ? null : slidersFor(scenario, sliders), ms: performance.now() - started };
  } catch (error) {
    if (error instanceof ScenarioError) return { id, kind: 'invalid', issues: error.issues.map((i) => ({ ...i })) };
    return { id, kind: 'failed', message: errorMessage(error) };
  }
}
