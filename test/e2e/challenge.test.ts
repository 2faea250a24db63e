// Challenge mode: a scenario with a `challenge` block shows the challenge card (goal panel, score,
// Submit), lets only the challenge's levers move and keeps the YAML read-only. A student who moves
// the levers to a winning setting sees the goal met; the link Submit gives reopens those values,
// and `sawtooth grade` ranks it (the CLI grades links the page produced).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../unit/cli/run-cli.js';
import { RUN_TIMEOUT, SCREENSHOTS, squash, useSuite, type AppPage } from './harness.js';

const suite = useSuite('challenge');

const ID = 'challenge-cheapest-kanban';
const CARDS = 'strategies.Yours.items.bracket.policy.cards';
const SIZE = 'strategies.Yours.items.bracket.policy.containerSize';
/** The winning setting the scenario's comment and its lesson name. */
const WIN = { [CARDS]: 3, [SIZE]: 130 };
const SHOTS = SCREENSHOTS;
mkdirSync(SHOTS, { recursive: true });

const panel = (app: AppPage) => app.page.locator('challenge-panel');
const goalPanel = (app: AppPage) => app.page.locator('challenge-panel .goal-panel');
const typedBox = (app: AppPage, path: string) => app.page.locator(`strategy-sliders input[type="number"][data-lever="${path}"]`);

/** Types a lever's value in its box (as a student would: the value, then Tab) and waits for the run. */
async function typeLever(app: AppPage, path: string, value: number): Promise<void> {
  await app.settle(async () => {
    await typedBox(app, path).fill(String(value));
    await typedBox(app, path).press('Tab');
  });
}

async function shoot(app: AppPage, name: string): Promise<void> {
  await app.page.locator('sawtooth-app .challenge-card').screenshot({ path: join(SHOTS, `${name}.png`) });
}

