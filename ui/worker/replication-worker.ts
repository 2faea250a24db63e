/// <reference lib="webworker" />
// A Web Worker that runs batches of replications: the same simulation code as Node, off the page's thread.
import { loadScenario, runTask, type Scenario } from '../../sim/index.js';
import type { BatchRequest, BatchResponse } from './protocol.js';

const loaded = new Map<string, Scenario>();

function scenarioOf({ text, file, overrides, files }: BatchRequest['source']): Scenario {
  const key = JSON.stringify([file, overrides ?? {}, text]);
  let scenario = loaded.get(key);
  if (scenario === undefined) {
    scenario = loadScenario(text, { file, overrides, readFile: (path) => files[path] ?? '' });
    if (loaded.size > 20) loaded.clear(); // slider moves make many variants; keep memory bounded
    loaded.set(key, scenario);
  }
  return scenario;
}

self.onmessage = (event: MessageEvent<BatchRequest>) => {
  const { batch, source, tasks } = event.data;
  let response: BatchResponse;
  try {
    const scenario = scenarioOf(source);
    response = { batch, runs: tasks.map((task) => runTask(scenario, task)) };
  } catch (error) {
    response = { batch, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(response);
};
