// Playing a stage: the Beer Game's `play: { item: retailer }` lets a student order for the retailer,
// turn by turn, with the keyboard only; after the 36th order, a debrief on the same demand puts the
// student beside Sterman's rule. The game is kept in the session (a reload keeps it) and travels in
// the share link.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN_TIMEOUT, squash, useSuite, type AppPage } from './harness.js';

const suite = useSuite('play');
const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const panel = (app: AppPage) => app.page.locator('play-panel');
const turnHeading = (app: AppPage) => panel(app).locator('h3.turn');
const orderBox = (app: AppPage) => panel(app).locator('input#order');
const figure = async (app: AppPage, name: string) => squash(await panel(app).locator(`dd[data-figure="${name}"]`).textContent());

/** True when the order box is the focused element (inside the panel's shadow root). */
function orderBoxFocused(app: AppPage): Promise<boolean> {
  return app.page.evaluate(() => {
    const host = document.querySelector('sawtooth-app')?.shadowRoot?.querySelector('play-panel');
    return host?.shadowRoot?.activeElement?.id === 'order';
  });
}

/** Types an order and presses Enter, as a student at the keyboard does, and waits for the next turn (or the debrief). */
async function order(app: AppPage, units: string, period: number): Promise<void> {
  await app.page.keyboard.type(units);
  await app.page.keyboard.press('Enter');
  if (period < 36) await expect.poll(() => turnHeading(app).textContent()).toBe(`Week ${period + 1} of 36`);
  else await panel(app).locator('h3.debrief').waitFor();
}

/** A student's game: steady at first, then panicking when the backlog grows, then drowning in beer. */
const ORDERS = Array.from({ length: 36 }, (_, i) => String(i < 5 ? 4 : i < 12 ? 12 + (i % 3) : i < 20 ? 6 : 8));

async function startBeerGame(app: AppPage, shot = false): Promise<void> {
  await app.pick('beer-game');
  const start = panel(app).getByRole('button', { name: 'Play the retailer' });
  if (shot) {
    await start.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: join(SHOTS, 'play-start-page.png') });
  }
  await start.focus();
  await app.page.keyboard.press('Enter');
  await expect.poll(() => turnHeading(app).textContent()).toBe('Week 1 of 36');
  // The order box has the focus: the student types straight away.
  expect(await orderBoxFocused(app)).toBe(true);
}

