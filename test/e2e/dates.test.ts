// A dated scenario (time.start) on the page: the charts over time read dates, the MRP record's
// buckets are dates, and the order log, the JSON and the HTML report carry them.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SCREENSHOTS, squash, useSuite } from './harness.js';

const suite = useSuite('dates');

/** The MRP chairs of the planning tests, dated: time 0 is Monday 6 January 2025, the horizon 196 days later (21 July). */
const DATED_PLANT = readFileSync(join(ROOT, 'test', 'fixtures', 'mrp-chair.yaml'), 'utf8').replace(
  'time: { unit: day, horizon: 196, warmup: 28 }',
  'time: { unit: day, horizon: 196, warmup: 28, start: 2025-01-06 }',
);
/** Labels of a date axis over months, as Vega writes them: `Jan 12` for a week, `June` at a month's start. */
const DATE_LABEL = /^(Jan|Feb|Mar|Apr|May|Jun|Jul)[a-z]*( \d\d)?$/;

describe('a dated scenario on the page', () => {
  it('shows dates on the time axes, in the MRP record, the order log and the exports', async () => {
    expect(DATED_PLANT).toContain('start: 2025-01-06');
    const app = await suite.open();
    await app.setText(DATED_PLANT);
    expect(await app.problems.count()).toBe(0);

    // The stock chart's x axis: month names on a date axis, not milliseconds or days.
    const stock = app.page.locator('#chart-stock');
    await expect.poll(() => app.chartDrawn('#chart-stock')).toBe(true);
    const svg = await app.chartSvg('#chart-stock');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toContain('date (2025)');
    expect(texts.filter((t) => DATE_LABEL.test(t)).length, texts.join(' | ')).toBeGreaterThanOrEqual(6);
    expect(texts.some((t) => /\d{1,3}(,\d{3}){3,}/.test(t))).toBe(false);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await stock.screenshot({ path: join(SCREENSHOTS, 'dated-stock-chart.png') });
    for (const id of ['#chart-stockouts', '#chart-forecast', '#chart-load']) {
      const text = await app.chartSvg(id);
      expect(text, id).toMatch(/>(Feb|Mar|Apr)[a-z]*( \d\d)?</);
    }

    // The MRP record: its run and every bucket as a date.
    const head = (await app.page.locator('mrp-record table thead th').allTextContents()).map(squash);
    expect(head[0]).toBe('Bucket starting');
    expect(
      head.slice(2).every((h) => /^2025-\d\d-\d\d$/.test(h)),
      head.join(' | '),
    ).toBe(true);
    expect(squash(await app.page.locator('mrp-record output').textContent())).toMatch(/^2025-\d\d-\d\d \(\d+\/\d+\)$/);

    // The order log: a date beside each time.
    const log = await app.download(() => app.button('Order log').click());
    const [header, first] = log.bytes.toString('utf8').split(/\r?\n/);
    expect(header).toBe('strategy,time,date,item,kind,quantity,due,dueDate,done,doneDate');
    expect(first.split(',')[2]).toMatch(/^2025-0[1-7]-\d\d$/);

    // The JSON carries time.start; the HTML report names the dates the run covers.
    const json = JSON.parse((await app.download(() => app.button('JSON').click())).bytes.toString('utf8')) as { time: { start?: string } };
    expect(json.time.start).toBe('2025-01-06');
    const html = (await app.download(() => app.button('HTML report').click())).bytes.toString('utf8');
    expect(html).toContain('from 2025-01-06 to 2025-07-21 (measured from 2025-02-03)');
    expect(app.errors).toEqual([]);
  });
});
