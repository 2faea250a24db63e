/// <reference lib="webworker" />
// A one-shot Web Worker that fits distributions to a CSV file for the fit panel (a large file's
// fit, the triangular's grid search and the exact KS test, never blocks the page).
import '../csp-setup.js';
import { errorMessage } from './protocol.js';
import { fitForPage, type FitPageRequest, type FitPageResponse } from './fit-data.js';

self.onmessage = (event: MessageEvent<FitPageRequest>) => {
  let response: FitPageResponse;
  try {
    response = fitForPage(event.data);
  } catch (error) {
    response = { kind: 'failed', message: errorMessage(error) };
  }
  (self as unknown as Worker).postMessage(response);
};
