// The Lit elements one by one, in real Chromium: each is mounted on its own with data it is given
// (properties down) and checked for what a person sees and the events it sends up.
import { beforeEach, describe, expect, it } from 'vitest';
import { squash, useSuite, type AppPage } from './harness.js';

// Each test opens the app (which registers the elements) and mounts its element beside it.
const suite = useSuite('components');
let app: AppPage;
beforeEach(async () => {
  app = await suite.open();
});

/** A small experiment result of two strategies, as the simulation would hand it over. */
const RESULT = (() => {
  const kpi = (mean: number, half = 0) => ({ mean, sd: half, ci95: [mean - half, mean + half], n: 5 });
  const items = (fill: number) => ({
    widget: {
      avgOnHand: kpi(40, 2),
      avgBackorders: kpi(1),
      fillRate: kpi(fill, 0.01),
      stockoutEvents: kpi(3),
      stockoutUnits: kpi(5),
      lostUnits: kpi(0),
      avgCustomerWait: kpi(0.1),
      replenishmentOrders: kpi(12),
      holdingCost: kpi(100),
      orderingCost: kpi(50),
      setupCost: kpi(0),
      backorderCost: kpi(0),
      lostSaleCost: kpi(0),
      purchaseCost: kpi(0),
      wip: kpi(0),
      flowTime: kpi(0),
    },
  });
  const strategy = (name: string, cost: number, fill: number) => ({
    name,
    derived: {},
    items: items(fill),
    machines: {},
    kpis: { totalCost: kpi(cost, 10), throughput: kpi(10, 0.1), wip: kpi(5, 0.5), avgCustomerWait: kpi(0.1, 0.01) },
  });
  return {
    scenario: 'Test plant',
    time: { unit: 'day', horizon: 100, warmup: 10 },
    replications: 5,
    seed: 1,
    strategies: [strategy('Lean', 880, 0.9), strategy('Fat', 1000, 0.99)],
    comparisons: [
      { a: 'Lean', b: 'Fat', kpi: 'totalCost', meanDiff: -120, ci95: [-160, -80] },
      { a: 'Lean', b: 'Fat', kpi: 'wip', meanDiff: -1, ci95: [-1.5, -0.5] },
    ],
    // The verdict's sentence is the simulation's (sim/experiment/summary.ts); the page shows it as given.
    summary: [{ a: 'Lean', b: 'Fat', sentence: 'Lean costs 12.0% less than Fat (95% CI 8.0–16.0%), but lower service for widget.' }],
    warnings: [] as { code: string; path: string; message: string; strategies?: string[]; kpis?: string[] }[],
  };
})();

async function mount(tag: string, props: Record<string, unknown>): Promise<void> {
  await app.page.evaluate(
    async ({ tag, props }) => {
      const element = document.createElement(tag) as HTMLElement & { updateComplete?: Promise<unknown> };
      element.classList.add('under-test');
      Object.assign(element, props);
      document.body.append(element);
      await element.updateComplete;
    },
    { tag, props },
  );
}

const shadowText = (selector: string) => app.page.locator(`body > ${selector}.under-test`).evaluate((el) => el.shadowRoot?.textContent ?? '');

