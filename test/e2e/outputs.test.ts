// What the page hands out: exported files, the presentation mode, and sweeps (heat map and curve).
import { describe, expect, it } from 'vitest';
import { useSuite, RUN_TIMEOUT, escapeHtml, squash, type AppPage } from './harness.js';

const CSV_HEADER = 'strategy,scope,name,kpi,mean,sd,ci95_low,ci95_high,n,message';

const suite = useSuite('outputs');

/** The file-name stem the page derives from a scenario name. */
function stemOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'sawtooth'
  );
}

async function strategyNames(app: AppPage): Promise<string[]> {
  return (await app.page.locator('kpi-table thead th[scope="col"]').allTextContents()).slice(1).map(squash);
}

/** Opens a chart's vega-embed action menu ("…") and downloads one of its images. */
async function saveChartAs(app: AppPage, chart: string, action: 'Save as SVG' | 'Save as PNG') {
  // The top-most menu button is the last one (see the report: a chart can carry two menus).
  const summary = app.page.locator(`${chart} details > summary`).last();
  await summary.click();
  const link = app.page.locator(`${chart} details[open] a`, { hasText: action });
  await link.waitFor();
  // vega-embed makes the file on mousedown and fills the link's href asynchronously.
  await link.dispatchEvent('mousedown');
  await expect.poll(() => link.getAttribute('href')).not.toBe('#');
  return app.download(() => link.click());
}

