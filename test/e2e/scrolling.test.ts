// The header sticks to the top of the window: whatever is scrolled into view (a card, a focused
// control) stops below it, not under it (the page's scroll padding follows the header's height).
// On a phone it scrolls away with the page instead: wrapped, it would keep a fifth of the screen.
import { describe, expect, it } from 'vitest';
import { useSuite } from './harness.js';

const suite = useSuite('scrolling');

describe('scrolling into view', () => {
  it('stops a card and a focused control below the sticky header', async () => {
    const app = await suite.open();
    const header = (await app.page.locator('sawtooth-app header').boundingBox())!;
    const card = app.page.locator('sawtooth-app section.replay');
    await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await expect.poll(async () => (await card.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect((await card.boundingBox())!.y).toBeLessThan(header.y + header.height + 40);

    // Back to the top, then the keyboard's focus on a control far below.
    await app.page.evaluate(() => window.scrollTo(0, 0));
    const button = app.page.locator('sawtooth-app section.replay').getByRole('button', { name: 'Play' });
    await button.focus();
    await expect.poll(async () => (await button.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height);
    expect(app.errors).toEqual([]);
  });

  it('lets the header scroll away on a phone, and nothing is kept clear of it', async () => {
    const app = await suite.open();
    await app.page.setViewportSize({ width: 390, height: 844 });
    const header = app.page.locator('sawtooth-app header');
    await expect.poll(() => app.page.evaluate(() => document.documentElement.style.scrollPaddingTop)).toBe('8px');
    const card = app.page.locator('sawtooth-app section.replay');
    await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const box = (await header.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(0);
    expect((await card.boundingBox())!.y).toBeLessThan(40);
    // Back to a laptop's window: the header sticks again and the padding follows it.
    await app.page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await header.boundingBox())!.y).toBe(0);
    await expect.poll(() => app.page.evaluate(() => parseFloat(document.documentElement.style.scrollPaddingTop))).toBeGreaterThan(40);
    expect(app.errors).toEqual([]);
  });
});