describe('playing the retailer of the Beer Game', () => {
  it('plays a whole game by keyboard, gets a debrief, keeps it over a reload and shares it as a link', async () => {
    const app = await suite.open();
    await startBeerGame(app);
    expect(await app.page.locator('sawtooth-app .play-card h2').textContent()).toBe('Play the retailer yourself');
    expect(await figure(app, 'onHand')).toBe('12');
    expect(await figure(app, 'supplyLine')).toBe('0');

    for (let k = 0; k < 36; k++) {
      if (k === 6) {
        // Week 7: what was ordered in weeks 1–6 is on its way or in; the retailer is short.
        expect(await figure(app, 'supplyLine')).not.toBe('0');
        expect(await figure(app, 'incomingOrders')).toBe('8');
        await panel(app).screenshot({ path: join(SHOTS, 'play-turn.png') });
      }
      await order(app, ORDERS[k], k + 1);
      if (k < 35) expect(await orderBoxFocused(app)).toBe(true);
    }

    const debrief = panel(app).locator('h3.debrief');
    expect(squash(await debrief.textContent())).toBe("Debrief: you against the retailer’s policy (“Sterman's players (anchor and adjust)”)");
    // Focus moves to the debrief, so a screen reader reads it next.
    expect(
      await app.page.evaluate(() => document.querySelector('sawtooth-app')?.shadowRoot?.querySelector('play-panel')?.shadowRoot?.activeElement?.className),
    ).toBe('debrief');
    const summary = squash(await panel(app).locator('.summary').textContent());
    expect(summary).toMatch(/^You ordered [\d.,]+× as erratically as the orders you received .*; the policy 16\.48×\./);
    expect(summary).toMatch(/the whole chain cost [\d.,]+ EUR with you and 4,279 EUR with the policy\./);
    const cells = await panel(app)
      .locator('table.totals tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent!.trim())));
    expect(cells[0][0]).toBe('Cost of the retailer');
    expect(cells[1]).toEqual(['Cost of the whole chain', expect.stringMatching(/ EUR$/), '4,279 EUR']);
    await expect.poll(() => app.chartDrawn('play-panel #chart-play'), { timeout: RUN_TIMEOUT }).toBe(true);
    await expect.poll(() => app.chartDrawn('play-panel #chart-play-stock'), { timeout: RUN_TIMEOUT }).toBe(true);
    await expect.poll(() => app.chartDrawn('play-panel #chart-play-bullwhip'), { timeout: RUN_TIMEOUT }).toBe(true);
    // The orders chart: 36 weeks of the student's orders and the policy's, from the game itself.
    const points = (await app.markItems('play-panel #chart-play', 'symbol')).filter((p) => p.datum.period !== undefined); // not the legend's
    expect(points.length).toBe(2 * 36);
    const mine = points.filter((p) => p.datum.who === 'You').map((p) => p.datum.value);
    expect(mine).toEqual(ORDERS.map(Number));
    // The net stock chart starts where the game did: 12 cases on hand.
    const stock = (await app.markItems('play-panel #chart-play-stock', 'symbol')).filter((p) => p.datum.period === 1);
    expect(stock.map((p) => p.datum.value)).toEqual([12, 12]);
    const bars = await app.markItems('play-panel #chart-play-bullwhip', 'rect');
    expect(bars.map((b) => `${String(b.datum.stage)}/${String(b.datum.who)}`).sort()).toEqual(
      ['retailer', 'wholesaler', 'distributor', 'factory'].flatMap((s) => [`${s}/Policy`, `${s}/You`]).sort(),
    );
    await app.page.setViewportSize({ width: 1280, height: 2200 });
    await panel(app).screenshot({ path: join(SHOTS, 'play-debrief.png') });
    await app.page.setViewportSize({ width: 1280, height: 800 });

    // A reload keeps the game: the debrief is still there.
    await app.reload();
    await panel(app).locator('h3.debrief').waitFor({ timeout: RUN_TIMEOUT });
    expect(squash(await panel(app).locator('.summary').textContent())).toBe(summary);

    // "Share this game", by keyboard: the link reopens the debrief in a fresh browser.
    await panel(app).getByRole('button', { name: 'Share this game' }).focus();
    await app.page.keyboard.press('Enter');
    await expect
      .poll(async () => squash(await panel(app).locator('p[role="status"]').textContent()))
      .toMatch(/^The link to this game is in the box below the page’s header/);
    await app.page.screenshot({ path: join(SHOTS, 'play-shared.png') });
    const link = await app.page.locator('sawtooth-app .share input').inputValue();
    expect(link).toMatch(/#s=/);
    const other = await suite.open(link);
    await panel(other).locator('h3.debrief').waitFor({ timeout: RUN_TIMEOUT });
    expect(squash(await panel(other).locator('.summary').textContent())).toBe(summary);
    expect(app.errors).toEqual([]);
    expect(other.errors).toEqual([]);
  }, 240_000);

  it('refuses a bad order in words and keeps the turn; a game in progress survives a reload', async () => {
    const app = await suite.open();
    await startBeerGame(app, true);
    await order(app, '4', 1);
    await order(app, '6', 2);
    await app.page.keyboard.type('-3');
    await app.page.keyboard.press('Enter');
    await expect
      .poll(async () => squash(await panel(app).locator('#order-problem').textContent()))
      .toBe('An order cannot be negative (got -3); order 0 to order nothing.');
    await panel(app).screenshot({ path: join(SHOTS, 'play-bad-order.png') });
    expect(await turnHeading(app).textContent()).toBe('Week 3 of 36');
    expect(await orderBox(app).getAttribute('aria-invalid')).toBe('true');
    await orderBox(app).fill('');
    await app.page.keyboard.press('Enter');
    await expect.poll(async () => squash(await panel(app).locator('#order-problem').textContent())).toBe('Type how many units to order (0 orders nothing).');
    // Week 3: the supply line holds both orders, nothing has arrived yet.
    expect(await figure(app, 'supplyLine')).toBe('10');
    await app.reload();
    await expect.poll(() => turnHeading(app).textContent(), { timeout: RUN_TIMEOUT }).toBe('Week 3 of 36');
    expect(await figure(app, 'supplyLine')).toBe('10');
    // Taking back the last order goes back a week.
    await panel(app).getByRole('button', { name: 'Take back the last order' }).focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => turnHeading(app).textContent()).toBe('Week 2 of 36');
    expect(await figure(app, 'supplyLine')).toBe('4');
    expect(app.errors).toEqual([]);
  }, 120_000);
});
