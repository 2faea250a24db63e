import { errorMessage, type OrderLogRequest, type OrderLogResponse } from './protocol.js';

/**
 * Writes the order log in a worker of its own, started for this one request and terminated after
 * it; rejects with a sentence when it fails or runs past `budgetMs`.
 */
export function orderLogInWorker(request: OrderLogRequest, budgetMs: number): Promise<{ csv: string; truncated: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./order-log-worker.ts', import.meta.url), { type: 'module', name: 'sawtooth-order-log' });
    const finish = (outcome: () => void): void => {
      clearTimeout(timer);
      worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(`it took longer than ${Math.round(budgetMs / 1000)} s; write it with the command line instead (npx sawtooth run FILE --log orders.csv)`),
          ),
        ),
      budgetMs,
    );
    worker.onmessage = (event: MessageEvent<OrderLogResponse>) => {
      const response = event.data;
      finish(() => ('error' in response ? reject(new Error(response.error)) : resolve(response)));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() => reject(new Error(`its worker failed: ${event.message || 'no reason given (out of memory?)'}`)));
    };
    worker.onmessageerror = () => finish(() => reject(new Error('its worker sent a log the page could not read')));
    try {
      worker.postMessage(request);
    } catch (error) {
      finish(() => reject(new Error(`the scenario could not be handed to its worker: ${errorMessage(error)}`)));
    }
  });
}
