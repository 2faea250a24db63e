// Planning on the page: a plant planned by MRP from a forecast shows the forecast against demand,
// the MRP record of any item at any planning run, the planned load against capacity and the
// order log; a DDMRP buffer's zones sit in the theory panel beside the simulated stock.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, orderLog, orderLogCsv } from '../../sim/index.js';
import { ROOT, squash, useSuite, type AppPage } from './harness.js';

const suite = useSuite('planning');

/** Chairs assembled from bought frames, both planned by MRP from an exponentially smoothed forecast (7-day buckets), against a reorder point. */
const MRP_PLANT = readFileSync(join(ROOT, 'test', 'fixtures', 'mrp-chair.yaml'), 'utf8');
const BUNDLED_MRP = 'mrp-push-vs-pull';

const ROWS = ['Gross requirements', 'Scheduled receipts', 'Projected on hand', 'Net requirements', 'Planned order receipts', 'Planned order releases'];

async function openMrpPlant(): Promise<AppPage> {
  const app = await suite.open();
  await app.setText(MRP_PLANT);
  expect(await app.problems.count()).toBe(0);
  return app;
}

/** The MRP record's table as text: the header cells, and per row its label and cells. */
async function recordTable(app: AppPage): Promise<{ head: string[]; rows: string[][] }> {
  const table = app.page.locator('mrp-record table');
  const head = (await table.locator('thead th').allTextContents()).map(squash);
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
  return { head, rows };
}