describe('challenge mode', () => {
  it('lets only the challenge levers move, says why the rest is locked, and keeps the YAML read-only', async () => {
    const app = await suite.open();
    await app.pick(ID);
    const ranges = app.page.locator('strategy-sliders input[type="range"]');
    const all = await ranges.evaluateAll((inputs) => inputs.map((i) => ({ path: i.getAttribute('data-path')!, disabled: (i as HTMLInputElement).disabled })));
    expect(all.filter((s) => !s.disabled).map((s) => s.path)).toEqual([CARDS, SIZE]);
    // Everything else stays in view, disabled: the replications, today's EOQ lot and reorder point, the housing's policy…
    const locked = all.filter((s) => s.disabled).map((s) => s.path);
    expect(locked).toContain('replications');
    expect(locked.length).toBeGreaterThanOrEqual(4);
    // Each locked slider is described by a note saying so (its group's, or its own in a group with levers).
    const notes = await app.page
      .locator('strategy-sliders')
      .evaluate((host) =>
        [...host.shadowRoot!.querySelectorAll('input[type="range"]:disabled')].map(
          (i) => host.shadowRoot!.getElementById(i.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
        ),
      );
    expect(notes).toHaveLength(locked.length);
    for (const note of notes) expect(note).toMatch(/locked by the challenge/i);
    // The levers come first, each with a box to type its value.
    expect(await app.page.locator('strategy-sliders fieldset').first().locator('legend').textContent()).toBe('Yours');
    expect(await app.page.locator('strategy-sliders input[type="number"]').evaluateAll((boxes) => boxes.map((b) => b.getAttribute('data-lever')))).toEqual([
      CARDS,
      SIZE,
    ]);
    await app.page.locator('strategy-sliders').screenshot({ path: join(SHOTS, 'challenge-sliders.png') });
    expect(await app.editor.getAttribute('readonly')).not.toBeNull();
    expect(squash(await app.page.locator('scenario-editor .readonly-note').textContent())).toMatch(
      /Read-only in challenge mode: the instructor fixed the plant/,
    );
    // Typing in a read-only editor changes nothing.
    await app.editor.press('End');
    await app.editor.pressSequentially('xyz');
    expect(await app.editor.inputValue()).not.toContain('xyz');
    // The card: title, goal, folded hints.
    expect(squash(await panel(app).locator('h2').textContent())).toBe('The cheapest kanban with 95% fill');
    expect(await panel(app).locator('details').getAttribute('open')).toBeNull();
    // No sweep or search for the best over the levers: it would hand out the answer.
    expect(await app.page.locator('sweep-panel').count()).toBe(0);
    expect(squash(await app.page.locator('sawtooth-app .sweep-note').textContent())).toMatch(/off in a challenge/);
    expect(app.errors).toEqual([]);
  });

  it('is not met at the start and met at the winning setting; Submit gives a link that reopens it, and sawtooth grade ranks it', async () => {
    const app = await suite.open();
    await app.pick(ID);
    await expect.poll(() => goalPanel(app).getAttribute('data-met'), { timeout: RUN_TIMEOUT }).toBe('false');
    const verdicts = () =>
      goalPanel(app)
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-kpi'), r.getAttribute('data-verdict')]));
    expect(await verdicts()).toEqual([
      ['totalCost', 'missed'],
      ['bracket.fillRate', 'missed'],
    ]);
    expect(squash(await goalPanel(app).locator('.verdict').textContent())).toMatch(/^Goal not met yet: totalCost not met; bracket\.fillRate not met/);
    expect(squash(await goalPanel(app).locator('tbody tr').first().locator('.on-interval').textContent())).toBe('✗ not met');
    expect(squash(await panel(app).locator('.standing').textContent())).toBe('infeasible (bracket.fillRate)');
    await shoot(app, 'challenge-not-met');

    for (const [path, value] of Object.entries(WIN)) await typeLever(app, path, value);
    await expect.poll(() => goalPanel(app).getAttribute('data-met'), { timeout: RUN_TIMEOUT }).toBe('true');
    expect(await verdicts()).toEqual([
      ['totalCost', 'met'],
      ['bracket.fillRate', 'met'],
    ]);
    expect(squash(await goalPanel(app).locator('.verdict').textContent())).toMatch(/^✓ Goal met/);
    expect(squash(await panel(app).locator('.standing').textContent())).toBe('met');
    for (const [path, value] of Object.entries(WIN)) expect(await app.sliderLabel(path)).toBe(String(value));
    await shoot(app, 'challenge-met');

    await panel(app).getByRole('button', { name: 'Submit', exact: true }).click();
    const box = panel(app).locator('#submission-link');
    await expect.poll(() => box.inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const link = await box.inputValue();
    const note = squash(await panel(app).locator('.submit-note').last().textContent());
    expect(note).toContain('carries your lever values (cards = 3, containerSize = 130)');
    expect(note).toContain(`made for the challenge file scenarios/${ID}.yaml`);
    await shoot(app, 'challenge-submitted');

    // Opened in a fresh page (no session): challenge mode again, with the submitted values.
    const fresh = await suite.open(link);
    expect(await fresh.picker.inputValue()).toBe(ID);
    for (const [path, value] of Object.entries(WIN)) expect(await fresh.sliderLabel(path)).toBe(String(value));
    expect(await fresh.slider('replications').isDisabled()).toBe(true);
    await expect.poll(() => goalPanel(fresh).getAttribute('data-met'), { timeout: RUN_TIMEOUT }).toBe('true');
    expect(fresh.errors).toEqual([]);

    // The command line grades the link the page produced: the same values, ranked, feasible.
    const links = join(mkdtempSync(join(tmpdir(), 'sawtooth-')), 'links.txt');
    writeFileSync(links, `Ada ${link}\n`);
    const { code, out, err } = await cli('grade', links, '--challenge', `scenarios/${ID}.yaml`, '--json', '--workers', '1');
    expect(err).toBe('');
    expect(code).toBe(0);
    const board = JSON.parse(out) as {
      entries: { name: string; rank: number; feasible: boolean; met: boolean; values: Record<string, number> }[];
      refused: unknown[];
    };
    expect(board.refused).toEqual([]);
    expect(board.entries).toMatchObject([{ name: 'Ada', rank: 1, feasible: true, met: true, values: WIN }]);
    expect(app.errors).toEqual([]);
  });

  it('gives every lever of a challenge a slider that reaches the winning setting (the Beer Game: eight levers)', async () => {
    const app = await suite.open();
    await app.pick('challenge-beer-game');
    const enabled = await app.page
      .locator('strategy-sliders input[type="range"]:not([disabled])')
      .evaluateAll((inputs) => inputs.map((i) => ({ path: i.getAttribute('data-path')!, max: Number((i as HTMLInputElement).max) })));
    expect(enabled.map((s) => s.path).sort()).toEqual(
      ['retailer', 'wholesaler', 'distributor', 'factory']
        .flatMap((s) => [`strategies.Yours.items.${s}.policy.beta`, `strategies.Yours.items.${s}.policy.targetStock`])
        .sort(),
    );
    // Beta up to 1 and target stocks up to 50 win; the sliders start at 0.34 and 17.
    for (const s of enabled) expect(s.max).toBeGreaterThanOrEqual(s.path.endsWith('beta') ? 1 : 50);
    expect(await app.page.locator('challenge-panel .goal-panel').getAttribute('data-met')).toBe('false');
    await panel(app).locator('details summary').click();
    await shoot(app, 'challenge-beer-game');
    expect(app.errors).toEqual([]);
  });
});
