// Editing a scenario: errors beside the editor, share links, restore on reload, Reset, and
// untrusted text (from a link) shown as text, never as markup.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useSuite, escapeHtml, scenarioText, squash, type AppPage } from './harness.js';

const HEADLINE = 'jit-eoq-batch';

const suite = useSuite('editing');

/** Places the caret over text[start, end) in the editor, as a click-and-drag would. */
async function select(app: AppPage, start: number, end: number): Promise<void> {
  await app.editor.evaluate(
    (textarea: HTMLTextAreaElement, [start, end]) => {
      textarea.focus();
      textarea.setSelectionRange(start, end);
    },
    [start, end] as const,
  );
}

/** Types over text[start, end) in the editor and waits for the validation or run it starts. */
async function typeOver(app: AppPage, start: number, end: number, typed: string): Promise<void> {
  await app.settle(async () => {
    await select(app, start, end);
    await app.page.keyboard.type(typed);
  });
}

async function chartsStillDrawn(app: AppPage): Promise<void> {
  const charts = await app.charts();
  // The five dashboard charts and the press's timeline.
  expect(charts.length).toBe(6);
  expect(charts.filter((c) => !c.drawn).map((c) => c.id)).toEqual([]);
}

/** A share-link hash for a state, encoded as the page does (deflate-raw, base64url). */
function shareHash(state: { scenario: string; text?: string; overrides: Record<string, unknown>; replications: number }): string {
  return `#s=${deflateRawSync(Buffer.from(JSON.stringify(state), 'utf8')).toString('base64url')}`;
}

