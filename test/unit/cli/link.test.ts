import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShareState } from '../../../sim/report/index.js';
import { cli, fixture } from './run-cli.js';

// `sawtooth link`: the page's share link from the command line. What it carries is read back with
// the page's own decoder (the same code: sim/report/share-link.ts).

async function stateOf(link: string) {
  const decoded = await decodeShareState(link.slice(link.indexOf('#')));
  expect(decoded.kind).toBe('state');
  return decoded.kind === 'state' ? decoded.state : null;
}

describe('sawtooth link', () => {
  it('names a bundled scenario unchanged, with the settings given', async () => {
    const { code, out, err } = await cli('link', 'scenarios/jit-eoq-batch.yaml', '--set', 'strategies.JIT.items.widget.policy.cards=6', '--reps', '12');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^http:\/\/localhost:5173\/#s=[A-Za-z0-9_-]+\n$/);
    expect(await stateOf(out.trim())).toEqual({ scenario: 'jit-eoq-batch', overrides: { 'strategies.JIT.items.widget.policy.cards': 6 }, replications: 12 });
  });

  it('carries any other file whole, at the base given, with the file’s replications (at most the page’s 100)', async () => {
    const { code, out } = await cli('link', fixture, '--base', 'https://plant.example.com/sawtooth/');
    expect(code).toBe(0);
    expect(out.startsWith('https://plant.example.com/sawtooth/#s=')).toBe(true);
    expect(await stateOf(out.trim())).toEqual({ scenario: 'small-plant', text: readFileSync(fixture, 'utf8'), overrides: {}, replications: 8 });
    const many = await cli('link', fixture, '--reps', '500');
    expect(many.err).toBe('note: the page runs at most 100 replications; the link asks for 100\n');
    expect((await stateOf(many.out.trim()))!.replications).toBe(100);
  });

  it('refuses what a link cannot carry or a scenario the page would refuse, one line each, exit 2', async () => {
    const refused = async (args: string[], message: RegExp): Promise<void> => {
      const { code, out, err } = await cli('link', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(message);
    };
    await refused([fixture, '--set', 'items.widget.buy={leadTime: 3}'], /--set items\.widget\.buy: a link carries numbers, texts and true\/false only/);
    await refused([fixture, '--json'], /--json: a link carries the scenario, its --set values and --reps only/);
    await refused([fixture, '--base', 'ftp://x'], /--base: expected an http\(s\) URL/);
    await refused([fixture, '--set', 'items.widget.policy.quantity=-3'], /items\.widget\.policy\.quantity: expected a number > 0/);
  });

  it('has help with an example', async () => {
    const { code, out } = await cli('link', '--help');
    expect(code).toBe(0);
    expect(out).toContain('sawtooth link FILE');
  });
});
