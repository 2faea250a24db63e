// `sawtooth link` makes the page's own links: for a bundled scenario moved by a slider, the page's
// "Share link" and the command line open the same state, and a link the command line made for a
// file of its own opens on the page with that file's scenario and settings.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShareState } from '../../sim/index.js';
import { cli } from '../unit/cli/run-cli.js';
import { squash, useSuite } from './harness.js';

const suite = useSuite('links');

/** The link `sawtooth link` prints, for the page this suite serves. */
async function cliLink(...args: string[]): Promise<string> {
  const { code, out, err } = await cli('link', ...args, '--base', suite.url);
  expect(err).toBe('');
  expect(code).toBe(0);
  return out.trim();
}

describe('links made by the command line', () => {
  it('are the links the page makes: the same scenario and settings once opened', async () => {
    const app = await suite.open();
    await app.pick('eoq-cost-curve');
    const slider = app.page.locator('strategy-sliders input[type="range"][data-path$="policy.quantity"]').first();
    const path = (await slider.getAttribute('data-path'))!;
    const [value, step] = await Promise.all([slider.inputValue(), slider.getAttribute('step')]).then((xs) => xs.map(Number));
    await app.moveSlider(path, value + 5 * step);
    const moved = Number(await app.sliderLabel(path));
    await app.button('Share link').click();
    const box = app.page.locator('sawtooth-app .share input');
    await expect.poll(() => box.inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const pageLink = await box.inputValue();
    const replications = await app.page.locator('strategy-sliders input[type="range"][data-path="replications"]').inputValue();
    const args = ['scenarios/eoq-cost-curve.yaml', '--set', `${path}=${moved}`, '--reps', replications];
    // Node's zlib and the browser's compress the same JSON to different bytes: compare what the links open.
    const opened = async (link: string) => decodeShareState(link.slice(link.indexOf('#')));
    const made = await cliLink(...args);
    expect(made.slice(0, made.indexOf('#'))).toBe(pageLink.slice(0, pageLink.indexOf('#')));
    expect(await opened(made)).toEqual(await opened(pageLink));
    expect(await opened(made)).toMatchObject({ kind: 'state', state: { scenario: 'eoq-cost-curve', overrides: { [path]: moved } } });
  });

  it('carry a file of their own whole, and the page opens it with its settings', async () => {
    const link = await cliLink('test/fixtures/small-plant.yaml', '--set', 'items.widget.policy.quantity=120', '--reps', '4');
    const app = await suite.open(link);
    expect(await app.problems.count()).toBe(0);
    expect(squash(await app.heading.textContent())).toBe('Small plant');
    expect(await app.editor.inputValue()).toContain('name: Small plant');
    expect(await app.sliderLabel('items.widget.policy.quantity')).toBe('120');
    expect(app.errors).toEqual([]);
  });

  it('from the page, for a challenge, are graded by sawtooth grade (they carry the challenge fingerprint)', async () => {
    const app = await suite.open();
    await app.pick('challenge-beat-the-batch');
    const path = 'strategies.Yours.items.widget.policy.containerSize';
    const slider = app.page.locator(`strategy-sliders input[type="range"][data-path="${path}"]`);
    const [value, step] = await Promise.all([slider.inputValue(), slider.getAttribute('step')]).then((xs) => xs.map(Number));
    await app.moveSlider(path, value + 10 * step);
    const moved = Number(await app.sliderLabel(path));
    await app.button('Share link').click();
    const box = app.page.locator('sawtooth-app .share input');
    await expect.poll(() => box.inputValue()).toMatch(/#s=[A-Za-z0-9_-]+$/);
    const links = join(mkdtempSync(join(tmpdir(), 'sawtooth-')), 'links.txt');
    writeFileSync(links, `Ada ${await box.inputValue()}\n`);
    const { code, out } = await cli('grade', links, '--challenge', 'scenarios/challenge-beat-the-batch.yaml', '--json', '--workers', '1');
    expect(code).toBe(0);
    const board = JSON.parse(out) as { entries: { name: string; values: Record<string, number> }[]; refused: unknown[] };
    expect(board.refused).toEqual([]);
    expect(board.entries.map((e) => e.name)).toEqual(['Ada']);
    expect(board.entries[0].values).toEqual({ [path]: moved });
  });
});
