import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

// A class's submissions to the bundled challenge, made with `sawtooth link` (the page's links),
// graded by `sawtooth grade`: replayed on the challenge's own replications, checked and ranked.
const challenge = 'scenarios/challenge-beat-the-batch.yaml';
const lever = 'strategies.Yours.items.widget.policy';

async function link(file: string, ...sets: string[]): Promise<string> {
  const { code, out } = await cli('link', file, ...sets.flatMap((s) => ['--set', s]));
  expect(code).toBe(0);
  return out.trim();
}

async function submissionsFile(): Promise<string> {
  const lines = [
    '# week 3',
    `Ada ${await link(challenge, `${lever}.cards=2`, `${lever}.containerSize=100`)}`,
    `Bob: ${await link(challenge, `${lever}.cards=3`, `${lever}.containerSize=60`)}`,
    `Carl ${await link(challenge, `${lever}.cards=2`, `${lever}.containerSize=30`)}`,
    `Eve ${await link(challenge, `${lever}.cards=2`, 'items.widget.make.setupCost=1')}`,
    `Mallory ${await link('scenarios/jit-eoq-batch.yaml')}`,
    '',
    await link(challenge, `${lever}.cards=2`, `${lever}.containerSize=120`),
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'sawtooth-')), 'submissions.txt');
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

describe('sawtooth grade', () => {
  it('ranks the submissions that meet the goal on its interval first, then the feasible, then the rest; refuses what it must', async () => {
    const file = await submissionsFile();
    const { code, out, err } = await cli('grade', file, '--challenge', challenge, '--json', '--workers', '1');
    expect(err).toBe('');
    expect(code).toBe(0);
    const board = JSON.parse(out);
    expect(board.challenge).toMatchObject({ title: 'Beat the batch', objective: 'totalCost below 5000', constraints: ['widget.fillRate at least 0.95'] });
    expect(board.challenge.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    const entries = board.entries as {
      name: string;
      rank: number;
      feasible: boolean;
      met: boolean;
      values: Record<string, number>;
      objective: { mean: number };
    }[];
    expect(entries.map((e) => [e.rank, e.name, e.met, e.feasible])).toEqual([
      [1, 'Ada', true, true],
      [2, 'line 8', true, true],
      [3, 'Bob', false, true],
      [4, 'Carl', false, false],
    ]);
    expect(entries[0].values).toEqual({ [`${lever}.cards`]: 2, [`${lever}.containerSize`]: 100 });
    expect(entries[0].objective.mean).toBeLessThan(entries[1].objective.mean);
    expect(board.refused).toEqual([
      { name: 'Eve', line: 5, reason: 'it moves locked fields: items.widget.make.setupCost' },
      { name: 'Mallory', line: 6, reason: 'it was not made from a challenge link' },
    ]);
    // Deterministic: grading again gives the same board, byte for byte.
    expect((await cli('grade', file, '--challenge', challenge, '--json', '--workers', '1')).out).toBe(out);
  });

  it('prints the board as a table with short lever names, and lists what it did not grade', async () => {
    const file = await submissionsFile();
    const { code, out } = await cli('grade', file, '--challenge', challenge, '--workers', '1');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Beat the batch: totalCost below 5000, widget.fillRate at least 0.95 (each on its 95% interval)');
    expect(lines[1]).toMatch(/^rank +name +cards +containerSize +totalCost +widget\.fillRate +goal$/);
    expect(out).toMatch(/Carl .* infeasible \(widget\.fillRate\)/);
    expect(out).toContain(
      'Not graded\n  line 5 (Eve): it moves locked fields: items.widget.make.setupCost\n  line 6 (Mallory): it was not made from a challenge link\n',
    );
  });

  it('refuses a link made for another version of the challenge file', async () => {
    const edited = join(mkdtempSync(join(tmpdir(), 'sawtooth-')), 'challenge.yaml');
    writeFileSync(edited, readFileSync(challenge, 'utf8').replace('Beat the batch', 'Beat the batch, again'));
    const links = join(mkdtempSync(join(tmpdir(), 'sawtooth-')), 'links.txt');
    writeFileSync(links, `Ada ${await link(challenge, `${lever}.cards=2`)}\n`);
    const { code, out } = await cli('grade', links, '--challenge', edited, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).refused[0].reason).toMatch(/^it was made for another challenge or another version of /);
  });

  it('needs a challenge file with a challenge', async () => {
    const links = join(mkdtempSync(join(tmpdir(), 'sawtooth-')), 'links.txt');
    writeFileSync(links, '');
    expect((await cli('grade', links)).err).toMatch(/^--challenge: required/);
    expect((await cli('grade', links, '--challenge', 'scenarios/jit-eoq-batch.yaml')).err).toMatch(/has no challenge block to grade against/);
    expect((await cli('grade', '--challenge', challenge)).err).toMatch(/expected a file of submission links/);
  });
});
