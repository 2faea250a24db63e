/// <reference lib="webworker" />
// A Web Worker that loads scenarios for the page: parsing and checking a large or hostile text
// (deep aliases, thousands of items) never blocks the page, and a load that runs away is stopped
// by terminating this worker (see scenario-loader.ts).
import '../csp-setup.js';
import { loadForPage } from './load-scenario.js';
import { errorMessage, type LoadRequest, type LoadResponse } from './protocol.js';

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  const response = loadForPage(event.data);
  try {
    (self as unknown as Worker).postMessage(response);
  } catch (error) {
    const failed: LoadResponse = { id: event.data.id, kind: 'failed', message: `the loaded scenario cannot be handed to the page (${errorMessage(error)})` };
    (self as unknown as Worker).postMessage(failed);
  }
};
