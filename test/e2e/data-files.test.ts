// The user's own CSV files on the page: chosen with the file input or dropped on the page, replayed
// by a scenario that names them, kept across a reload, carried by a share link when small, refused
// or not kept with a message when too large; and the fit panel's input analysis of a file.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_SIZE, sampleOrdersCsv } from '../fixtures/fit-sample.js';
import { RUN_TIMEOUT, SCREENSHOTS, scenarioText, squash, useSuite, type AppPage } from './harness.js';

const suite = useSuite('data-files');

/** The headline scenario with its customers' orders replayed from `trace` (as YAML: a file name, or a mapping). */
function withTrace(trace: string): string {
  return scenarioText('jit-eoq-batch').replace(/interarrival: .*\n\s*quantity: .*$/m, `trace: ${trace}`);
}

/** An order history of `days` days: about ten orders a day of 1 to 5 widgets, `time,quantity`, times in days. */
function ordersCsv(days = 365, header = 'time,quantity'): string {
  const rows: string[] = [header];
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let t = next() / 5; t < days; t += next() / 5) rows.push(`${t.toFixed(4)},${1 + Math.floor(next() * 5)}`);
  return `${rows.join('\n')}\n`;
}

/** Gives the page a file as a drop would: a DataTransfer holding it, dropped on the editor. */
async function drop(app: AppPage, name: string, text: string): Promise<void> {
  await app.page.evaluate(
    ([name, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      const target = document.querySelector('sawtooth-app')!.shadowRoot!.querySelector('scenario-editor')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, composed: true, cancelable: true }));
    },
    [name, text] as const,
  );
}

/** Drops a file of `bytes` bytes made in the page (a large file never crosses the test's wire). */
async function dropLarge(app: AppPage, name: string, bytes: number): Promise<void> {
  await app.page.evaluate(
    ([name, bytes]) => {
      const line = '12.5000,3\n';
      const text = `time,quantity\n${line.repeat(Math.ceil(bytes / line.length))}`.slice(0, bytes);
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, bytes] as const,
  );
}

