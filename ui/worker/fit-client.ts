import type { FitPageRequest, FitPageResponse } from './fit-data.js';
import { errorMessage } from './protocol.js';

/** How long a fit may take before the page stops it. */
export const FIT_BUDGET_MS = 60_000;

/**
 * Fits in a worker of its own, started for this one request and terminated after it. Never
 * rejects: a worker that fails or runs past `budgetMs` gives `failed` with a sentence.
 */
export function fitInWorker(request: FitPageRequest, budgetMs = FIT_BUDGET_MS): { done: Promise<FitPageResponse>; cancel: () => void } {
  const worker = new Worker(new URL('./fit-worker.ts', import.meta.url), { type: 'module', name: 'sawtooth-fit' });
  let settle: (response: FitPageResponse) => void = () => {};
  const done = new Promise<FitPageResponse>((resolve) => {
    settle = (response) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(response);
      settle = () => {};
    };
  });
  const failed = (message: string): FitPageResponse => ({ kind: 'failed', message });
  const timer = setTimeout(
    () => settle(failed(`it took longer than ${Math.round(budgetMs / 1000)} s; fit the file with the command line instead (npx sawtooth fit FILE)`)),
    budgetMs,
  );
  worker.onmessage = (event: MessageEvent<FitPageResponse>) => settle(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    settle(failed(`its worker failed: ${event.message || 'no reason given (out of memory?)'}`));
  };
  worker.onmessageerror = () => settle(failed('its worker sent a fit the page could not read'));
  try {
    worker.postMessage(request);
  } catch (error) {
    settle(failed(`the file could not be handed to its worker: ${errorMessage(error)}`));
  }
  return { done, cancel: () => settle(failed('cancelled')) };
}
