// The planner's question on the page: the bundled ERP scenario (a history as exported, a press on
// two shifts) opens with the verdict at the top of the Comparison card, the simulation's own
// sentence, and draws what the press did through the first replication, nights and weekends closed.
import { describe, expect, it } from 'vitest';
import { squash, useSuite } from './harness.js';

const suite = useSuite('verdict');

describe('the verdict and the machine timeline on the page', () => {
  it("answers 'is kanban cheaper than today?' in one sentence, and shows the press closed at night", async () => {
    const app = await suite.open();
    await app.pick('erp-history-kanban');
    expect(await app.problems.count()).toBe(0);

    const verdict = (await app.page.locator('comparison-list ul.verdict li').allTextContents()).map(squash);
    expect(verdict).toHaveLength(1);
    expect(verdict[0]).toMatch(/^Kanban (costs [\d.]+% less than|and) Today \(reorder point, big lots\)/);
    expect(verdict[0]).toMatch(/less in the costs the policies control \(holding, ordering, setup, backorders, lost sales\), the same purchase cost/);
    expect(verdict[0]).toMatch(/higher service for 3 items/);
    await app.page.locator('comparison-list').scrollIntoViewIfNeeded();
    await app.screenshot('verdict');

    // What the press did: a lane per strategy, with closed time from its two-shift calendar.
    const charts = await app.charts();
    expect(charts.find((c) => c.id === 'chart-timeline')?.drawn).toBe(true);
    const bars = await app.markItems('#chart-timeline', 'rect');
    const states = new Set(bars.map((b) => b.datum.state));
    for (const state of ['busy', 'idle', 'closed']) expect(states.has(state), state).toBe(true);
    const lanes = new Set(bars.map((b) => b.datum.lane));
    expect([...lanes].sort()).toEqual(['Kanban', 'Today (reorder point, big lots)']);
    // Dated: the axis speaks in dates, the tooltip datum carries one.
    expect(bars.every((b) => typeof b.datum.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(b.datum.date as string))).toBe(true);
    await app.page.locator('#chart-timeline').scrollIntoViewIfNeeded();
    await app.screenshot('machine-timeline');
  });
});
