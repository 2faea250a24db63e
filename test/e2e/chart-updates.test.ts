// A slider move redraws the charts by giving their Vega views new data: a chart whose spec keeps its
// shape keeps its view (compiling and parsing a new one cost more than the data), and shows the new
// run's numbers; a chart whose spec changes shape is drawn afresh; a chart below the fold waits
// (stale, dimmed) until it is scrolled to. Behaviour only: speed is
// measured by `npm run bench:page`, never asserted here.
import { describe, expect, it } from 'vitest';
import { useSuite, type AppPage } from './harness.js';

const suite = useSuite('chart-updates');
const QUANTITY = 'items.widget.policy.quantity'; // the EOQ strategy's lot of widgets

/** Marks each chart's current Vega view in the page, by chart id; `sameViews` tells which still have it. */
function markViews(app: AppPage): Promise<string[]> {
  return app.page.evaluate(() => {
    const views = [...document.querySelector('sawtooth-app')!.shadowRoot!.querySelectorAll('main chart-view')] as (HTMLElement & { view: object | null })[];
    (window as unknown as { __views: Map<string, object | null> }).__views = new Map(views.map((v) => [v.id, v.view]));
    return views.map((v) => v.id);
  });
}

function sameViews(app: AppPage): Promise<Record<string, boolean>> {
  return app.page.evaluate(() => {
    const marked = (window as unknown as { __views: Map<string, object | null> }).__views;
    const views = [...document.querySelector('sawtooth-app')!.shadowRoot!.querySelectorAll('main chart-view')] as (HTMLElement & { view: object | null })[];
    return Object.fromEntries(views.map((v) => [v.id, v.view !== null && marked.get(v.id) === v.view]));
  });
}

/** The results shown, as the page holds them: each strategy's KPI means and the first replication's on-hand series of `item`. */
function shownResult(app: AppPage, item: string): Promise<{ name: string; means: number[]; onHand: number[] }[]> {
  return app.page.evaluate((item) => {
    type Result = {
      strategies: { name: string; kpis: Record<string, { mean: number }>; series: { items: Record<string, { onHand: { v: number[] } }> } | null }[];
    };
    const app = document.querySelector('sawtooth-app') as unknown as { sim: { result: Result } };
    return app.sim.result.strategies.map((s) => ({
      name: s.name,
      means: Object.values(s.kpis).map((k) => k.mean),
      onHand: s.series?.items[item]?.onHand.v ?? [],
    }));
  }, item);
}

/** Chart `id` as SVG with its canvas's size, and the same of the spec drawn by a fresh chart-view beside it (clip-path numbers aside). */
function freshTwin(app: AppPage, id: string): Promise<[string, string]> {
  return app.page.evaluate(async (id) => {
    type View = HTMLElement & {
      spec: unknown;
      view: { toSVG(): Promise<string>; resize(): { runAsync(): Promise<unknown> } };
      rendered: Promise<void>;
      drawPending(): Promise<void>;
      updateComplete: Promise<boolean>;
    };
    const shown = document.querySelector('sawtooth-app')!.shadowRoot!.getElementById(id) as View;
    await shown.drawPending();
    const fresh = document.createElement('chart-view') as View;
    fresh.spec = shown.spec;
    shown.after(fresh);
    await fresh.updateComplete;
    await fresh.rendered;
    // The canvas's size, then after laying the view out again (a view sized for other data would change).
    const drawn = async (v: View) => {
      const canvas = v.shadowRoot!.querySelector('canvas')!;
      const before = `${canvas.width}×${canvas.height}`;
      await v.view.resize().runAsync();
      return `canvas ${before} → ${canvas.width}×${canvas.height}\n${(await v.view.toSVG()).replace(/clip\d+/g, 'clip')}`;
    };
    const svgs = [await drawn(shown), await drawn(fresh)];
    fresh.remove();
    return svgs as [string, string];
  }, id);
}