describe('outputs', () => {
  it('exports the results as JSON, CSV and a one-file HTML report, and a chart as SVG and PNG', async () => {
    const app = await suite.open();
    // A description with characters HTML must escape.
    const text = await app.editor.inputValue();
    await app.setText(text.replace('A stamping press turns', 'A stamping press (R&D <b>trial</b>) turns'));
    const yaml = await app.editor.inputValue();
    const name = squash(await app.heading.textContent());
    const stem = stemOf(name);
    const strategies = await strategyNames(app);
    expect(strategies.length).toBeGreaterThan(1);

    const json = await app.download(() => app.button('JSON').click());
    expect(json.name).toBe(`${stem}.json`);
    const result = JSON.parse(json.bytes.toString('utf8')) as { scenario: string; replications: number; strategies: { name: string }[] };
    expect(result.scenario).toBe(name);
    expect(result.strategies.map((s) => s.name)).toEqual(strategies);
    expect(result.replications).toBe(30);

    const csv = await app.download(() => app.button('CSV').click());
    expect(csv.name).toBe(`${stem}.csv`);
    const rows = csv.bytes.toString('utf8').trim().split(/\r?\n/);
    expect(rows[0]).toBe(CSV_HEADER);
    expect(rows.length).toBeGreaterThan(strategies.length * 4);
    for (const strategy of strategies) expect(rows.some((r) => r.startsWith(`${strategy},`))).toBe(true);
    expect(rows.slice(1).every((r) => r.split(',').length >= CSV_HEADER.split(',').length)).toBe(true);

    const report = await app.download(() => app.button('HTML report').click());
    expect(report.name).toBe(`${stem}-report.html`);
    const html = report.bytes.toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect((html.match(/<svg[\s>]/g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('<table>');
    expect(html).toContain('<th>Total cost</th>');
    // The verdict, as the JSON has it.
    const verdict = (JSON.parse(json.bytes.toString('utf8')) as { summary: { sentence: string }[] }).summary;
    expect(verdict.length).toBeGreaterThan(0);
    expect(html).toContain(`<h2>Verdict</h2>\n<ul>${verdict.map((v) => `<li>${escapeHtml(v.sentence)}</li>`).join('')}</ul>`);
    for (const strategy of strategies) expect(html).toContain(`<th>${escapeHtml(strategy)}</th>`);
    expect(html).toContain(`<pre>${escapeHtml(yaml)}</pre>`);
    expect(html).toContain('R&amp;D &lt;b&gt;trial&lt;/b&gt;');
    expect(html).not.toContain('<b>trial');
    // The report opens on its own and shows its charts and table.
    const viewer = await app.context.newPage();
    const viewerErrors: string[] = [];
    viewer.on('pageerror', (e) => viewerErrors.push(e.message));
    viewer.on('console', (m) => m.type() === 'error' && viewerErrors.push(m.text()));
    await viewer.setContent(html);
    expect(await viewer.locator('figure svg').count()).toBeGreaterThanOrEqual(5);
    expect(await viewer.locator('table tbody tr').count()).toBeGreaterThan(4);
    expect(viewerErrors).toEqual([]);
    await viewer.close();

    const svg = await saveChartAs(app, '#chart-kpis', 'Save as SVG');
    expect(svg.name).toBe(`${stem}-kpis.svg`);
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.startsWith('<svg')).toBe(true);
    expect(svgText).toContain('total cost');
    const png = await saveChartAs(app, '#chart-stock', 'Save as PNG');
    expect(png.name).toBe(`${stem}-stock.png`);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(5_000);
    expect(app.errors).toEqual([]);
  });

  it('presents one chart at a time, large; arrow keys move between charts and Escape closes', async () => {
    const app = await suite.open();
    const dialog = app.page.getByRole('dialog', { name: 'Presentation' });
    const bar = app.page.locator('sawtooth-app .present-bar');
    const presented = 'presentation-view chart-view';
    const surface = (selector: string) =>
      app.page.locator(`${selector}`).evaluate((v) => {
        const r = v.shadowRoot!.querySelector('.chart-wrapper .marks')!.getBoundingClientRect();
        return { width: r.width, height: r.height };
      });

    await app.button('Present').click();
    await dialog.waitFor();
    await expect.poll(() => bar.textContent().then(squash)).toContain('Key figures (1/6)');
    await expect.poll(() => app.chartDrawn(presented)).toBe(true);

    await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => bar.textContent().then(squash)).toMatch(/Stock of \w+ \(2\/6\)/);
    await expect.poll(() => app.chartDrawn(presented)).toBe(true);
    // The sawtooth fills the screen: wider than on the page.
    const big = await surface(presented);
    const small = await surface('#chart-stock');
    expect(big.width).toBeGreaterThan(small.width);
    expect(big.width).toBeGreaterThan(1000);
    await app.screenshot('presentation');

    await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => bar.textContent().then(squash)).toContain('Cost breakdown (3/6)');
    await app.page.keyboard.press('ArrowLeft');
    await expect.poll(() => bar.textContent().then(squash)).toMatch(/Stock of \w+ \(2\/6\)/);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  // Like the ← and → buttons, the arrow keys go round: past the last chart comes the first again.
  it('goes round the charts with the arrow keys, one chart per press', async () => {
    const app = await suite.open();
    const bar = app.page.locator('sawtooth-app .present-bar');
    await app.button('Present').click();
    for (let i = 0; i < 5; i++) await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => bar.textContent().then(squash)).toContain('(6/6)');
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => bar.textContent().then(squash), { timeout: 1_000 }).toContain('(1/6)');
    await app.page.keyboard.press('ArrowLeft');
    await expect.poll(() => bar.textContent().then(squash), { timeout: 1_000 }).toContain('(6/6)');
    await app.page.keyboard.press('ArrowLeft');
    await expect.poll(() => bar.textContent().then(squash), { timeout: 1_000 }).toContain('(5/6)');
  });

  it('sweeps two parameters into a heat map, and an EOQ quantity into a cost curve with the formula drawn over it', async () => {
    const app = await suite.open();
    const sweep = sweepPanel(app);

    // Two parameters of the EOQ strategy's widget policy, 3 × 4 cells.
    const cells = await heatmap(app);
    expect(new Set(cells.map((c) => `${c.datum.x}|${c.datum.y}`)).size).toBe(12);
    expect(new Set(cells.map((c) => c.datum.mean)).size).toBeGreaterThan(1);
    const heatmapSvg = await app.chartSvg('#chart-sweep');
    expect(heatmapSvg).toContain("Title text 'totalCost by widget.policy.quantity × widget.policy.reorderPoint'");
    expect(heatmapSvg).toContain('EOQ; best cell outlined');
    await app.page.locator('#chart-sweep').scrollIntoViewIfNeeded();
    await app.screenshot('sweep-heatmap');
    expect(app.errors).toEqual([]);

    // One parameter: an EOQ quantity. The page picks a `…policy.quantity` parameter by default.
    const options = await app.picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    if (options.includes('eoq-cost-curve')) await app.pick('eoq-cost-curve');
    else await sweep.panel.getByRole('button', { name: '− second parameter' }).click();
    await expect.poll(() => sweep.panel.getByLabel('Parameter 2').count()).toBe(0);
    const parameter = await sweep.panel.getByLabel('Parameter 1').inputValue();
    expect(parameter).toMatch(/(^|\.)items\.[^.]+\.policy\.quantity$/);
    if (!options.includes('eoq-cost-curve')) await sweep.panel.getByLabel('Strategy').selectOption('EOQ');
    await sweep.setSteps(0, 6);
    await sweep.run();
    const points = (await app.markItems('#chart-sweep', 'symbol')).filter((m) => typeof m.datum.mean === 'number');
    expect(new Set(points.map((p) => p.datum.x)).size).toBe(6);
    // The best cell is marked (its point on the line and the diamond share one quantity).
    expect(new Set(points.filter((p) => p.datum.best === true).map((p) => p.datum.x)).size).toBe(1);
    const curve = await app.chartSvg('#chart-sweep');
    expect(curve).toContain(`totalCost by ${parameter.split('.').slice(-3).join('.')}`);
    expect(curve).toContain('dashed: the formula');
    expect(curve).toContain('stroke-dasharray');
    await app.page.locator('#chart-sweep').scrollIntoViewIfNeeded();
    await app.screenshot('sweep-curve');
    expect(app.errors).toEqual([]);
  });

  // Once a bug: long titles counted against the card's width and left the heat map slivers.
  it('draws the heat map cells large enough to see in a 1280×800 window', async () => {
    const app = await suite.open();
    const cells = await heatmap(app);
    expect(cells.length).toBeGreaterThanOrEqual(12);
    expect(Math.min(...cells.map((c) => c.width))).toBeGreaterThanOrEqual(10);
    expect(Math.min(...cells.map((c) => c.height))).toBeGreaterThanOrEqual(10);
  });
});

