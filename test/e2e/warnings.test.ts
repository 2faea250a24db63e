// What the page says when a number is not what it looks like: the warnings banner above the
// charts (and in the report and presentation), the † beside KPIs a warning puts in doubt, and one
// replication shown without intervals or significance claims.
import { describe, expect, it } from 'vitest';
import { RUN_TIMEOUT, scenarioText, squash, useSuite, type AppPage } from './harness.js';

const suite = useSuite('warnings');

/**
 * An M/M/1 plant at ρ = 1.25: one machine asked for 1.25 units an hour that makes 1 an hour on
 * average. Its strategy name carries markup, which must show as text.
 */
const OVERLOADED = `name: Overloaded lathe
description: One lathe asked for 1.25 times what it can make; its queue grows without end.
time: { unit: hour, horizon: 500, warmup: 0 }
run: { replications: 5, seed: 1 }
machines:
  lathe: {}
items:
  part:
    holdingCost: 1
    make: { machine: lathe, processTime: { exponential: { mean: 1 } } }
    policy: { type: makeToOrder }
demand:
  - item: part
    interarrival: { exponential: { mean: 0.8 } }
strategies:
  "Make <b>to</b> order": {}
`;

interface ResultWarnings {
  warnings: { code: string; path: string; message: string; strategies?: string[]; kpis?: string[]; level?: 'note' }[];
}

function banner(app: AppPage) {
  return app.page.locator('sawtooth-app > main warning-list details:not(.notes)');
}

/** The KPI table's rows as [label, cell texts]. */
async function tableRows(app: AppPage): Promise<Map<string, string[]>> {
  const rows = await app.page
    .locator('kpi-table tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')!.textContent ?? '', [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')] as const),
    );
  return new Map(rows.map(([label, cells]) => [label.replace(/\s+/g, ' ').trim(), cells.map((c) => c.replace(/\s+/g, ' ').trim())]));
}

