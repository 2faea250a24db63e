// "Find the best" on the page: the sweep panel's search for the best cell with a guarantee (the
// simulation's runOptimize in the page's workers), its three sentences as the simulation words them,
// the heat map of the cells with what became of each, and Cancel.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optimizeSentences, runOptimize, serialExecutor, type OptimizeResult } from '../../sim/index.js';
import { ROOT, RUN_TIMEOUT, SCREENSHOTS, squash, useSuite, type AppPage } from './harness.js';

const suite = useSuite('optimize');

const CARDS = 'strategies.JIT.items.widget.policy.cards';
const SIZE = 'strategies.JIT.items.widget.policy.containerSize';

/** The sweep panel of the page, driven as a person would. */
function panelOf(app: AppPage) {
  const panel = app.page.locator('sweep-panel');
  const findBest = panel.getByRole('button', { name: /^(Find the best|Searching…)/ });
  return {
    panel,
    findBest,
    /** Sets parameter `axis` (0 or 1) to `path` over `from`…`to` in `steps`. */
    async axis(axis: number, path: string, from: number, to: number, steps: number): Promise<void> {
      await panel.getByLabel(`Parameter ${axis + 1}`).selectOption(path);
      for (const [label, value] of [
        ['from', from],
        ['to', to],
        ['steps', steps],
      ] as const) {
        const input = panel.getByLabel(label, { exact: true }).nth(axis);
        await input.fill(String(value));
        await input.press('Tab'); // commits the value (change event)
      }
    },
  };
}

/** What the page holds of the last search (the app's controller keeps it). */
function pageOptimum(app: AppPage): Promise<OptimizeResult | null> {
  return app.page.evaluate(() => {
    const element = document.querySelector('sawtooth-app') as unknown as { sim: { optimum: unknown } };
    return JSON.parse(JSON.stringify(element.sim.optimum)) as OptimizeResult | null;
  });
}