describe('the page components on their own', () => {
  it('kpi-table shows one column per strategy with mean ± half-width and fill rates as percentages', async () => {
    await mount('kpi-table', { result: RESULT, colours: ['#0072B2', '#E69F00'] });
    const headers = await app.page.locator('body > kpi-table.under-test thead th').allTextContents();
    expect(headers.map(squash)).toEqual(['KPI (mean ± 95% half-width)', 'Lean', 'Fat']);
    const text = squash(await shadowText('kpi-table'));
    expect(text).toContain('Total cost880 ± 101,000 ± 10');
    expect(text).toContain('widget fill rate90.0% ± 1.0%99.0% ± 1.0%');
  });

  it('comparison-list gives the verdict first, then the other paired differences in plain language', async () => {
    await mount('comparison-list', { result: RESULT });
    const items = await app.page.locator('body > comparison-list.under-test li').allTextContents();
    expect(items.map(squash)).toEqual([
      'Lean costs 12.0% less than Fat (95% CI 8.0–16.0%), but lower service for widget.',
      'Lean holds 20.0% less work in process than Fat (95% CI 10.0–30.0%)',
    ]);
  });

  it('scenario-editor lists problems with line and path and sends the edited text up', async () => {
    await mount('scenario-editor', {
      text: 'name: x\n',
      file: 'x.yaml',
      issues: [
        {
          file: 'x.yaml',
          path: 'items.a.initial',
          line: 4,
          message: 'x.yaml: items.a.initial: expected a number >= 0, got -1',
          text: 'expected a number >= 0, got -1',
        },
        // A CSV trace's row: its own file and line (not one of the editor's), its message whole.
        {
          file: 'data/d.csv',
          path: 'demand[0].trace',
          line: 3,
          message: 'data/d.csv:3: expected a quantity > 0, got -2',
          text: 'expected a quantity > 0, got -2',
        },
      ],
    });
    const editor = app.page.locator('body > scenario-editor.under-test');
    expect((await editor.locator('li').allTextContents()).map(squash)).toEqual([
      'line 4: items.a.initial: expected a number >= 0, got -1',
      'data/d.csv line 3 (from demand[0].trace): expected a quantity > 0, got -2',
    ]);
    expect(await editor.getByRole('button', { name: 'line 3' }).count()).toBe(0);
    expect(await editor.locator('textarea').getAttribute('aria-invalid')).toBe('true');
    const sent = editor.evaluate(
      (el) => new Promise<string>((resolve) => el.addEventListener('scenario-input', (e) => resolve((e as CustomEvent<string>).detail), { once: true })),
    );
    await editor.locator('textarea').fill('name: y\n');
    expect(await sent).toBe('name: y\n');
  });

  it('strategy-sliders groups sliders by strategy, labels them and sends the path and value of a move', async () => {
    await mount('strategy-sliders', {
      replications: 12,
      sliders: [
        { path: 'strategies.Lean.items.widget.policy.cards', label: 'widget cards', strategies: ['Lean'], value: 4, min: 0, max: 20, step: 1 },
        { path: 'items.widget.buy.leadTime', label: 'widget lead time', strategies: ['Lean', 'Fat'], value: 2, min: 0.1, max: 10, step: 0.1 },
      ],
    });
    const sliders = app.page.locator('body > strategy-sliders.under-test');
    expect((await sliders.locator('legend').allTextContents()).map(squash)).toEqual(['Run', 'Lean', 'All strategies']);
    await expect.poll(() => sliders.getByLabel('widget cards').inputValue()).toBe('4');
    const sent = sliders.evaluate((el) => new Promise((resolve) => el.addEventListener('override', (e) => resolve((e as CustomEvent).detail), { once: true })));
    await sliders.getByLabel('widget cards').evaluate((input: HTMLInputElement) => {
      input.value = '7';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await sent).toEqual({ path: 'strategies.Lean.items.widget.policy.cards', value: 7 });
  });

  it('theory-panel explains how to get formulas when nothing was derived', async () => {
    await mount('theory-panel', { rows: [] });
    expect(squash(await shadowText('theory-panel'))).toContain('No derived values: set quantity: eoq');
  });

  it('theory-panel puts a formula beside what the simulation found, with the gap in percent', async () => {
    await mount('theory-panel', {
      rows: [
        {
          strategy: 'EOQ',
          item: 'part',
          formula: 'EOQ = √(2·K·D/h) = 400 → 400',
          predicted: { label: 'ordering + cycle-stock holding cost', value: 1000 },
          simulated: { label: 'ordering/setup + holding cost', kpi: 'totalCost', value: 1100, halfWidth: 20, measured: true },
          note: 'a note',
        },
      ],
    });
    const text = squash(await shadowText('theory-panel'));
    expect(text).toContain('EOQ · part');
    expect(text).toContain('Formula: ordering + cycle-stock holding cost 1,000.');
    expect(text).toContain('Simulation: ordering/setup + holding cost 1,100 ± 20 (+10.0% against the formula).');
  });

  it('theory-panel says there is no interval after one replication instead of "± 0", and fill rates as percentages', async () => {
    await mount('theory-panel', {
      rows: [
        {
          strategy: 'EOQ',
          item: 'part',
          formula: 'ROP = …',
          predicted: { label: 'cycle service level aimed at', value: 0.95 },
          simulated: { label: 'fill rate', kpi: 'fillRate', value: 0.9, halfWidth: null, measured: true },
          note: 'a note',
        },
      ],
    });
    const text = squash(await shadowText('theory-panel'));
    expect(text).toContain('Formula: cycle service level aimed at 95.0%.');
    expect(text).toContain('Simulation: fill rate 90.0% (1 replication, no interval).');
    expect(text).not.toContain('±');
  });

  it('warning-list says what its folded notes are about: the data read, precision', async () => {
    const note = (code: string, message: string) => ({ code, path: 'demand[0].trace', message, level: 'note' });
    await mount('warning-list', { warnings: [note('history-read', 'orders.csv: 3 rows were out of time order and were sorted (stably)')] });
    expect(
      squash(
        await app.page
          .locator('body > warning-list.under-test')
          .last()
          .evaluate((el) => el.shadowRoot!.querySelector('summary')!.textContent),
      ),
    ).toBe('1 note on the data read');
    await mount('warning-list', {
      warnings: [note('history-read', 'orders.csv: 3 rows were sorted'), note('too-few-replications', 'widget.fillRate is 0.9 ± 0.05')],
    });
    // A second element is mounted beside the first: read the newest.
    expect(
      squash(
        await app.page
          .locator('body > warning-list.under-test')
          .last()
          .evaluate((el) => el.shadowRoot!.querySelector('summary')!.textContent),
      ),
    ).toBe('2 notes on the data read and precision');
  });

  it('warning-list shows nothing at all without warnings', async () => {
    await mount('warning-list', { warnings: [] });
    const host = app.page.locator('body > warning-list.under-test');
    expect(squash(await shadowText('warning-list'))).toBe('');
    expect((await host.boundingBox())?.height ?? 0).toBe(0);
  });

  it('warning-list shows each message as text with the strategy it concerns and where it comes from', async () => {
    await mount('warning-list', {
      warnings: [
        {
          code: 'unstable-load',
          path: 'machines.press',
          message: 'Machine press needs 125% of its time <img src=x onerror=alert(1)>.',
          strategies: ['JIT, long setups', 'EOQ'],
        },
        { code: 'one-replication', path: 'run.replications', message: 'With one replication no interval.' },
      ],
    });
    const list = app.page.locator('body > warning-list.under-test').getByRole('list', { name: 'Warnings' });
    expect((await list.locator('li').allTextContents()).map(squash)).toEqual([
      'JIT, long setups, EOQ: Machine press needs 125% of its time <img src=x onerror=alert(1)>. machines.press',
      'All strategies: With one replication no interval. run.replications',
    ]);
    expect(await list.locator('img').count()).toBe(0);
    expect(squash(await app.page.locator('body > warning-list.under-test summary').textContent())).toBe('⚠ 2 warnings: read before trusting these numbers');
    expect(await app.page.locator('body > warning-list.under-test').getByRole('img', { name: 'Warning' }).count()).toBe(1);
    expect(app.dialogs).toEqual([]);
  });

  it('kpi-table marks with † the KPIs a warning puts in doubt, for the strategies it concerns', async () => {
    await mount('kpi-table', {
      colours: ['#0072B2', '#E69F00'],
      result: {
        ...RESULT,
        strategies: [{ ...RESULT.strategies[0], name: 'Lean, small lots' }, RESULT.strategies[1]],
        warnings: [
          { code: 'growing-backlog', path: 'items.widget', message: 'grows', strategies: ['Fat', 'Lean, small lots'], kpis: ['widget.avgBackorders'] },
          { code: 'growing-wip', path: 'items.widget', message: 'grows', strategies: ['Fat'], kpis: ['wip'] },
          { code: 'censored-waits', path: 'items.widget', message: 'waits', kpis: ['avgCustomerWait', 'press.utilization'] },
        ],
      },
    });
    const rows = await app.page
      .locator('body > kpi-table.under-test tbody tr')
      .evaluateAll((trs) =>
        Object.fromEntries(
          trs.map((tr) => [
            tr.querySelector('th')!.textContent!.trim(),
            [...tr.querySelectorAll('td')].map((td) => (td.textContent!.includes('†') ? '†' : '')),
          ]),
        ),
      );
    expect(rows['widget avg backorders']).toEqual(['†', '†']);
    expect(rows['WIP']).toEqual(['', '†']);
    expect(rows['Customer wait']).toEqual(['†', '†']);
    expect(rows['Total cost']).toEqual(['', '']);
    // WIP and flow time of an item are rows only when some strategy has them.
    expect(Object.keys(rows)).not.toContain('widget WIP');
    expect(
      await app.page.locator('body > kpi-table.under-test td[title="not a steady-state value: it keeps changing through the run (see the warnings)"]').count(),
    ).toBe(5);
    expect(squash(await app.page.locator('body > kpi-table.under-test .footnote').textContent())).toBe(
      '† not a steady-state value: it keeps changing through the run (see the warnings).',
    );
  });

  it('kpi-table says "1 replication, no interval" when there is none', async () => {
    const one = (mean: number) => ({ mean, sd: 0, ci95: null, n: 1 });
    await mount('kpi-table', {
      colours: ['#0072B2', '#E69F00'],
      result: { ...RESULT, replications: 1, strategies: RESULT.strategies.map((s) => ({ ...s, kpis: { ...s.kpis, totalCost: one(900) } })) },
    });
    const text = squash(await shadowText('kpi-table'));
    expect(text).toContain('Total cost900 (1 replication, no interval)900 (1 replication, no interval)');
    expect(await app.page.locator('body > kpi-table.under-test .footnote').count()).toBe(0);
  });
});