describe('charts after a slider move', () => {
  it('keep their Vega views and show the new run: the bars its means, the sawtooth its series', async () => {
    const app = await suite.open();
    const ids = await markViews(app);
    expect(ids).toEqual(['chart-kpis', 'chart-stock', 'chart-costs', 'chart-stockouts', 'chart-throughput', 'chart-timeline']);
    // Drawn at the size their data need from the first run on.
    for (const id of ids) expect((await freshTwin(app, id))[0], id).toMatch(/^canvas (\S+) → \1\n/);
    const barsBefore = (await app.markItems('#chart-kpis', 'rect')).map((m) => m.datum.mean);
    const rendered = await app.page.locator('#chart-timeline').getAttribute('data-rendered');

    await app.moveSlider(QUANTITY, 400);
    expect(await app.sliderLabel(QUANTITY)).toBe('400');
    expect(await sameViews(app)).toEqual(Object.fromEntries(ids.map((id) => [id, true])));
    // The machine's timeline is far below the fold: kept stale (dimmed) until it is seen, then drawn with the new run.
    const timeline = app.page.locator('#chart-timeline');
    expect(await timeline.getAttribute('data-stale')).not.toBeNull();
    expect(await timeline.getAttribute('data-rendered')).toBe(rendered);
    await timeline.scrollIntoViewIfNeeded();
    await expect.poll(() => timeline.getAttribute('data-rendered')).not.toBe(rendered);
    expect(await timeline.getAttribute('data-stale')).toBeNull();
    expect(await sameViews(app)).toEqual(Object.fromEntries(ids.map((id) => [id, true])));

    const result = await shownResult(app, 'widget');
    // Every bar is one of the new run's means, and EOQ's bars moved with its lot.
    const bars = await app.markItems('#chart-kpis', 'rect');
    const means = new Set(result.flatMap((s) => s.means));
    expect(bars.length).toBe(barsBefore.length);
    expect(bars.filter((b) => !means.has(b.datum.mean as number))).toEqual([]);
    expect(bars.map((b) => b.datum.mean)).not.toEqual(barsBefore);
    // Each strategy's sawtooth is the new run's first replication, point for point.
    const lines = await app.markItems('#chart-stock', 'line');
    for (const { name, onHand } of result) {
      expect(onHand.length, name).toBeGreaterThan(10);
      expect(
        lines.filter((l) => l.datum.strategy === name).map((l) => l.datum.onHand),
        name,
      ).toEqual(onHand);
    }
    // What a view given new data draws is what a fresh view of the same spec draws (the exports read it).
    for (const id of ids) {
      const [updated, fresh] = await freshTwin(app, id);
      expect(updated, id).toMatch(/^canvas (\S+) → \1\n/);
      expect(updated, id).toBe(fresh);
    }
    expect(app.errors).toEqual([]);
  });

  it('below the fold are all drawn before the page prints', async () => {
    const app = await suite.open();
    await app.moveSlider(QUANTITY, 420);
    const stale = () => app.page.locator('sawtooth-app main chart-view[data-stale]').evaluateAll((views) => views.map((v) => v.id));
    expect(await stale()).toContain('chart-timeline');
    await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(stale).toEqual([]);
    // What prints is the run shown: the sawtooth's lines are the new run's first replication.
    const lines = await app.markItems('#chart-stock', 'line');
    for (const { name, onHand } of await shownResult(app, 'widget')) {
      expect(
        lines.filter((l) => l.datum.strategy === name).map((l) => l.datum.onHand),
        name,
      ).toEqual(onHand);
    }
    expect(app.errors).toEqual([]);
  });

  it('draw again when taken out of the page and put back (a list of charts reordered)', async () => {
    const app = await suite.open();
    const reattached = () =>
      app.page.evaluate(() => {
        const chart = document.querySelector('sawtooth-app')!.shadowRoot!.getElementById('chart-kpis')! as HTMLElement & { view: object | null };
        const [parent, next] = [chart.parentNode!, chart.nextSibling];
        chart.remove();
        const dropped = chart.view === null;
        parent.insertBefore(chart, next);
        return dropped;
      });
    expect(await reattached()).toBe(true);
    await expect.poll(() => app.chartDrawn('#chart-kpis')).toBe(true);
    await expect.poll(() => app.page.locator('#chart-kpis').evaluate((v) => (v as HTMLElement & { view: object | null }).view !== null)).toBe(true);
    expect((await app.markItems('#chart-kpis', 'rect')).length).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
  });

  it('draw a chart afresh when its spec changes shape, and keep the others', async () => {
    const app = await suite.open();
    await markViews(app);
    // One replication (typed in the file: the slider stops at 2): the KPI bars lose their whiskers
    // and say so in their title; the other charts only get new data.
    const text = await app.editor.inputValue();
    expect(text).toContain('run: { replications: 30, seed: 7 }');
    await app.setText(text.replace('run: { replications: 30, seed: 7 }', 'run: { replications: 1, seed: 7 }'));
    const same = await sameViews(app);
    expect(same['chart-kpis']).toBe(false);
    expect(same['chart-stock']).toBe(true);
    expect(await app.chartSvg('#chart-kpis')).toContain('1 replication, no intervals');
    expect((await app.charts()).filter((c) => !c.drawn)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
