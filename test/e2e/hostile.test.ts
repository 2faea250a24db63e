// Hostile and huge input: links and sessions the page refuses (with a notice saying why, and the
// bundled scenario instead), scenarios too large for the page, runs that take too long or blow up
// in their workers, Cancel and progress, names that would break chart expressions, and problems
// in trace files. The page must never go blank, freeze or crash, whatever a link holds.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useSuite, RUN_TIMEOUT, scenarioText, squash, type AppPage } from './harness.js';

const HEADLINE = 'jit-eoq-batch';
const HEADLINE_TEXT = scenarioText(HEADLINE);
const HEADLINE_NAME = /^name: (.*)$/m.exec(HEADLINE_TEXT)![1];

const suite = useSuite('hostile');

/** A share-link hash for a state, encoded as the page does (deflate-raw, base64url). */
function shareHash(state: { scenario: string; text?: string; overrides: Record<string, unknown>; replications: number }): string {
  return `#s=${deflateRawSync(Buffer.from(JSON.stringify(state), 'utf8')).toString('base64url')}`;
}

function linkTo(text: string, replications = 5): string {
  return `${suite.url}${shareHash({ scenario: HEADLINE, text, overrides: {}, replications })}`;
}

/** `n` items in flow style with their customers: a small text (a 27 kB link for 4,000) that names thousands of items. */
function manyItems(n: number): string {
  const items = Array.from({ length: n }, (_, i) => `i${i}: {holdingCost: 1}`);
  const demand = Array.from({ length: n }, (_, i) => `{item: i${i}, every: 1}`);
  return `name: Many items\ntime: {horizon: 50}\nitems: {${items.join(', ')}}\ndemand: [${demand.join(', ')}]\n`;
}