describe('editing a scenario', () => {
  it('shows a bad value and a YAML syntax error beside the editor with line and path, keeps the charts marked stale, and clears both once fixed', async () => {
    const app = await suite.open();
    const original = await app.editor.inputValue();
    expect(original).toBe(scenarioText(HEADLINE));

    // 1. A value the schema refuses: the widget's reorder point typed as -5.
    const widgetPolicy = original.indexOf('policy: { type: sQ, reorderPoint: { serviceLevel: 0.95 }', original.indexOf('  widget:'));
    const start = original.indexOf('{ serviceLevel: 0.95 }', widgetPolicy);
    const end = start + '{ serviceLevel: 0.95 }'.length;
    const line = original.slice(0, start).split('\n').length;
    await typeOver(app, start, end, '-5');

    await expect.poll(() => app.problems.count()).toBe(1);
    const problems = (await app.problems.locator('li').allTextContents()).map(squash);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`line ${line}`);
    expect(problems[0]).toContain('items.widget.policy.reorderPoint');
    expect(problems[0]).toContain('-5');
    expect(await app.editor.getAttribute('aria-invalid')).toBe('true');
    expect(squash(await app.status.textContent())).toBe('1 problem in the scenario');
    await expect.poll(() => app.staleNote.isVisible()).toBe(true);
    expect(squash(await app.staleNote.textContent())).toContain('Showing the last good results');
    expect(await app.page.locator('sawtooth-app main').getAttribute('class')).toContain('stale');
    await chartsStillDrawn(app);
    // The line number is a button that puts the caret on that line.
    await app.problems.getByRole('button', { name: `line ${line}` }).click();
    const caret = await app.editor.evaluate((t: HTMLTextAreaElement) => t.value.slice(0, t.selectionStart).split('\n').length);
    expect(caret).toBe(line);
    await app.problems.scrollIntoViewIfNeeded();
    await app.screenshot('scenario-error');

    // Typing the old value back clears the list and the note.
    await typeOver(app, start, start + 2, '{ serviceLevel: 0.95 }');
    expect(await app.editor.inputValue()).toBe(original);
    await expect.poll(() => app.problems.count()).toBe(0);
    await expect.poll(() => app.staleNote.count()).toBe(0);
    expect(await app.editor.getAttribute('aria-invalid')).toBe('false');
    expect(squash(await app.status.textContent())).toMatch(/replications in \d+ ms$/);
    await chartsStillDrawn(app);

    // 2. Broken YAML (an unclosed flow collection): the parser's line shows, the charts stay.
    const broken = original.replace('  EOQ: {}', '  EOQ: { [');
    const brokenLine = original.slice(0, original.indexOf('  EOQ: {}')).split('\n').length;
    await app.setText(broken);
    await expect.poll(() => app.problems.count()).toBe(1);
    const syntax = (await app.problems.locator('li').allTextContents()).map(squash);
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]).toMatch(/YAML syntax error/);
    // The parser names the line where it noticed the unclosed bracket: that line or the next.
    const lines = syntax.map((p) => Number(/line (\d+)/.exec(p)?.[1]));
    expect(
      lines.some((l) => l === brokenLine || l === brokenLine + 1),
      `${brokenLine} in ${lines.join(', ')}`,
    ).toBe(true);
    await expect.poll(() => app.staleNote.isVisible()).toBe(true);
    await chartsStillDrawn(app);

    await app.setText(original);
    await expect.poll(() => app.problems.count()).toBe(0);
    await expect.poll(() => app.staleNote.count()).toBe(0);
    await chartsStillDrawn(app);
    expect(app.errors).toEqual([]);
  });

  it('reopens the same scenario, slider settings and edited text from a share link in a new browser', async () => {
    const app = await suite.open();
    const id = 'eoq-cost-curve';
    await app.pick(id);
    const edited = scenarioText(id).replace('A distributor buys one bearing', 'A distributor (edited for the client) buys one bearing');
    expect(edited).not.toBe(scenarioText(id));
    await app.setText(edited);
    await app.moveSlider('replications', 12);
    const slider = app.page.locator('strategy-sliders input[type="range"][data-path$="policy.quantity"]').first();
    const path = (await slider.getAttribute('data-path'))!;
    const [value, step] = await Promise.all([slider.inputValue(), slider.getAttribute('step')]).then((xs) => xs.map(Number));
    await app.moveSlider(path, value + 20 * step);
    const moved = await app.sliderLabel(path);
    expect(Number(moved)).toBeGreaterThan(value);
    const kpis = squash(await app.page.locator('kpi-table table').textContent());

    await app.button('Share link').click();
    const box = app.page.locator('sawtooth-app .share input');
    await expect.poll(() => box.inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const link = await box.inputValue();
    expect(link.startsWith(suite.url)).toBe(true);
    expect(app.errors).toEqual([]);

    const other = await suite.open(link); // a new context: nothing in localStorage
    expect(other.context).not.toBe(app.context);
    expect(await other.picker.inputValue()).toBe(id);
    expect(await other.editor.inputValue()).toBe(edited);
    expect(squash(await other.description.textContent())).toContain('A distributor (edited for the client) buys one bearing');
    expect(await other.sliderLabel(path)).toBe(moved);
    expect(await other.sliderLabel('replications')).toBe('12');
    expect(squash(await other.status.textContent())).toMatch(/^12 replications in \d+ ms$/);
    // Same seed, same settings: the same numbers.
    expect(squash(await other.page.locator('kpi-table table').textContent())).toBe(kpis);
    expect(other.errors).toEqual([]);
  });

  it('restores the last edits after a reload, and Reset brings back the bundled scenario', async () => {
    const app = await suite.open();
    const bundled = scenarioText(HEADLINE);
    const path = 'items.widget.policy.quantity';
    const initial = Number(await app.slider(path).inputValue());
    const name = squash(await app.heading.textContent());

    const edited = bundled.replace(/^name: .*$/m, 'name: My own press, edited');
    await app.setText(edited);
    await app.moveSlider(path, 400);
    expect(squash(await app.heading.textContent())).toBe('My own press, edited');

    await app.reload();
    expect(await app.editor.inputValue()).toBe(edited);
    expect(squash(await app.heading.textContent())).toBe('My own press, edited');
    expect(Number(await app.slider(path).inputValue())).toBe(400);

    await app.settle(() => app.button('Reset').click());
    expect(await app.editor.inputValue()).toBe(bundled);
    expect(squash(await app.heading.textContent())).toBe(name);
    expect(Number(await app.slider(path).inputValue())).toBe(initial);

    // Reset is remembered too.
    await app.reload();
    expect(await app.editor.inputValue()).toBe(bundled);
    expect(Number(await app.slider(path).inputValue())).toBe(initial);
    expect(app.errors).toEqual([]);
  });

  it('keeps text typed just before a reload, before any run has started', async () => {
    const app = await suite.open();
    const edited = (await app.editor.inputValue()).replace(/^name: .*$/m, 'name: Typed and reloaded at once');
    await app.editor.fill(edited);
    await app.page.reload(); // at once: the debounced run has not started yet
    await app.waitSettled(0);
    expect(await app.editor.inputValue()).toBe(edited);
  });

  // The link is shown (and copied), never left in the address bar, where it would shadow later edits.
  it('keeps edits made after clicking Share link when the page is reloaded', async () => {
    const app = await suite.open();
    const path = 'items.widget.policy.quantity';
    await app.button('Share link').click();
    await expect.poll(() => app.page.locator('sawtooth-app .share input').inputValue()).toMatch(/#s=/);
    expect(app.page.url()).not.toMatch(/#s=/);
    await app.moveSlider(path, 400);
    await app.reload();
    expect(Number(await app.slider(path).inputValue())).toBe(400);
  });

  it('shows markup from a shared link as text: no image, no script, no dialog', async () => {
    const evilDescription = '<img src=x onerror=alert(1)> in the description';
    const evilName = '<svg onload=alert(2)> plant';
    const evilStrategy = '<img src=x onerror=alert(3)>';
    const bundled = scenarioText(HEADLINE);
    const text = bundled
      .replace(/^name: .*$/m, `name: '${evilName}'`)
      .replace(/^description: >-\n(?: {2}.*\n)+/m, `description: '${evilDescription}'\n`)
      .replace('\n  JIT:\n', `\n  '${evilStrategy}':\n`);
    expect(text).toContain(evilStrategy);
    expect(text).not.toContain('  JIT:');
    const hash = shareHash({ scenario: HEADLINE, text, overrides: {}, replications: 5 });

    const app = await suite.open(`${suite.url}${hash}`);
    expect(await app.problems.count()).toBe(0);
    expect(squash(await app.description.textContent())).toBe(evilDescription);
    expect(squash(await app.heading.textContent())).toBe(evilName);
    const headers = (await app.page.locator('kpi-table thead th').allTextContents()).map(squash);
    expect(headers).toContain(evilStrategy);
    expect(squash(await app.page.locator('strategy-sliders').evaluate((el) => el.shadowRoot?.textContent))).toContain(evilStrategy);
    expect(
      squash(
        await app.page
          .locator('sawtooth-app comparison-list')
          .first()
          .evaluate((el) => el.shadowRoot?.textContent),
      ),
    ).toContain(evilStrategy);
    // Vega draws it as text (the chart's SVG export has it escaped, never as an element).
    const chartSvg = await app.chartSvg('#chart-kpis');
    expect(chartSvg).toContain(escapeHtml(evilStrategy).replaceAll('&#39;', "'"));
    expect(chartSvg).not.toMatch(/<img|<script/i);

    // A tooltip (vega-tooltip) over one of the strategy's bars shows the name as text too (the chart
    // scrolled into view first: the plant diagram above it may push it below the window).
    await app.page.locator('#chart-kpis').scrollIntoViewIfNeeded();
    const bars = (await app.markItems('#chart-kpis', 'rect')).filter((m) => m.datum.strategy === evilStrategy);
    expect(bars.length).toBe(4); // one bar per KPI
    await app.page.mouse.move(bars[0].x, bars[0].y);
    const tooltip = app.page.locator('#vg-tooltip-element');
    await expect.poll(() => tooltip.evaluate((el) => el.textContent ?? '').catch(() => '')).toContain(evilStrategy);
    expect(await tooltip.locator('img').count()).toBe(0);
    await app.screenshot('markup-as-text');

    // The HTML report carries it escaped.
    const report = (await app.download(() => app.button('HTML report').click())).bytes.toString('utf8');
    expect(report).toContain(escapeHtml(evilDescription));
    expect(report).toContain(escapeHtml(evilStrategy));
    expect(report).not.toMatch(/<img|<script|<svg onload/i);

    // Nothing became markup anywhere in the page (open shadow roots included), and nothing ran.
    await app.page.waitForTimeout(300);
    expect(await app.page.locator('img').count()).toBe(0);
    const handlers = await app.page.evaluate(() => {
      const found: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`${el.tagName.toLowerCase()}[${attr}]`);
          if (el.tagName === 'SCRIPT' && root !== document) found.push('script in a shadow root');
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return found;
    });
    expect(handlers).toEqual([]);
    expect(app.dialogs).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
