// The replay: a time scrubber over the first replication. The keyboard moves it, the diagram shows
// the levels sim's replayFrame gives for that instant (computed here, in Node, from the same
// scenario, seed and buckets), the Gantt's rule follows, play advances time and pause stops it, and
// every bundled scenario opens its replay without an error.
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, replayFrame, runExperiment, type ExperimentResult } from '../../sim/index.js';
import { ROOT, RUN_TIMEOUT, SCREENSHOTS, scenarioText, useSuite, type AppPage } from './harness.js';

const suite = useSuite('replay');

const BUNDLED = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

/** The panel's state as the page shows it: the instant, the buckets of its series, each node's numbers. */
async function shown(app: AppPage) {
  return app.page.locator('replay-panel').evaluate((panel) => {
    const root = panel.shadowRoot!;
    const svg = root.querySelector('svg.replay');
    const nodes = Object.fromEntries(
      [...root.querySelectorAll('g.replay-values')].map((g) => {
        const rows = Object.fromEntries([...g.querySelectorAll('text[data-row]')].map((t) => [(t as SVGTextElement).dataset.row!, t.textContent ?? '']));
        const data = (g as SVGGElement).dataset;
        return [data.id!, { onHand: data.onHand, state: data.state, queue: data.queue, rows }];
      }),
    );
    return {
      time: Number(root.querySelector('output.time')?.getAttribute('data-time')),
      timeText: root.querySelector('output.time')?.textContent ?? '',
      svgTime: Number(svg?.getAttribute('data-time')),
      buckets: Number(svg?.getAttribute('data-buckets')),
      nodes,
      notes: [...root.querySelectorAll('.notes li')].map((li) => li.textContent ?? ''),
      playing: root.querySelector('button.play')?.textContent?.trim() === 'Pause',
    };
  });
}

/** The Gantt chart's rule: the value of its signal, from the Vega view. */
async function rule(app: AppPage): Promise<number | null> {
  return app.page
    .locator('replay-panel chart-view')
    .evaluate((v) => {
      const view = (v as HTMLElement & { view: { signal(name: string): unknown } | null }).view;
      return view ? Number(view.signal('replay_at')) : null;
    })
    .catch(() => null);
}