async function choose(app: AppPage, name: string, text: string): Promise<void> {
  await app.page.locator('data-files input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** The file names the data list shows, with what it says of each ("kept" or "this visit only"). */
async function listed(app: AppPage): Promise<string[]> {
  return app.page
    .locator('data-files li')
    .evaluateAll((items) => items.map((li) => [...li.querySelectorAll('code, span')].map((part) => part.textContent?.trim()).join(' ')));
}

async function kpisShown(app: AppPage): Promise<string> {
  await expect.poll(() => app.problems.count()).toBe(0);
  await expect.poll(async () => squash(await app.status.textContent())).toMatch(/replications in \d+ ms$/);
  const table = squash(await app.page.locator('kpi-table table').textContent());
  expect(table).toContain('widget');
  const charts = await app.charts();
  expect(charts.filter((c) => !c.drawn).map((c) => c.id)).toEqual([]);
  return table;
}

const notice = (app: AppPage) => app.page.locator('sawtooth-app .notice p');

describe("the user's CSV files", () => {
  it('are chosen with the file input, replayed by a scenario that names them, and kept across a reload', async () => {
    const app = await suite.open();
    // Named before it is given: the problem says how to give the page the file.
    await app.setText(withTrace('orders.csv'));
    await expect.poll(() => app.problems.count()).toBe(1);
    expect(squash(await app.problems.textContent())).toMatch(
      /cannot read scenarios\/orders.csv: no such file; .*choose it with "Choose CSV files" .* or drop it on the page/,
    );

    // Given: the scenario runs again by itself, on the file.
    await app.settle(() => choose(app, 'orders.csv', ordersCsv()));
    expect(await listed(app)).toEqual([expect.stringMatching(/^orders.csv \d+ kB kept$/)]);
    const kpis = await kpisShown(app);

    await app.reload();
    expect(await listed(app)).toEqual([expect.stringMatching(/^orders.csv \d+ kB kept$/)]);
    expect(await app.editor.inputValue()).toBe(withTrace('orders.csv'));
    expect(await kpisShown(app)).toBe(kpis);
    expect(app.errors).toEqual([]);
  });

  it('are dropped on the page, and an ERP export is read by its named columns', async () => {
    const app = await suite.open();
    const history = sampleOrdersCsv();
    await app.settle(async () => {
      await app.editor.fill(withTrace('{ file: history.csv, time: time, quantity: qty, item: sku }'));
      await drop(app, 'history.csv', history);
    });
    await expect.poll(() => listed(app)).toEqual([expect.stringMatching(/^history.csv \d+ kB kept$/)]);
    await kpisShown(app);
    // The drop was taken by the page: the editor's text is as typed, no file name dropped into it.
    expect(await app.editor.inputValue()).toBe(withTrace('{ file: history.csv, time: time, quantity: qty, item: sku }'));
    // Removing the file brings back the problem that says how to give it.
    await app.settle(() => app.page.getByRole('button', { name: 'Remove history.csv' }).click());
    await expect.poll(() => app.problems.count()).toBe(1);
    expect(await listed(app)).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('travel in a share link when small, and the link says when one is too large to carry', async () => {
    const app = await suite.open();
    await choose(app, 'orders.csv', ordersCsv(30));
    await expect.poll(() => listed(app)).toHaveLength(1);
    await app.setText(withTrace('orders.csv'));
    const kpis = await kpisShown(app);
    await app.button('Share link').click();
    const box = app.page.locator('sawtooth-app .share input');
    await expect.poll(() => box.inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    expect(await app.page.locator('sawtooth-app .share-note').count()).toBe(0);
    const link = await box.inputValue();
    expect(link.length).toBeLessThan(70 * 1024);

    const other = await suite.open(link); // a new browser context: no files of its own
    expect(await listed(other)).toEqual([expect.stringMatching(/^orders.csv \d+ kB kept$/)]);
    expect(await kpisShown(other)).toBe(kpis);

    // Eight years of orders (30,000 rows, about 120 kB of link) are more than a link carries.
    await app.settle(() => choose(app, 'orders.csv', ordersCsv(3000)));
    await app.button('Share link').click();
    const note = app.page.locator('sawtooth-app .share-note');
    await expect.poll(() => note.count()).toBe(1);
    expect(squash(await note.textContent())).toBe(
      'This link does not carry orders.csv: with it the link would be over 64 kB (links carry files up to 64 kB compressed). ' +
        'Whoever opens the link must choose or drop that file on the page too.',
    );
    expect(app.errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });

  it('too large to keep are used until the page is left, and too large for the page are refused, each with a message', async () => {
    const app = await suite.open();
    await dropLarge(app, 'year.csv', 3 * 1024 * 1024);
    await expect.poll(() => listed(app)).toEqual(['year.csv 3 MB this visit only']);
    expect(squash(await notice(app).textContent())).toBe(
      'year.csv (3 MB) works until you leave the page, but is not kept for your next visit: the page keeps up to 2 MB of files. After a reload, choose or drop it again.',
    );

    await dropLarge(app, 'huge.csv', 21 * 1024 * 1024);
    await expect
      .poll(async () => squash(await notice(app).textContent()))
      .toBe(
        'huge.csv is 21 MB, and the page takes files of up to 20 MB; use it with the command line instead (npx sawtooth run FILE, npx sawtooth fit FILE), which reads files of up to 256 MB.',
      );
    expect(await listed(app)).toEqual(['year.csv 3 MB this visit only']);

    // A spreadsheet is not a CSV.
    await drop(app, 'book.xlsx', 'PK\u0003\u0004\u0000\u0000binary');
    await expect.poll(async () => squash(await notice(app).textContent())).toMatch(/^book.xlsx is not a text file: save it as CSV/);

    await app.reload();
    expect(await listed(app)).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('the fit panel', () => {
  const panel = (app: AppPage) => app.page.locator('fit-panel');

  async function fit(app: AppPage, choices: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(choices)) await panel(app).getByLabel(label, { exact: true }).selectOption(value);
    await panel(app).getByRole('button', { name: 'Fit', exact: true }).click();
  }

  async function ranking(app: AppPage): Promise<string[]> {
    const rows = panel(app).locator('table tbody tr');
    await rows.first().waitFor();
    return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-family') ?? ''));
  }

  it(`ranks gamma first for ${SAMPLE_SIZE} gamma gaps and normal first for normal weights, with the histogram, the Q–Q plot and the snippet`, async () => {
    const app = await suite.open();
    await expect.poll(async () => squash(await panel(app).locator('p.hint').textContent())).toContain('Give the page a CSV file');
    await choose(app, 'sample.csv', sampleOrdersCsv());

    await fit(app, { Fit: 'interarrival', 'Time column': 'time' });
    await expect.poll(() => ranking(app).then((r) => r[0]), { timeout: RUN_TIMEOUT }).toBe('gamma');
    expect(await ranking(app)).toHaveLength(6);
    expect(squash(await panel(app).locator('h3').textContent())).toBe(`${SAMPLE_SIZE} gaps of gaps between time (the file's time unit)`);
    const first = squash(await panel(app).locator('table tbody tr').first().textContent());
    expect(first).toMatch(/^1\. gamma mean [12]\.\d+, sd 1\.\d+ [\d.]+ 0\.0 0\.\d{4} 0\.\d{3} not rejected$/);
    await expect.poll(() => app.chartDrawn('#chart-fit-histogram')).toBe(true);
    await expect.poll(() => app.chartDrawn('#chart-fit-qq')).toBe(true);
    const snippet = squash(await panel(app).locator('.snippet code').first().textContent());
    expect(snippet).toMatch(/^interarrival: \{ gamma: \{ mean: [12]\.\d+, sd: 1\.\d+ \} \}$/);
    const histogram = await app.chartSvg('#chart-fit-histogram');
    expect(histogram).toContain('the data and the fitted densities');
    expect(await app.chartSvg('#chart-fit-qq')).toContain('Q–Q plot: gamma against the data');

    // Another family, chosen in the table: the Q–Q plot and the snippet follow.
    await panel(app).getByRole('radio', { name: 'Show exponential in the charts and the snippet' }).check();
    await expect
      .poll(async () => squash(await panel(app).locator('.snippet code').first().textContent()))
      .toMatch(/^interarrival: \{ exponential: \{ mean: [12]\.\d+ \} \}$/);
    await expect.poll(() => app.chartSvg('#chart-fit-qq')).toContain('Q–Q plot: exponential against the data');

    await fit(app, { Fit: 'column', Column: 'weight' });
    // The fit runs in a worker; on a loaded machine it takes longer than expect.poll's default second.
    await expect.poll(() => ranking(app).then((r) => r[0]), { timeout: RUN_TIMEOUT }).toBe('normal');
    await expect.poll(() => app.chartDrawn('#chart-fit-qq')).toBe(true);
    await panel(app).scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The sticky header would cover the card's top in a picture of the card alone.
    await app.page.evaluate(() => void (document.querySelector('sawtooth-app')!.shadowRoot!.querySelector('header')!.style.position = 'static'));
    await app.page.locator('sawtooth-app .card.fit').screenshot({ path: join(SCREENSHOTS, 'fit-panel.png') });
    expect(app.errors).toEqual([]);
  });

  it("lists the file's problems with their lines, never a blank panel", async () => {
    const app = await suite.open();
    await choose(app, 'bad.csv', 'time,qty\n1,2\n2,lots\n3,-1\n4,\n5,1\n6,2\n');
    await fit(app, { Fit: 'column', Column: 'qty' });
    const problems = panel(app).locator('ul.problems li');
    await expect.poll(() => problems.count()).toBe(3);
    const texts = (await problems.allTextContents()).map(squash);
    expect(texts[0]).toMatch(/^bad.csv line 3: expected a number in the qty column, got something else/);
    expect(texts[1]).toMatch(/^bad.csv line 4: expected a number >= 0 in the qty column/);
    expect(texts[2]).toMatch(/^bad.csv line 5: expected a number in the qty column, got nothing/);
    expect(await panel(app).locator('chart-view').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
