/// <reference lib="webworker" />
// A one-shot Web Worker that writes the order log (one more run per strategy) off the page's
// thread, with the same code as `sawtooth run --log`.
import '../csp-setup.js';
import { loadScenario, orderLog, orderLogCsv } from '../../sim/index.js';
import { bundledReader } from '../bundled-data.js';
import { errorMessage, type OrderLogRequest, type OrderLogResponse } from './protocol.js';

self.onmessage = (event: MessageEvent<OrderLogRequest>) => {
  let response: OrderLogResponse;
  try {
    const { source, seed, strategies } = event.data;
    const scenario = loadScenario(source.text, { file: source.file, overrides: source.overrides, readFile: bundledReader(source.files) });
    const logs = strategies.map((strategy) => ({ strategy, ...orderLog(scenario, strategy, seed) }));
    response = { csv: orderLogCsv(logs, scenario.time), truncated: logs.filter((l) => l.truncated).map((l) => l.strategy) };
  } catch (error) {
    response = { error: errorMessage(error) };
  }
  (self as unknown as Worker).postMessage(response);
};
