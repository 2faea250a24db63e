// A slider move re-runs only the strategies it changes (the others' replications are kept by their
// strategy run key): what the page shows after such a move must be what a cold run of the same
// settings shows, to the byte.
import { describe, expect, it } from 'vitest';
import { useSuite, squash, type AppPage } from './harness.js';

const suite = useSuite('slider-reuse');
// In the base file, and only EOQ runs it: JIT and Batch replace the widget's policy whole.
const EOQ_ONLY = 'items.widget.policy.quantity';

async function resultJson(app: AppPage): Promise<string> {
  return (await app.download(() => app.button('JSON').click())).bytes.toString('utf8');
}

/** The largest number the progress bar counted to during `action`'s run: how many replications it ran. */
async function replicationsRun(app: AppPage, action: () => Promise<unknown>): Promise<number> {
  await app.page.evaluate(() => {
    const w = window as unknown as { __most: number; __watch: MutationObserver };
    w.__most = 0;
    const root = document.querySelector('sawtooth-app')!.shadowRoot!;
    // Read at every change of the page's own tree: the bar is there only while a run counts.
    w.__watch = new MutationObserver(() => {
      const bar = root.querySelector('progress[aria-label="Replications done"]');
      if (bar) w.__most = Math.max(w.__most, Number(bar.getAttribute('max')));
    });
    w.__watch.observe(root, { subtree: true, childList: true, attributes: true });
  });
  await action();
  return app.page.evaluate(() => {
    const w = window as unknown as { __most: number; __watch: MutationObserver };
    w.__watch.disconnect();
    return w.__most;
  });
}

describe('a slider move', () => {
  it("shows, after re-running only the strategy it moved, a cold run's results byte for byte", async () => {
    const app = await suite.open();
    expect(squash(await app.heading.textContent())).toContain('JIT, EOQ or batch');
    const first = await resultJson(app);

    // The progress bar counts what is run: EOQ's 30 replications, not all three strategies' 90.
    expect(await replicationsRun(app, () => app.moveSlider(EOQ_ONLY, 300))).toBe(30);
    const moved = await resultJson(app);
    expect(moved).not.toBe(first);
    expect(await replicationsRun(app, () => app.moveSlider(EOQ_ONLY, 320))).toBe(30);
    // Back to a value run before: every strategy's replications are kept ones, nothing runs.
    expect(await replicationsRun(app, () => app.moveSlider(EOQ_ONLY, 300))).toBe(0);
    expect(await resultJson(app)).toBe(moved);

    // The page restores the move after a reload and runs it from nothing: a cold run of the same settings.
    await app.reload();
    expect(await app.slider(EOQ_ONLY).inputValue()).toBe('300');
    expect(await resultJson(app)).toBe(moved);
    expect(app.errors).toEqual([]);
  });
});
