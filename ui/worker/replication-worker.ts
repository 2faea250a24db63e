/// <reference lib="webworker" />
// A Web Worker that runs batches of replications: the same simulation code as Node, off the page's
// thread, on scenarios the page has loaded (it never parses a text, so it needs neither yaml nor zod).
import { runTask, toErrorData, type Scenario } from '../../sim/index.js';
import { errorMessage, type BatchRequest, type BatchResponse } from './protocol.js';

/** The scenario of the last batch, by the pool's key for it (the pool sends it again when the key changes). */
let held: { key: number; scenario: Scenario } | null = null;

function scenarioOf({ key, scenario }: BatchRequest): Scenario {
  if (scenario !== undefined) held = { key, scenario };
  if (held === null || held.key !== key) throw new Error('a simulation worker was given replications of a scenario it does not hold');
  return held.scenario;
}

const post = (response: BatchResponse): void => (self as unknown as Worker).postMessage(response);

self.onmessage = (event: MessageEvent<BatchRequest>) => {
  const { batch, tasks } = event.data;
  try {
    const scenario = scenarioOf(event.data);
    // Each result as it is made: the page folds it in, counts progress and restarts this batch's time budget.
    tasks.forEach((task, index) => post({ batch, index, run: runTask(scenario, task) }));
  } catch (error) {
    const data = toErrorData(error);
    post(data === undefined ? { batch, error: errorMessage(error) } : { batch, error: errorMessage(error), data });
  }
};
