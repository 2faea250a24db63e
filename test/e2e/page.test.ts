// The page as a visitor first meets it: the headline scenario, every bundled scenario, sliders
// that re-run the simulation (timed and reported, never asserted), and labelled form controls.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useSuite, ROOT, median, scenarioText, squash, writeResult, type AppPage } from './harness.js';

const HEADLINE = 'jit-eoq-batch';

const suite = useSuite('page');

function meta(id: string): { name: string; description: string; strategies: string[] } {
  const doc = parse(scenarioText(id)) as { name: string; description?: string; strategies: Record<string, unknown> };
  return { name: doc.name, description: doc.description ?? '', strategies: Object.keys(doc.strategies) };
}

/**
 * The charts a scenario draws: the five of every scenario, then the forecast (with forecasts), the
 * planned load (with an MRP item made on a machine, in the file or in a strategy), and the orders
 * and bullwhip by stage (with transfers between stock points).
 */
function expectedCharts(id: string): string[] {
  type Items = Record<string, { make?: unknown; transfer?: unknown; policy?: { type?: string } } | null>;
  const doc = parse(scenarioText(id)) as {
    forecasts?: Record<string, unknown>;
    machines?: Record<string, unknown>;
    items: Items;
    strategies?: Record<string, { items?: Items } | null>;
  };
  const made = Object.keys(doc.items).filter((item) => doc.items[item]?.make !== undefined);
  const patches = [doc.items, ...Object.values(doc.strategies ?? {}).map((s) => s?.items ?? {})];
  const planned = made.some((item) => patches.some((items) => items[item]?.policy?.type === 'mrp'));
  const forecast = Object.keys(doc.forecasts ?? {}).length > 0;
  return [
    'chart-kpis',
    'chart-stock',
    'chart-costs',
    'chart-stockouts',
    'chart-throughput',
    ...(forecast ? ['chart-forecast'] : []),
    ...(planned ? ['chart-load'] : []),
    ...(Object.values(doc.items).some((item) => item?.transfer !== undefined) ? ['chart-orders', 'chart-bullwhip'] : []),
    ...(Object.keys(doc.machines ?? {}).length > 0 ? ['chart-timeline'] : []),
  ];
}

async function expectEveryChartDrawn(app: AppPage, label: string, id = HEADLINE): Promise<void> {
  const charts = await app.charts();
  expect(
    charts.map((c) => c.id),
    label,
  ).toEqual(expectedCharts(id));
  expect(
    charts.filter((c) => !c.drawn).map((c) => c.id),
    `${label}: charts without an SVG`,
  ).toEqual([]);
}