describe('planning on the page', () => {
  it('draws the forecast against demand and the planned load against capacity for an MRP plant typed into the editor', async () => {
    const app = await openMrpPlant();
    const charts = await app.charts();
    expect(charts.map((c) => c.id)).toEqual([
      'chart-kpis',
      'chart-stock',
      'chart-costs',
      'chart-stockouts',
      'chart-throughput',
      'chart-forecast',
      'chart-load',
      'chart-timeline',
    ]);
    expect(charts.filter((c) => !c.drawn).map((c) => c.id)).toEqual([]);

    // The forecast: a panel per strategy (both forecast chair), its lines over the buckets.
    const forecast = await app.chartSvg('#chart-forecast');
    expect(forecast).toContain('Forecast of chair against demand');
    expect(forecast).toContain('7-day buckets');
    const lines = await app.markItems('#chart-forecast', 'line');
    expect(new Set(lines.map((l) => l.datum.series))).toEqual(new Set(['demand', 'forecast']));
    expect(new Set(lines.map((l) => l.datum.strategy))).toEqual(new Set(['MRP (push)', 'Reorder point (pull)']));

    // The planned load: only the MRP strategy plans; one bar per planning run, a capacity rule of 7 days per 7-day bucket.
    const load = await app.chartSvg('#chart-load');
    expect(load).toContain('Planned load of assembly');
    const bars = (await app.markItems('#chart-load', 'rect')).filter((m) => typeof m.datum.load === 'number');
    expect(new Set(bars.map((b) => b.datum.strategy))).toEqual(new Set(['MRP (push)']));
    expect(bars.length).toBeGreaterThan(20);
    expect(new Set(bars.map((b) => b.datum.capacity))).toEqual(new Set([7]));

    await app.page.locator('#chart-forecast').scrollIntoViewIfNeeded();
    await app.screenshot('planning-forecast-load');
    expect(app.errors).toEqual([]);
  });

  it('shows the MRP record with its six rows at the first run after the warm-up, and moves run by run with the arrow keys', async () => {
    const app = await openMrpPlant();
    const record = app.page.locator('mrp-record');
    const { head, rows } = await recordTable(app);
    // 6 buckets of the planning horizon from the run at day 28 (the warm-up's end), after the row heading and past due.
    expect(head).toEqual(['Bucket starting (day)', 'Past due', '28', '35', '42', '49', '56', '63']);
    expect(rows.map((r) => r[0])).toEqual(ROWS);
    expect(rows.every((r) => r.length === 8)).toBe(true);
    // Only the planned releases have a past-due cell.
    expect(rows.slice(0, 5).every((r) => r[1] === '')).toBe(true);
    expect(rows[5][1]).toMatch(/^[\d.,]+$/);
    expect(squash(await record.locator('caption').textContent())).toBe(
      'MRP record of chair at the planning run of day 28 (MRP (push), first replication), in units per 7-day bucket',
    );

    const slider = record.getByRole('slider', { name: 'Planning run' });
    expect(await slider.getAttribute('aria-valuetext')).toBe('day 28, run 5 of 29');
    await slider.focus();
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await recordTable(app)).head.slice(2, 4)).toEqual(['42', '49']);
    expect(squash(await record.locator('output').textContent())).toBe('day 42 (7/29)');
    await app.page.keyboard.press('Home');
    await expect.poll(async () => (await recordTable(app)).head[2]).toBe('0');

    // Another item, then a strategy that plans nothing with MRP: it says so instead of an empty table.
    await record.getByRole('combobox', { name: 'Item' }).selectOption('frame');
    await expect.poll(() => record.locator('caption').textContent().then(squash)).toContain('MRP record of frame');
    expect((await recordTable(app)).rows.map((r) => r[0])).toEqual(ROWS);
    await app.page.locator('mrp-record').scrollIntoViewIfNeeded();
    await app.screenshot('planning-mrp-record');
    await record.getByRole('combobox', { name: 'Strategy' }).selectOption('Reorder point (pull)');
    await expect.poll(() => record.evaluate((el) => el.shadowRoot!.textContent ?? '').then(squash)).toContain('No MRP items in this strategy');
    expect(await record.locator('table').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('keeps the chosen run when a slider moves and the plant runs again', async () => {
    const app = await openMrpPlant();
    const slider = app.page.locator('mrp-record').getByRole('slider', { name: 'Planning run' });
    await slider.focus();
    await app.page.keyboard.press('End');
    const last = (await recordTable(app)).head[2];
    await app.moveSlider('items.chair.policy.safetyStock', 20);
    expect((await recordTable(app)).head[2]).toBe(last);
    expect(app.errors).toEqual([]);
  });

  it("downloads the order log of each strategy's first replication as CSV", async () => {
    const app = await openMrpPlant();
    const log = await app.download(() => app.button('Order log').click());
    expect(log.name).toBe('mrp-chairs-orders.csv');
    const lines = log.bytes.toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('strategy,time,item,kind,quantity,due,done');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['MRP (push)', 'Reorder point (pull)']));
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['production', 'purchase', 'customer']));
    // The customers' orders are the same in both strategies (common random numbers): the same log lines.
    const customers = (strategy: string) => rows.filter((r) => r[0] === strategy && r[3] === 'customer').map((r) => r.slice(1, 5).join(','));
    expect(customers('MRP (push)').length).toBeGreaterThan(1000);
    expect(customers('MRP (push)')).toEqual(customers('Reorder point (pull)'));
    // The same file `sawtooth run --log` writes: the same code and seed, in the browser's worker as in Node.
    const scenario = loadScenario(MRP_PLANT, { file: 'scenario.yaml' });
    const cli = orderLogCsv(
      scenario.strategies.map((strategy) => ({ strategy, ...orderLog(scenario, strategy, scenario.run.seed) })),
      scenario.time,
    );
    expect(log.bytes.toString('utf8')).toBe(cli);
    await expect.poll(() => app.button('Order log').isEnabled()).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('puts a DDMRP buffer’s zones beside the simulated average on hand in the theory panel', async () => {
    const app = await suite.open();
    await app.pick('demand-shock');
    const theory = squash(await app.page.locator('theory-panel').evaluate((el) => el.shadowRoot!.textContent));
    expect(theory).toContain('DDMRP buffer (pull) · valve');
    expect(theory).toMatch(/Levels: top of red [\d,.]+ · top of yellow [\d,.]+ · top of green [\d,.]+\./);
    expect(theory).toMatch(/Formula: average on hand aimed at \(top of red \+ green\/2\) [\d,.]+\./);
    expect(theory).toMatch(/Simulation: average on hand [\d,.]+ ± [\d,.]+/);
    // No forecast and no MRP here: no planning charts, no MRP record.
    expect((await app.charts()).map((c) => c.id)).not.toContain('chart-forecast');
    expect(await app.page.locator('mrp-record').count()).toBe(0);
    await app.page.locator('theory-panel').scrollIntoViewIfNeeded();
    await app.screenshot('planning-theory-ddmrp');
    expect(app.errors).toEqual([]);
  });

  it.skipIf(!existsSync(join(ROOT, 'scenarios', `${BUNDLED_MRP}.yaml`)))('shows the planning views of the bundled MRP scenario', async () => {
    const app = await suite.open();
    await app.pick(BUNDLED_MRP);
    const ids = (await app.charts()).map((c) => c.id);
    expect(ids).toContain('chart-forecast');
    expect(ids).toContain('chart-load');
    expect((await recordTable(app)).rows.map((r) => r[0])).toEqual(ROWS);
    expect(app.errors).toEqual([]);
  });
});