/** The headline scenario over a longer horizon: replications that take seconds (`budget`: the event budget raised to match). */
function longRun(horizon: number, budget = false): string {
  const text = HEADLINE_TEXT.replace(/horizon: 365/, `horizon: ${horizon}`);
  return budget ? text.replace(/^run: \{/m, 'run: { maxEvents: 10000000000,') : text;
}

/** A YAML double-quoted string of `text`, line and paragraph separators escaped. */
function yamlQuote(text: string): string {
  return JSON.stringify(text).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

function notice(app: AppPage) {
  return app.page.locator('sawtooth-app .notice');
}

function runError(app: AppPage) {
  return app.page.locator('sawtooth-app main .run-error');
}

async function expectBundledShown(app: AppPage): Promise<void> {
  await expect.poll(() => app.heading.textContent().then(squash), { timeout: RUN_TIMEOUT }).toBe(squash(HEADLINE_NAME));
  expect(await app.editor.inputValue()).toBe(HEADLINE_TEXT);
  await expect.poll(() => app.status.textContent().then(squash), { timeout: RUN_TIMEOUT }).toMatch(/replications in \d+ ms$/);
  const charts = await app.charts();
  expect(charts.length).toBe(6); // the five dashboard charts and the press's timeline
  expect(charts.filter((c) => !c.drawn).map((c) => c.id)).toEqual([]);
}

describe('links the page refuses', () => {
  it('refuses a 27 kB link to 4,000 items with a notice saying why, shows the bundled scenario, and keeps it on reload', async () => {
    const url = linkTo(manyItems(4000));
    expect(url.length).toBeLessThan(40_000);
    const started = Date.now();
    const app = await suite.newPage();
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.goto(url);
    expect(Date.now() - started).toBeLessThan(RUN_TIMEOUT);
    const text = squash(await notice(app).textContent());
    expect(text).toContain(
      'This link could not be opened: it is too large for the page: 4,000 items (up to 200), 4,000 demand lines (up to 200); run it with the command line instead (npx sawtooth run FILE), which has no such limit.',
    );
    expect(text).toContain(`The bundled scenario ${HEADLINE} is shown instead.`);
    expect(await notice(app).getAttribute('role')).toBe('alert');
    await expectBundledShown(app);
    expect(app.page.url()).not.toMatch(/#s=/);
    await app.screenshot('refused-link');

    // The refused scenario was never kept: a reload opens the bundled one, without a notice.
    await app.reload();
    expect(await notice(app).count()).toBe(0);
    await expectBundledShown(app);
    // Dismissed, the notice goes.
    expect(app.errors).toEqual([]);
  });

  it('refuses links that are too long, unpack too far or are damaged, each with its reason', async () => {
    const good = shareHash({ scenario: HEADLINE, overrides: {}, replications: 5 });
    const bomb = deflateRawSync(Buffer.concat([Buffer.from('{"scenario":"jit-eoq-batch","text":"'), Buffer.alloc(150_000_000, 0x61), Buffer.from('"}')]), {
      level: 9,
    });
    const cases: [string, RegExp][] = [
      [`#s=${'A'.repeat(300_000)}`, /it is 293 kB long, and the page opens links of up to 256 kB/],
      [`#s=${bomb.toString('base64url')}`, /it unpacks to more than 2 MB/],
      [good.slice(0, -10), /it is damaged/],
      [shareHash({ scenario: 'no-such-scenario', overrides: {}, replications: 5 }), /it names a scenario this page does not have/],
    ];
    for (const [hash, reason] of cases) {
      const app = await suite.open(`${suite.url}${hash}`);
      const text = squash(await notice(app).textContent());
      expect(text, hash.slice(0, 30)).toMatch(/^This link could not be opened: /);
      expect(text, hash.slice(0, 30)).toMatch(reason);
      await expectBundledShown(app);
      await app.button('Dismiss').click();
      expect(await notice(app).count()).toBe(0);
      expect(app.errors, hash.slice(0, 30)).toEqual([]);
    }
  });

  it('never leaves a blank status for an alias bomb or an alias inside its own anchor, and a reload shows the same', async () => {
    const bomb = `${HEADLINE_TEXT}\nx0: &a ["x","x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 6 }, (_, i) => `x${i + 1}: &${'abcdefg'[i + 1]} [${Array(10).fill(`*${'abcdefg'[i]}`).join(',')}]`).join('\n')}\n`;
    const recursive = HEADLINE_TEXT.replace(/^strategies:/m, 'strategies: &s\n  X: *s\n  Y:');
    for (const text of [bomb, recursive]) {
      const app = await suite.open(linkTo(text));
      for (let round = 0; round < 2; round++) {
        const status = squash(await app.status.textContent());
        expect(status).not.toBe('');
        // Either the loader's problems beside the editor, or a notice and the bundled scenario.
        const notices = (await notice(app).allTextContents()).map(squash);
        const said = `${notices.join(' ')} ${(await app.problems.locator('li').allTextContents()).map(squash).join(' ')}`;
        expect(said).toMatch(/alias|contain itself|endless/i);
        if (round === 0) await app.reload();
      }
      expect(app.errors).toEqual([]);
    }
  });

  it('reopens a saved session it cannot load with a notice, never stuck on it', async () => {
    const app = await suite.open();
    await app.editor.fill(manyItems(4000));
    await expect.poll(() => app.status.textContent().then(squash), { timeout: RUN_TIMEOUT }).toBe('Not loaded: see the message below');
    expect(squash(await app.staleNote.textContent())).toContain(
      'Showing the last good results. The page did not load the new scenario: it is too large for the page: 4,000 items (up to 200)',
    );
    // The charts of the last good run stay, marked stale.
    expect((await app.charts()).every((c) => c.drawn)).toBe(true);
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('not-loaded');

    // What was typed was kept (nothing typed is lost) but it is checked before it is reopened.
    await app.reload();
    expect(squash(await notice(app).textContent())).toMatch(/Your last session could not be reopened: it is too large for the page: 4,000 items/);
    await expectBundledShown(app);
    expect(app.errors).toEqual([]);
  });
});

describe('scenarios too large or too long for the page', () => {
  it('refuses 20,000 pasted items at once with the limit, the page responsive throughout', async () => {
    const app = await suite.open();
    const huge = manyItems(20_000);
    const started = Date.now();
    await app.editor.fill(huge);
    await expect
      .poll(() => runErrorOrStale(app), { timeout: RUN_TIMEOUT })
      .toMatch(/The page did not load the new scenario: it is [\d,]+ kB of text, and the page loads up to 500 kB/);
    expect(Date.now() - started).toBeLessThan(20_000);
    // The page answers at once: nothing heavy ran on its thread.
    const ping = Date.now();
    await app.page.evaluate(() => 1);
    expect(Date.now() - ping).toBeLessThan(2000);
    expect(app.errors).toEqual([]);
  });

  it('shows replications done while a long run goes, and Cancel stops it and keeps the last results', async () => {
    const app = await suite.newPage();
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.goto(suite.url);
    await app.editor.fill(longRun(20_000));
    const cancel = app.page.locator('sawtooth-app .run-state button.cancel');
    await expect.poll(() => app.status.textContent().then(squash), { timeout: RUN_TIMEOUT }).toMatch(/^Simulating… [1-9]\d* of 90 replications$/);
    expect(squash(await cancel.textContent())).toBe('Cancel');
    expect(await app.page.locator('sawtooth-app .run-state progress').getAttribute('max')).toBe('90');
    expect(await app.page.locator('sawtooth-app main').getAttribute('aria-busy')).toBe('true');
    // Taken where filling the editor left the page scrolled: the sticky header keeps status and Cancel in view.
    await app.screenshot('cancel-button');

    await cancel.click();
    await expect.poll(() => app.status.textContent().then(squash)).toBe('Cancelled');
    expect(squash(await cancel.textContent())).toBe('Run again');
    expect(squash(await app.staleNote.textContent())).toContain('the run was cancelled');
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.screenshot('cancelled');
    expect((await app.charts()).every((c) => c.drawn)).toBe(true);
    expect(await app.page.locator('sawtooth-app main').getAttribute('aria-busy')).toBe('false');

    // The workers were stopped: the bundled scenario runs at once after Reset.
    await app.settle(() => app.button('Reset').click());
    await expectBundledShown(app);
    expect(app.errors).toEqual([]);
  });

  it('stops a replication that runs past the time budget, says so, and runs the next scenario', async () => {
    const app = await suite.newPage();
    // The page's budget is 30 s a replication; the test shortens it before the page starts.
    await app.context.addInitScript(() => {
      (window as unknown as { sawtoothReplicationBudgetMs: number }).sawtoothReplicationBudgetMs = 2000;
    });
    await app.goto(suite.url);
    await app.editor.fill(longRun(2_000_000, true));
    await expect.poll(() => app.status.textContent().then(squash), { timeout: RUN_TIMEOUT }).toBe('Run failed: see the message below');
    expect(squash(await app.staleNote.textContent())).toContain(
      'Showing the last good results. The run failed: a replication ran for more than 2 s, so the page stopped it',
    );
    await app.settle(() => app.button('Reset').click());
    await expectBundledShown(app);
    expect(app.errors).toEqual([]);
  });

  it('shows the engine stopping an event storm as a message, and the tab lives on', async () => {
    // Orders every 1e-7 days with the event budget raised: the backlog passes the engine's limit.
    const storm = scenarioText('service-level-safety-stock')
      .replace(/interarrival: \{ exponential: \{ mean: 0\.1 \} \}/, 'interarrival: { exponential: { mean: 1e-7 } }')
      .replace(/^run: \{/m, 'run: { maxEvents: 10000000000,');
    const app = await suite.open(`${suite.url}${shareHash({ scenario: 'service-level-safety-stock', text: storm, overrides: {}, replications: 4 })}`);
    await expect.poll(() => runErrorOrStale(app), { timeout: RUN_TIMEOUT }).toMatch(/The run failed: simulation too large: /);
    expect(squash(await app.status.textContent())).toBe('Run failed: see the message below');
    // The default event budget refuses the plain storm before it runs, as a problem of the scenario.
    await app.setText(storm.replace('maxEvents: 10000000000,', ''));
    expect((await app.problems.locator('li').allTextContents()).map(squash).join(' ')).toMatch(/customer orders per replication/);
    await app.settle(() => app.picker.selectOption(HEADLINE));
    await expectBundledShown(app);
    expect(app.errors).toEqual([]);
  });
});

/** The main area's message: the error box when nothing ran yet, else the stale note. */
async function runErrorOrStale(app: AppPage): Promise<string> {
  if ((await runError(app).count()) > 0) return squash(await runError(app).first().textContent());
  if ((await app.staleNote.count()) > 0) return squash(await app.staleNote.textContent());
  return '';
}

describe('names and files from a link', () => {
  it('draws every chart and the sweep with strategy and item names holding line separators, quotes, backslashes and markup', async () => {
    const strategies = ['line\u2028separator', "it's", 'say "hi"', 'back\\slash', '<script>alert(1)</script>', "' + datum + '"];
    const item = 'wid\u2028get "w" \\ \'x\'';
    let text = HEADLINE_TEXT.replace('\n  JIT:\n', `\n  ${yamlQuote(strategies[0])}:\n`)
      .replace('\n  EOQ: {}\n', `\n  ${yamlQuote(strategies[1])}: {}\n`)
      .replace('\n  Batch:\n', `\n  ${yamlQuote(strategies[2])}:\n`);
    text += strategies
      .slice(3)
      .map((s) => `  ${yamlQuote(s)}: {}\n`)
      .join('');
    text = text.replace(/^currency: EUR$/m, `currency: ${yamlQuote('E\u2028UR datum.x')}`).replace(/unit: day/, `unit: ${yamlQuote("da\u2028y \\ '")}`);
    text = text.replaceAll('widget:', `${yamlQuote(item)}:`).replace('item: widget', `item: ${yamlQuote(item)}`);
    const app = await suite.open(linkTo(text, 3));
    expect(await app.problems.count()).toBe(0);
    const charts = await app.charts();
    expect(charts.map((c) => c.id)).toEqual(['chart-kpis', 'chart-stock', 'chart-costs', 'chart-stockouts', 'chart-throughput', 'chart-timeline']);
    expect(charts.filter((c) => !c.drawn).map((c) => c.id)).toEqual([]);
    const headers = (await app.page.locator('kpi-table thead th[scope="col"]').allTextContents()).slice(1);
    expect(headers.map((h) => h.trim())).toEqual(strategies);
    // Bars in file order, each strategy's name as the datum of its bars.
    const bars = (await app.markItems('#chart-kpis', 'rect')).map((m) => m.datum.strategy);
    expect([...new Set(bars)]).toEqual(strategies);

    // A sweep over the item's order quantity (its path holds the name) draws too.
    await app.page.locator('sweep-panel button[type="submit"]').click();
    await expect.poll(() => app.chartDrawn('#chart-sweep'), { timeout: RUN_TIMEOUT }).toBe(true);
    expect(await app.page.locator('sawtooth-app .sweep-error').count()).toBe(0);
    expect(app.dialogs).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('lists a trace file it cannot read with the reason, for names like ../constructor too', async () => {
    const withTrace = (trace: string) => HEADLINE_TEXT.replace(/interarrival: .*\n\s*quantity: .*$/m, `trace: ${trace}`);
    for (const [trace, file] of [
      ['data/missing.csv', 'scenarios/data/missing.csv'],
      ['../constructor', 'constructor'],
      ['../__proto__', '__proto__'],
    ]) {
      const text = withTrace(trace);
      const line = text.split('\n').findIndex((l) => l.includes('trace:')) + 1;
      const app = await suite.open(linkTo(text));
      const problems = (await app.problems.locator('li').allTextContents()).map(squash);
      const problem = problems.find((p) => p.includes('demand[0].trace'));
      expect(problem, trace).toBe(
        `line ${line}: demand[0].trace: cannot read ${file}: no such file; the page reads its bundled data files and the CSV files you give it ` +
          '(scenarios/data/demand.csv, scenarios/data/erp-orders.csv): to give it a file, choose it with "Choose CSV files" below the editor, or drop it on the page',
      );
      expect(squash(await app.status.textContent())).toMatch(/problems? in the scenario$/);
      expect(app.errors, trace).toEqual([]);
    }
  });
});