describe('warnings', () => {
  it('shows a banner naming the overloaded machine above the charts, every warning of the result in it, and marks the KPIs in doubt', async () => {
    const app = await suite.open();
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.setText(OVERLOADED);
    expect(squash(await app.heading.textContent())).toBe('Overloaded lathe');

    await expect.poll(() => banner(app).count()).toBe(1);
    const items = banner(app).getByRole('list', { name: 'Warnings' }).locator('li');
    const texts = (await items.allTextContents()).map(squash);
    // The load check names the machine and its load.
    expect(texts.some((t) => t.includes('lathe') && t.includes('125%'))).toBe(true);
    expect(await banner(app).getByRole('img', { name: 'Warning' }).count()).toBe(1);

    // Every warning of the result, in its order, with where it comes from: the JSON the page exports.
    const json = await app.download(() => app.button('JSON').click());
    const result = JSON.parse(json.bytes.toString('utf8')) as ResultWarnings;
    const warnings = result.warnings.filter((w) => w.level !== 'note');
    const notes = result.warnings.filter((w) => w.level === 'note');
    expect(warnings.length).toBeGreaterThan(0);
    expect(texts).toEqual(warnings.map((w) => squash(`${w.message} ${w.path}`)));
    // Notes on precision (more replications) sit apart, folded, in a quiet list of their own.
    const noteItems = app.page.locator('warning-list').getByRole('list', { name: 'Notes', includeHidden: true }).locator('li');
    expect((await noteItems.allTextContents()).map(squash)).toEqual(notes.map((w) => squash(`${w.strategies!.join(', ')}: ${w.message} ${w.path}`)));
    // All concern the one strategy: it is named once, in the summary, as text and not as markup.
    expect(new Set(result.warnings.map((w) => w.strategies?.join(', ')))).toEqual(new Set(['Make <b>to</b> order']));
    expect(squash(await banner(app).locator('summary').textContent())).toBe(
      `⚠ ${warnings.length} warnings for Make <b>to</b> order: read before trusting these numbers`,
    );
    expect(await banner(app).locator('b').count()).toBe(0);
    // Open at first; the reader may fold it away.
    await banner(app).locator('summary').click();
    await expect.poll(() => items.first().isVisible()).toBe(false);
    await banner(app).locator('summary').click();
    await expect.poll(() => items.first().isVisible()).toBe(true);
    // With one strategy there is nothing to compare, and the card says so.
    expect(squash(await app.page.locator('comparison-list').evaluate((el) => el.shadowRoot!.textContent))).toBe(
      'One strategy only: add another under strategies to compare.',
    );

    // The banner sits above the first card and pushes it down rather than covering it.
    const bannerBox = (await banner(app).boundingBox())!;
    const firstCard = (await app.page.locator('sawtooth-app > main > section.card').first().boundingBox())!;
    expect(bannerBox.y + bannerBox.height).toBeLessThanOrEqual(firstCard.y);

    // KPIs a warning puts in doubt carry a † with the reason; others do not.
    const warned = new Set(result.warnings.flatMap((w) => w.kpis ?? []));
    expect(warned.has('wip') && warned.has('avgCustomerWait')).toBe(true);
    const rows = await tableRows(app);
    for (const label of ['WIP', 'Customer wait']) expect(rows.get(label)?.[0], label).toContain('†');
    expect(rows.get('Throughput')?.[0]).not.toContain('†');
    const marked = app.page.locator('kpi-table td[title]');
    expect(await marked.count()).toBeGreaterThanOrEqual(2);
    expect(await marked.first().getAttribute('title')).toBe('not a steady-state value: it keeps changing through the run (see the warnings)');
    expect(squash(await app.page.locator('kpi-table .footnote').textContent())).toBe(
      '† not a steady-state value: it keeps changing through the run (see the warnings).',
    );
    // A made item shows its WIP and flow time.
    expect(rows.has('part WIP')).toBe(true);
    expect(rows.has('part flow time')).toBe(true);

    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('warnings-banner');
    await app.page.locator('kpi-table').scrollIntoViewIfNeeded();
    await app.screenshot('warnings-table');

    // The report carries the same warnings, escaped.
    const report = (await app.download(() => app.button('HTML report').click())).bytes.toString('utf8');
    expect(report).toContain('aria-label="Warnings"');
    expect(report).toContain('Make &lt;b&gt;to&lt;/b&gt; order');
    expect(report).not.toContain('<b>to</b>');
    expect((report.match(/<li><strong>/g) ?? []).length).toBe(result.warnings.length);
    expect(report).toContain('† not a steady-state value: it keeps changing through the run (see the warnings).');

    // So does the presentation: folded to its summary line, so the chart keeps the screen; unfolded on a click.
    await app.button('Present').click();
    const dialog = app.page.getByRole('dialog', { name: 'Presentation' });
    await dialog.waitFor();
    const presented = dialog.locator('warning-list');
    expect(squash(await presented.locator('summary').textContent())).toContain(`${warnings.length} warnings`);
    expect(await presented.locator('li').first().isVisible()).toBe(false);
    await presented.locator('summary').click();
    await expect.poll(() => presented.locator('li').first().isVisible()).toBe(true);
    expect(await presented.locator('li').count()).toBe(warnings.length);
    await presented.locator('summary').click();
    await expect.poll(() => app.chartDrawn('presentation-view chart-view')).toBe(true);
    await app.screenshot('warnings-presentation');
    await app.page.keyboard.press('Escape');

    expect(app.errors).toEqual([]);
  });

  it('runs one replication typed into the editor: no whiskers, "no interval" in the table and no significance claims', async () => {
    const app = await suite.open();
    await app.page.setViewportSize({ width: 1366, height: 768 });
    const text = scenarioText('jit-eoq-batch');
    const one = text.replace(/replications:\s*\d+/, 'replications: 1');
    expect(one).not.toBe(text);
    await app.setText(one);

    expect(squash(await app.status.textContent())).toMatch(/^1 replication in \d+ ms$/);
    expect(await app.sliderLabel('replications')).toBe('1');
    const rows = await tableRows(app);
    expect(rows.get('Total cost')?.every((cell) => cell.includes('(1 replication, no interval)'))).toBe(true);
    expect(squash(await app.page.locator('sawtooth-app main h2', { hasText: 'KPIs' }).textContent())).toBe('KPIs (mean of 1 replication, no intervals)');

    // Bars without whiskers: no rule of the chart belongs to a strategy (axis ticks and domains are rules too).
    await expect.poll(() => app.chartDrawn('#chart-kpis')).toBe(true);
    const ofStrategies = async (marktype: string) => (await app.markItems('#chart-kpis', marktype)).filter((m) => 'strategy' in m.datum);
    expect((await ofStrategies('rect')).length).toBeGreaterThan(0);
    expect(await ofStrategies('rule')).toEqual([]);
    expect(await app.chartSvg('#chart-kpis')).toContain('Key figures (1 replication, no intervals)');

    // Comparisons say there is no interval, never that one strategy is better.
    const verdict = (await app.page.locator('comparison-list ul.verdict li').allTextContents()).map(squash);
    expect(verdict.length).toBeGreaterThan(0);
    for (const v of verdict)
      expect(v).toMatch(/^With one replication there are no intervals: .* which proves nothing either way; run more replications for a verdict\.$/);
    const comparisons = (await app.page.locator('comparison-list ul:not(.verdict) li').allTextContents()).map(squash);
    expect(comparisons.length).toBeGreaterThan(0);
    for (const c of comparisons) {
      expect(c).toContain('no claim of a difference');
      expect(c).not.toMatch(/less than|more than|95% CI/);
    }
    // The theory panel says "no interval" instead of "± 0".
    const theory = squash(await app.page.locator('theory-panel').evaluate((el) => el.shadowRoot!.textContent));
    expect(theory).toContain('(1 replication, no interval)');
    expect(theory).not.toContain('± 0');

    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('one-replication');
    expect(app.errors).toEqual([]);
  });

  it('sweeps with one replication per cell: a curve without its band, and a subtitle that says why', async () => {
    const app = await suite.open();
    await app.pick('eoq-cost-curve');
    await app.setText((await app.editor.inputValue()).replace(/replications:\s*\d+/, 'replications: 1'));
    await app.page.locator('sweep-panel').getByRole('button', { name: 'Run sweep' }).click();
    await expect.poll(() => app.chartDrawn('#chart-sweep'), { timeout: RUN_TIMEOUT }).toBe(true);
    expect(await app.chartSvg('#chart-sweep')).toContain('no band (1 replication)');
    expect(app.errors).toEqual([]);
  });

  it('shows no banner for a bundled scenario without warnings', async () => {
    const app = await suite.open();
    await app.pick('eoq-cost-curve');
    const json = JSON.parse((await app.download(() => app.button('JSON').click())).bytes.toString('utf8')) as ResultWarnings;
    expect(json.warnings).toEqual([]);
    expect(await banner(app).count()).toBe(0);
    expect(await app.page.locator('kpi-table td[title]').count()).toBe(0);
    expect(await app.page.locator('kpi-table .footnote').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