/** The sweep form: set steps of an axis, run and wait for the chart. */
function sweepPanel(app: AppPage) {
  const panel = app.page.locator('sweep-panel');
  const runButton = panel.getByRole('button', { name: 'Run sweep' });
  return {
    panel,
    async setSteps(axis: number, steps: number): Promise<void> {
      const input = panel.getByLabel('steps').nth(axis);
      await input.fill(String(steps));
      await input.press('Tab'); // commits the value (change event), as a person tabbing on would
    },
    async run(): Promise<void> {
      // When the chart was last drawn (null before the first sweep); read without waiting for it.
      const drawnAt = () => app.page.locator('#chart-sweep').evaluateAll((views) => views[0]?.getAttribute('data-rendered') ?? null);
      const before = await drawnAt();
      await runButton.click();
      await expect.poll(async () => (await drawnAt()) !== before && (await app.chartDrawn('#chart-sweep')), { timeout: RUN_TIMEOUT }).toBe(true);
      await expect.poll(() => runButton.isEnabled()).toBe(true);
    },
  };
}

/** Sweeps the EOQ strategy's widget quantity (3 steps) × reorder point (4 steps); the heat map's cells. */
async function heatmap(app: AppPage) {
  const sweep = sweepPanel(app);
  await sweep.panel.getByLabel('Strategy').selectOption('EOQ');
  await sweep.panel.getByLabel('Parameter 1').selectOption('items.widget.policy.quantity');
  await sweep.setSteps(0, 3);
  await sweep.panel.getByRole('button', { name: '+ second parameter' }).click();
  await sweep.panel.getByLabel('Parameter 2').selectOption('items.widget.policy.reorderPoint');
  await sweep.setSteps(1, 4);
  await sweep.run();
  return (await app.markItems('#chart-sweep', 'rect')).filter((m) => typeof m.datum.mean === 'number');
}