/** The panel on screen, waiting for its diagram. */
async function panelReady(app: AppPage): Promise<void> {
  const panel = app.page.locator('replay-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect.poll(() => panel.locator('svg.replay').count(), { timeout: RUN_TIMEOUT }).toBe(1);
}

async function shoot(app: AppPage, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // Scrolled so the sticky header does not cover the card's top, then cut out of the page.
  const section = app.page.locator('sawtooth-app section.replay');
  await section.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  const box = (await section.boundingBox())!;
  await app.page.screenshot({ path, clip: box });
  mkdirSync('/tmp/shots', { recursive: true });
  copyFileSync(path, join('/tmp/shots', `${name}.png`));
}

/** The first replication of `strategy` as the page ran it: the same scenario and seed, series in the page's buckets. */
function sameRun(id: string, strategy: string, buckets: number): ExperimentResult {
  const file = `scenarios/${id}.yaml`;
  const scenario = loadScenario(scenarioText(id), { file });
  // The level series depend on their bucket count only: maxPoints 3B + 2 gives B buckets.
  return runExperiment(scenario, { replications: 1, strategies: [strategy], series: { maxPoints: 3 * buckets + 2, replay: true } });
}

describe('the replay', () => {
  it('scrubs by keyboard and shows the levels replayFrame gives; the Gantt rule follows; play advances, pause stops', async () => {
    const app = await suite.open();
    expect(await app.picker.inputValue()).toBe('jit-eoq-batch');
    // Far below the first screen, the card draws nothing until it is scrolled into view.
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await app.page.locator('replay-panel svg.replay').count()).toBe(0);
    await panelReady(app);
    const scrubber = app.page.locator('replay-panel input.scrubber');
    expect(await scrubber.getAttribute('aria-label')).toBe('Time in the first replication');
    await scrubber.focus();

    await app.page.keyboard.press('End');
    await expect.poll(() => shown(app).then((s) => s.time)).toBe(365);
    expect((await shown(app)).timeText).toBe('day 365.0 of 365');
    await app.page.keyboard.press('Home');
    await expect.poll(() => shown(app).then((s) => s.time)).toBe(0);
    // An arrow key moves one step (a day in a year's run).
    for (let i = 0; i < 40; i++) await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => shown(app).then((s) => s.time)).toBe(40);
    await app.page.keyboard.press('ArrowLeft');
    await expect.poll(() => shown(app).then((s) => s.time)).toBe(39);

    // The diagram's numbers are those sim gives for day 39 of JIT's first replication.
    let page = await shown(app);
    expect(page.svgTime).toBe(39);
    expect(page.buckets).toBeGreaterThan(50);
    const run = sameRun('jit-eoq-batch', 'JIT', page.buckets);
    let frame = replayFrame(run, 'JIT', 39);
    expect(page.nodes['stock:widget'].onHand).toBe(String(frame.items.widget.onHand.value));
    expect(page.nodes['stock:widget'].rows.onHand).toBe(frame.items.widget.onHand.text);
    expect(page.nodes['stock:steel'].rows.onHand).toBe(frame.items.steel.onHand.text);
    expect(page.nodes['machine:press'].rows.queue).toBe(frame.machines.press.queue.text);
    expect(page.nodes['machine:press'].state).toMatch(/^(busy|setup|down|starved|blocked|idle)$/);
    if (frame.items.widget.backorders !== null) expect(page.nodes['stock:widget'].rows.backorders).toBe(frame.items.widget.backorders.text);
    // The Gantt's rule is at day 39.
    await expect.poll(() => rule(app), { timeout: 10_000 }).toBe(39);
    await shoot(app, 'replay-jit-day-39');

    // Another instant, by page: the numbers follow.
    await app.page.keyboard.press('PageUp');
    await expect.poll(() => shown(app).then((s) => s.time)).toBeGreaterThan(39);
    page = await shown(app);
    frame = replayFrame(run, 'JIT', page.time);
    expect(page.nodes['stock:widget'].rows.onHand).toBe(frame.items.widget.onHand.text);
    expect(page.nodes['machine:press'].rows.queue).toBe(frame.machines.press.queue.text);
    await expect.poll(() => rule(app), { timeout: 10_000 }).toBe(page.time);

    // Play advances time; pause stops it.
    const play = app.page.locator('replay-panel button.play');
    await play.click();
    await expect.poll(() => shown(app).then((s) => s.playing)).toBe(true);
    const from = page.time;
    await expect.poll(() => shown(app).then((s) => s.time), { timeout: 10_000 }).toBeGreaterThan(from + 5);
    await play.click();
    await expect.poll(() => shown(app).then((s) => s.playing)).toBe(false);
    const paused = (await shown(app)).time;
    await app.page.waitForTimeout(600);
    expect((await shown(app)).time).toBe(paused);
    expect(await rule(app)).toBe(paused);
    await shoot(app, 'replay-jit-paused');

    // The strategy picker replays another strategy's run at the same instant.
    await app.page.locator('replay-panel select').first().selectOption('Batch');
    await expect
      .poll(() => shown(app).then((s) => s.nodes['stock:widget']?.rows.onHand))
      .toBe(replayFrame(sameRun('jit-eoq-batch', 'Batch', page.buckets), 'Batch', paused).items.widget.onHand.text);
    expect(app.errors).toEqual([]);
  });

  it('says in words where a level is approximate, and lists the numbers of the instant', async () => {
    const app = await suite.open();
    await panelReady(app);
    await app.page.locator('replay-panel input.scrubber').focus();
    for (let i = 0; i < 100; i++) await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => shown(app).then((s) => s.time)).toBe(100);
    const page = await shown(app);
    const frame = replayFrame(sameRun('jit-eoq-batch', 'JIT', page.buckets), 'JIT', 100);
    // The ≈ note as sim words it (the timeline's slice, in the other note, follows the page's chart width, not its buckets).
    expect(page.notes[0]).toBe(frame.notes[0]);
    expect(page.notes[0]).toMatch(/^≈: the replay keeps, per [\d.]+ day of the run, each level's lowest, highest and last value/);
    expect(page.notes[1]).toMatch(/^A machine's state is the one that held most of its slice of [\d.]+ day/);
    const details = app.page.locator('replay-panel details.numbers');
    await details.locator('summary').click();
    const rows = await details
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    const { steel } = frame.items;
    expect(rows[0]).toEqual(['steel', steel.onHand.text, steel.onHand.range || 'exact', steel.backorders?.text ?? '—']);
    const { press } = frame.machines;
    expect(rows).toContainEqual(['press', press.stateText, press.queue.text, press.queue.range || 'exact']);
  });

  it('opens on every bundled scenario without an error, from start to end', async () => {
    const app = await suite.open();
    for (const id of BUNDLED) {
      if ((await app.picker.inputValue()) !== id) await app.pick(id);
      await panelReady(app);
      const scenario = loadScenario(scenarioText(id), { file: `scenarios/${id}.yaml`, readFile: (path) => readFileSync(join(ROOT, path), 'utf8') });
      const { horizon } = scenario.time;
      const machines = Object.keys(scenario.compiled[scenario.strategies[0]].document.machines).length;
      await app.page.locator('replay-panel input.scrubber').focus();
      await app.page.keyboard.press('End');
      await expect.poll(() => shown(app).then((s) => s.time), { message: id }).toBe(horizon);
      const page = await shown(app);
      // A number in every stock point and machine of the plant.
      const items = Object.keys(scenario.compiled[scenario.strategies[0]].document.items).length;
      expect(Object.keys(page.nodes), id).toHaveLength(items + machines);
      for (const node of Object.values(page.nodes))
        expect(
          Object.values(node.rows).every((text) => text !== ''),
          id,
        ).toBe(true);
      if (machines > 0) await expect.poll(() => rule(app), { timeout: 10_000, message: id }).not.toBeNull();
      else expect(await app.page.locator('replay-panel chart-view').count(), id).toBe(0);
      if (id === 'bottleneck-line' || id === 'erp-history-kanban') await shoot(app, `replay-${id}-end`);
      await app.page.keyboard.press('Home');
      await expect.poll(() => shown(app).then((s) => s.time), { message: id }).toBe(0);
    }
    expect(app.errors).toEqual([]);
  }, 300_000);
});