describe('find the best', () => {
  it('finds the cheapest kanban of JIT over cards × container size with a fill-rate constraint: the three sentences, the cells on a heat map', async () => {
    const app = await suite.open();
    const { panel, findBest, axis } = panelOf(app);
    await panel.getByLabel('Strategy').selectOption('JIT');
    await axis(0, CARDS, 2, 6, 5);
    await panel.getByRole('button', { name: '+ second parameter' }).click();
    await axis(1, SIZE, 20, 40, 3);

    // δ defaults to 2% of JIT's current mean total cost (two significant digits), in the scenario's currency.
    const mean = await app.page.evaluate(() => {
      const element = document.querySelector('sawtooth-app') as unknown as {
        sim: { result: { strategies: { name: string; kpis: { totalCost: { mean: number } } }[] } };
      };
      return element.sim.result.strategies.find((s) => s.name === 'JIT')!.kpis.totalCost.mean;
    });
    const delta = panel.getByLabel('Within δ (EUR)');
    expect(await delta.inputValue()).toBe(String(Number((0.02 * mean).toPrecision(2))));
    expect(await panel.getByLabel('Confidence').inputValue()).toBe('0.95');
    // A constraint on the widget's fill rate: at least 95% by default.
    await panel.getByLabel('Subject to').selectOption('widget.fillRate');
    expect(await panel.getByLabel('Bound').inputValue()).toBe('>=');
    expect(await panel.getByLabel('Value').inputValue()).toBe('0.95');

    await findBest.click();
    await expect.poll(() => findBest.textContent().then(squash)).toMatch(/^Searching…/);
    await expect.poll(() => app.chartDrawn('#chart-optimum'), { timeout: 3 * RUN_TIMEOUT }).toBe(true);
    await expect.poll(() => findBest.isEnabled()).toBe(true);
    expect(squash(await findBest.textContent())).toBe('Find the best');

    // The three sentences are the simulation's own for the result the page holds.
    const optimum = (await pageOptimum(app))!;
    expect(optimum.objective).toBe('totalCost');
    expect(optimum.constraints).toEqual(['widget.fillRate>=0.95']);
    const sentences = optimizeSentences(optimum);
    const shown = app.page.locator('sawtooth-app .optimum p');
    expect((await shown.allTextContents()).map(squash)).toEqual(
      [sentences.search, sentences.best, sentences.guarantee, sentences.replications].filter((t) => t !== null),
    );
    expect(sentences.guarantee).toBe(
      `With probability at least 95%, its expected totalCost is within ${await delta.inputValue()} of the best among the cells that meet the constraints (each within its tolerance).`,
    );
    expect(sentences.best).toMatch(
      /^Best: strategies\.JIT\.items\.widget\.policy\.cards = \d+, strategies\.JIT\.items\.widget\.policy\.containerSize = \d+, with totalCost /,
    );

    // The same search in Node, on the same seeds, comes to the same cells.
    const file = 'scenarios/jit-eoq-batch.yaml';
    const node = await runOptimize(
      serialExecutor,
      { text: readFileSync(join(ROOT, file), 'utf8'), file, overrides: {} },
      {},
      [
        { path: CARDS, values: [2, 3, 4, 5, 6] },
        { path: SIZE, values: [20, 30, 40] },
      ],
      'totalCost',
      { strategy: 'JIT', delta: optimum.guarantee.delta, constraints: [{ kpi: 'widget.fillRate', op: '>=', value: 0.95, tolerance: 0.005 }] },
    );
    const summary = (r: OptimizeResult) => r.cells.map((c) => [c.values[CARDS], c.values[SIZE], c.status, c.replications]);
    expect(summary(optimum)).toEqual(summary(node));

    // The heat map: every cell, eliminated ones with the replications they had when dropped, the
    // infeasible ones crossed out, the best outlined.
    const statuses = new Set(optimum.cells.map((c) => c.status));
    expect(statuses.has('eliminated') && statuses.has('infeasible') && statuses.has('best')).toBe(true);
    const rects = await app.markItems('#chart-optimum', 'rect');
    const cells = rects.filter((r) => r.datum.best !== undefined && r.datum.mean !== undefined);
    const key = (x: unknown, y: unknown) => `${String(x)}|${String(y)}`;
    const drawn = new Map(cells.map((c) => [key(c.datum.x, c.datum.y), c.datum]));
    for (const c of optimum.cells) {
      const datum = drawn.get(key(c.values[CARDS], c.values[SIZE]))!;
      expect(datum.replications).toBe(c.replications);
      if (c.status === 'eliminated') expect(datum.state).toBe(`eliminated after ${c.replications}`);
      if (c.status === 'infeasible') expect(datum.state).toBe('infeasible (widget.fillRate>=0.95)');
      expect(datum.faded).toBe(c.status !== 'best');
    }
    const crosses = await app.markItems('#chart-optimum', 'symbol');
    expect(new Set(crosses.map((c) => key(c.datum.x, c.datum.y)))).toEqual(
      new Set(optimum.cells.filter((c) => c.status === 'infeasible').map((c) => key(c.values[CARDS], c.values[SIZE]))),
    );
    const svg = await app.chartSvg('#chart-optimum');
    expect(svg).toContain("Title text 'totalCost by widget.policy.cards × widget.policy.containerSize'");
    expect(svg).toContain('JIT; best cell outlined; eliminated cells faded; infeasible ones crossed out');
    // The whole card: the form, the sentences and the heat map.
    mkdirSync(SCREENSHOTS, { recursive: true });
    await app.page.locator('sawtooth-app section.card:has(sweep-panel)').screenshot({ path: join(SCREENSHOTS, 'find-the-best-heatmap.png') });
    expect(app.errors).toEqual([]);
  });

  it('draws a search over one parameter as a curve, a marker per status', async () => {
    const app = await suite.open();
    await app.pick('eoq-cost-curve');
    const { panel, findBest, axis } = panelOf(app);
    await axis(0, 'items.bearing.policy.quantity', 150, 600, 7);
    await panel.getByLabel('Subject to').selectOption('bearing.avgOnHand');
    expect(await panel.getByLabel('Bound').inputValue()).toBe('<=');
    const value = panel.getByLabel('Value');
    await value.fill('200');
    await value.press('Tab');
    await findBest.click();
    await expect.poll(() => app.chartDrawn('#chart-optimum'), { timeout: RUN_TIMEOUT }).toBe(true);
    const optimum = (await pageOptimum(app))!;
    const sentences = optimizeSentences(optimum);
    // Seven cells: no search, so three sentences.
    expect(sentences.search).toBeNull();
    expect((await app.page.locator('sawtooth-app .optimum p').allTextContents()).map(squash)).toEqual([
      sentences.best,
      sentences.guarantee,
      sentences.replications,
    ]);
    // Nothing here is random: one look decides every cell.
    expect(optimum.replications).toBe(70);
    const points = (await app.markItems('#chart-optimum', 'symbol')).filter((p) => typeof p.datum.cell === 'string');
    expect(new Set(points.map((p) => p.datum.x))).toEqual(new Set([150, 225, 300, 375, 450, 525, 600]));
    expect(points.filter((p) => p.datum.cell === 'best').map((p) => p.datum.x)).toEqual([optimum.best!.values['items.bearing.policy.quantity']]);
    expect(new Set(points.map((p) => p.datum.cell))).toEqual(new Set(['best', 'eliminated', 'infeasible']));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await app.page.locator('sawtooth-app section.card:has(sweep-panel)').screenshot({ path: join(SCREENSHOTS, 'find-the-best-curve.png') });
    expect(app.errors).toEqual([]);
  });

  it('stops a search with Cancel: the card says so and the panel can run again', async () => {
    const app = await suite.open();
    const { panel, findBest, axis } = panelOf(app);
    await panel.getByLabel('Strategy').selectOption('JIT');
    await axis(0, CARDS, 2, 10, 9);
    // A δ this small keeps the close cells running for a long time.
    const delta = panel.getByLabel('Within δ (EUR)');
    await delta.fill('0.5');
    await delta.press('Tab');
    await findBest.click();
    await expect.poll(() => findBest.textContent().then(squash), { timeout: RUN_TIMEOUT }).toMatch(/^Searching… \d+ replications, \d+ of 9 cells left$/);
    await app.page.locator('sawtooth-app .run-state button.cancel').click();
    await expect.poll(() => app.page.locator('sawtooth-app .sweep-note').textContent().then(squash)).toBe('The search for the best was stopped.');
    expect(squash(await findBest.textContent())).toBe('Find the best');
    expect(await findBest.isEnabled()).toBe(true);
    expect(await app.page.locator('#chart-optimum').count()).toBe(0);
    expect(await app.page.locator('sawtooth-app .optimum').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
