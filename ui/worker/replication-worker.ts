/// <reference lib="webworker" />
// A Web Worker that runs batches of replications: the same simulation code as Node, off the page's thread.
import '../csp-setup.js';
import { loadScenario, runTask, toErrorData, type Scenario } from '../../sim/index.js';
import { fileReader } from '../state/bundled-files.js';
import { errorMessage, type BatchRequest, type BatchResponse } from './protocol.js';

const loaded = new Map<string, Scenario>();

function scenarioOf({ text, file, overrides, files, filesKey }: BatchRequest['source']): Scenario {
  const key = JSON.stringify([file, overrides ?? {}, text, filesKey ?? '']);
  let scenario = loaded.get(key);
  if (scenario === undefined) {
    scenario = loadScenario(text, { file, overrides, readFile: fileReader(files) });
    if (loaded.size > 20) loaded.clear(); // slider moves make many variants; keep memory bounded
    loaded.set(key, scenario);
  }
  return scenario;
}

const post = (response: BatchResponse): void => (self as unknown as Worker).postMessage(response);

self.onmessage = (event: MessageEvent<BatchRequest>) => {
  const { batch, source, tasks } = event.data;
  try {
    const scenario = scenarioOf(source);
    // Each result as it is made: the page folds it in, counts progress and restarts this batch's time budget.
    tasks.forEach((task, index) => post({ batch, index, run: runTask(scenario, task) }));
  } catch (error) {
    const data = toErrorData(error);
    post(data === undefined ? { batch, error: errorMessage(error) } : { batch, error: errorMessage(error), data });
  }
};