describe('the page', () => {
  it('loads the headline scenario without errors, shows its name and description and draws every chart', async () => {
    const app = await suite.open();
    const { name, description, strategies } = meta(HEADLINE);

    await expect.poll(() => app.picker.inputValue()).toBe(HEADLINE);
    expect(squash(await app.heading.textContent())).toBe(squash(name));
    expect(squash(await app.description.textContent())).toBe(squash(description));
    expect(squash(await app.status.textContent())).toMatch(/^30 replications in \d+ ms$/);
    await expectEveryChartDrawn(app, HEADLINE);
    // The KPI table has a column per strategy, and the theory panel shows the EOQ formula.
    const headers = await app.page.locator('kpi-table thead th[scope="col"]').allTextContents();
    expect(headers.slice(1).map(squash)).toEqual(strategies);
    expect(await app.page.locator('theory-panel code').first().textContent()).toContain('EOQ');
    await expect.poll(() => app.staleNote.count()).toBe(0);

    await app.screenshot('main');
    await app.screenshot('main-full-page', true);
    expect(app.errors).toEqual([]);
  });

  it('offers every bundled scenario and draws each one without errors when it is picked', async () => {
    const app = await suite.open();
    const options = await app.picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const files = readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    expect([...options].sort()).toEqual([...files].sort());
    expect(options[0]).toBe(HEADLINE);

    // Start from the second one so every pick is a change (the first is back at the end).
    for (const id of [...options.slice(1), options[0]]) {
      await app.pick(id);
      const label = `scenario ${id}`;
      expect(squash(await app.heading.textContent()), label).toBe(squash(meta(id).name));
      expect(squash(await app.status.textContent()), label).toMatch(/replications in \d+ ms$/);
      expect(await app.problems.count(), label).toBe(0);
      await expectEveryChartDrawn(app, label, id);
      expect(app.errors, label).toEqual([]);
    }
    // Every bundled scenario in turn (17 and counting), each run at its own 30 replications: minutes on a loaded 2-core machine.
  }, 300_000);

  it('re-runs and redraws when a slider moves, and reports how long the charts take to follow', async () => {
    const app = await suite.open();
    const path = 'items.widget.policy.quantity'; // the EOQ strategy's lot of widgets
    const slider = app.slider(path);
    const start = Number(await slider.inputValue());
    const table = app.page.locator('kpi-table table');
    const before = squash(await table.textContent());
    const kpisBefore = await app.page.locator('#chart-kpis').getAttribute('data-rendered');

    const moved = await app.moveSlider(path, 400);
    expect(moved.busy).toBe(false);
    expect(Number(await slider.inputValue())).toBe(400);
    const output = app.page.locator(`strategy-sliders output[for="${await slider.getAttribute('id')}"]`);
    expect(squash(await output.textContent())).toBe('400');
    const after = squash(await table.textContent());
    expect(after).not.toBe(before);
    // The chart in view is drawn again; the sawtooth below the fold waits, dimmed, until it is seen (chart-view).
    expect(await app.page.locator('#chart-kpis').getAttribute('data-rendered')).not.toBe(kpisBefore);
    expect(await app.page.locator('#chart-stock').getAttribute('data-stale')).not.toBeNull();

    // Timing: from the input event to charts-settled, measured inside the page. Reported, not asserted.
    const replications = Number(await app.slider('replications').inputValue());
    const values = [300, 244, 360, 280, 420, 320, 260, 380];
    const samples: { value: number; inputToSettledMs: number; appSettledMs: number; runMs: number }[] = [];
    for (const value of values) {
      const sample = await slider.evaluate(
        (input: HTMLInputElement, { value, timeout }) =>
          new Promise<{ inputToSettledMs: number; appSettledMs: number; runMs: number }>((resolve, reject) => {
            const main = document.querySelector('sawtooth-app')!.shadowRoot!.querySelector('main')!;
            const timer = setTimeout(() => reject(new Error(`no charts-settled within ${timeout} ms`)), timeout);
            let t0 = 0;
            const onSettled = (event: Event) => {
              if (main.getAttribute('aria-busy') === 'true') return; // a replaced run; wait for the newest
              const t1 = performance.now();
              clearTimeout(timer);
              window.removeEventListener('charts-settled', onSettled);
              const detail = (event as CustomEvent<{ settledMs: number; runMs: number }>).detail;
              resolve({ inputToSettledMs: t1 - t0, appSettledMs: detail.settledMs, runMs: detail.runMs });
            };
            window.addEventListener('charts-settled', onSettled);
            input.value = String(value);
            t0 = performance.now();
            input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          }),
        { value, timeout: 30_000 },
      );
      samples.push({ value, ...sample });
    }
    expect(Number(await slider.inputValue())).toBe(values[values.length - 1]);
    const [warmup, ...timed] = samples;
    const stats = (xs: number[]) => ({ median: Math.round(median(xs)), min: Math.round(Math.min(...xs)), max: Math.round(Math.max(...xs)) });
    const report = {
      what: 'slider input event -> charts-settled (all charts redrawn), measured in the page with performance.now()',
      scenario: HEADLINE,
      slider: path,
      startValue: start,
      replications,
      samples: timed.length,
      warmupMs: Math.round(warmup.inputToSettledMs),
      inputToSettledMs: stats(timed.map((s) => s.inputToSettledMs)),
      appSettledMs: stats(timed.map((s) => s.appSettledMs)),
      workerRunMs: stats(timed.map((s) => s.runMs)),
      hardwareConcurrency: await app.page.evaluate(() => navigator.hardwareConcurrency),
      measuredAt: new Date().toISOString(),
      raw: samples.map((s) => ({
        ...s,
        inputToSettledMs: Math.round(s.inputToSettledMs),
        appSettledMs: Math.round(s.appSettledMs),
        runMs: Math.round(s.runMs),
      })),
    };
    const file = writeResult('perf.json', `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      `[perf] ${HEADLINE}, ${replications} replications, slider -> charts-settled over ${timed.length} moves: ` +
        `median ${report.inputToSettledMs.median} ms, min ${report.inputToSettledMs.min} ms, max ${report.inputToSettledMs.max} ms ` +
        `(worker run median ${report.workerRunMs.median} ms; first move ${report.warmupMs} ms) -> ${file}`,
    );
    expect(app.errors).toEqual([]);
  });

  // Once a bug: each run rebuilt the ranges from the value just chosen, so the range jumped under the thumb.
  it("keeps a slider's range while it is moved, with the thumb on the value shown", async () => {
    const app = await suite.open();
    const path = 'items.widget.policy.quantity';
    const slider = app.slider(path);
    const range = async () => ({ min: await slider.getAttribute('min'), max: await slider.getAttribute('max') });
    const before = await range();
    await app.moveSlider(path, 700);
    expect(await app.sliderLabel(path)).toBe('700');
    expect(await range()).toEqual(before);
    expect(await slider.inputValue()).toBe('700');
  });

  it('gives every input, select, text area and button an accessible name', async () => {
    const app = await suite.open();
    // Bring out the controls that only appear later: the share box and the second sweep parameter.
    await app.button('Share link').click();
    await app.page.locator('sawtooth-app .share input').waitFor();
    await app.page.getByRole('button', { name: '+ second parameter' }).click();
    await app.page.getByRole('button', { name: '− second parameter' }).waitFor();

    // 1. In the DOM (inside every shadow root): a <label>, aria-labelledby or aria-label with text.
    const controls = await app.page.locator('input, select, textarea').evaluateAll((elements) =>
      elements.map((element) => {
        const el = element as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
        const root = el.getRootNode() as Document | ShadowRoot;
        const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => root.getElementById(id)?.textContent ?? '');
        const labels = [...(el.labels ?? [])].map((label) => label.textContent ?? '');
        const name = [...labelledBy, el.getAttribute('aria-label') ?? '', ...labels].join(' ').replace(/\s+/g, ' ').trim();
        const host = root instanceof ShadowRoot ? root.host.tagName.toLowerCase() : 'document';
        return { what: `${host} > ${el.tagName.toLowerCase()}[type=${el.type}]${el.id ? `#${el.id}` : ''}`, name };
      }),
    );
    // The picker, the share box, the sliders, the item picker, the editor, two sweep axes and their options.
    expect(controls.length).toBeGreaterThan(20);
    expect(controls.filter((c) => c.name === '').map((c) => c.what)).toEqual([]);

    // 2. As Chromium's accessibility tree names them (what a screen reader announces), buttons included.
    const cdp = await app.context.newCDPSession(app.page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const widgets = new Set(['button', 'textbox', 'combobox', 'spinbutton', 'slider', 'checkbox', 'radio', 'searchbox', 'listbox', 'switch']);
    const named = nodes
      .filter((n) => !n.ignored && widgets.has(String(n.role?.value)))
      .map((n) => ({ role: String(n.role?.value), name: String(n.name?.value ?? '').trim() }));
    // A file input is a button to a screen reader ("Choose CSV files").
    expect(named.filter((n) => n.role !== 'button').length).toBe(controls.filter((c) => !c.what.endsWith('[type=file]')).length);
    expect(named.filter((n) => n.name === '')).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
