// The header sticks to the top of the window: whatever is scrolled into view (a card, a focused
// control) stops below it, not under it (the page's scroll padding follows the header's height).
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
});
