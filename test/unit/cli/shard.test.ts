import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture } from './run-cli.js';

// `sawtooth sweep … --shard I/N` and `sawtooth merge`: the parts of a sweep, merged, print what the
// unsharded sweep prints, byte for byte, in every format; parts of another sweep are refused.

const SWEEP = ['sweep', fixture, '--strategy', 'Reorder', '--vary', 'items.widget.policy.quantity=50:150:50', '--reps', '4', '--quiet'];
/** 3 cells × 4 replications: 12 in all. */
const RUNS = 12;
const FORMATS = [[], ['--json'], ['--csv'], ['--md']];

const dir = mkdtempSync(join(tmpdir(), 'sawtooth-shards-'));

/** Runs every shard of `count` (with `extra` options) and returns the part files, in order. */
async function shards(count: number, extra: string[] = [], name = `n${count}`): Promise<string[]> {
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const file = join(dir, `${name}-part-${index}.jsonl`);
    const { code, out, err } = await cli(...SWEEP, ...extra, '--shard', `${index}/${count}`, '--out', file);
    expect({ code, out, err }).toEqual({ code: 0, out: '', err: '' });
    files.push(file);
  }
  return files;
}

describe('sawtooth sweep --shard and sawtooth merge', () => {
  const whole = new Map<string, string>();
  beforeAll(async () => {
    for (const format of FORMATS) whole.set(format.join(), (await cli(...SWEEP, ...format)).out);
  });

  it.each([1, 2, 3, 5, RUNS])('merges %i shards into the unsharded sweep’s output, byte for byte, as a table, JSON, CSV and Markdown', async (count) => {
    const parts = await shards(count);
    for (const format of FORMATS) {
      // In any order: the merge puts the shards in order itself.
      const merged = await cli('merge', ...[...parts].reverse(), ...format);
      expect(merged.err).toBe('');
      expect(merged.code).toBe(0);
      expect(merged.out, format.join() || 'table').toBe(whole.get(format.join()));
    }
  });

  it('writes with --out the file the unsharded sweep writes, from shards run on worker threads too', async () => {
    const parts = await shards(2, ['--workers', '2'], 'threads');
    const merged = join(dir, 'merged.csv');
    const unsharded = join(dir, 'unsharded.csv');
    expect((await cli('merge', ...parts, '--out', merged)).code).toBe(0);
    expect((await cli(...SWEEP, '--out', unsharded)).code).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(unsharded, 'utf8'));
  });

  it('prints a part on stdout without --out: JSON Lines, a header naming the sweep, then blocks of replications', async () => {
    const [file] = await shards(3, [], 'stdout');
    const { code, out } = await cli(...SWEEP, '--shard', '0/3');
    expect(code).toBe(0);
    expect(out).toBe(readFileSync(file, 'utf8'));
    const lines = out.trimEnd().split('\n');
    const header = JSON.parse(lines[0]);
    expect(header).toMatchObject({ format: 'sawtooth sweep part', formatVersion: 1, seed: 3, replications: 4, strategy: 'Reorder', kpi: 'totalCost' });
    expect(header.shard).toEqual({ index: 0, count: 3 });
    expect(header.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Shard 0 of 3 is cell 0's 4 replications: a block line and a line per replication.
    expect(lines).toHaveLength(1 + 1 + 4);
    expect(JSON.parse(lines[1])).toMatchObject({ cell: 0, from: 0, to: 4 });
    expect(JSON.parse(lines[2]).every((v: unknown) => typeof v === 'number')).toBe(true);
  });

  it('refuses parts of another sweep: another seed, scenario, --set, --reps or number of shards, naming the file and what differs', async () => {
    const [first, , third] = await shards(3, [], 'base');
    const seed = (await shards(3, ['--seed', '9'], 'seed'))[1];
    const set = (await shards(3, ['--set', 'time.warmup=30'], 'set'))[1];
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync(fixture, 'utf8').replace('horizon: 200', 'horizon: 210'));
    const scenario = join(dir, 'scenario-part-1.jsonl');
    expect((await cli(...SWEEP.map((a) => (a === fixture ? other : a)), '--shard', '1/3', '--out', scenario)).code).toBe(0);
    const halves = await shards(2, [], 'halves');

    const cases: [string, RegExp][] = [
      [seed, /seed-part-1\.jsonl: seed 9, but .*base-part-0\.jsonl has 3; the parts of one sweep share its scenario and every setting\n$/],
      [set, /set-part-1\.jsonl: --set and --horizon \{"time\.warmup":30\}, but .*base-part-0\.jsonl has \{\}/],
      [
        scenario,
        /scenario-part-1\.jsonl: scenario [0-9a-f]{12}… \(the SHA-256 of other\.yaml and its traces\), but .*base-part-0\.jsonl has [0-9a-f]{12}… \(the SHA-256 of small-plant\.yaml/,
      ],
      [halves[1], /halves-part-1\.jsonl: shard count 2, but .*base-part-0\.jsonl has 3/],
    ];
    for (const [part, expected] of cases) {
      const { code, out, err } = await cli('merge', first, part, third);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(expected);
    }
  });

  it('refuses parts of a scenario whose trace file changed between shards', async () => {
    const traced = mkdtempSync(join(dir, 'trace-'));
    const scenario = join(traced, 'csv-demand-trace.yaml');
    copyFileSync(resolve(import.meta.dirname, '../../../scenarios/csv-demand-trace.yaml'), scenario);
    const csv = join(traced, 'data', 'demand.csv');
    mkdirSync(dirname(csv));
    const history = readFileSync(resolve(import.meta.dirname, '../../../scenarios/data/demand.csv'), 'utf8');
    writeFileSync(csv, history);
    const args = ['sweep', scenario, '--vary', 'items.seal-kit.holdingCost=0.03,0.04', '--reps', '2', '--quiet'];
    const parts = [join(traced, 'p0.jsonl'), join(traced, 'p1.jsonl')];
    expect((await cli(...args, '--shard', '0/2', '--out', parts[0])).code).toBe(0);
    // One more kit in the first order line: the same scenario text, another history.
    writeFileSync(
      csv,
      history.replace(/^(time,quantity\r?\n[^,]+),(\d+)/, (_, head: string, q: string) => `${head},${Number(q) + 1}`),
    );
    expect(readFileSync(csv, 'utf8')).not.toBe(history);
    expect((await cli(...args, '--shard', '1/2', '--out', parts[1])).code).toBe(0);
    const { code, err } = await cli('merge', ...parts);
    expect(code).toBe(2);
    expect(err).toMatch(/p1\.jsonl: scenario [0-9a-f]{12}… \(the SHA-256 of csv-demand-trace\.yaml and its traces\), but .*p0\.jsonl has [0-9a-f]{12}…/);
  });

  it('names the shards that are missing, and a shard given twice', async () => {
    const parts = await shards(5, [], 'five');
    const missing = await cli('merge', parts[0], parts[2], parts[4]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('sawtooth merge: shards 1, 3 of 5 missing (shards count from 0); give every part of the sweep\n');
    const copy = join(dir, 'copy-of-part-2.jsonl');
    copyFileSync(parts[2], copy);
    const twice = await cli('merge', ...parts, copy);
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/copy-of-part-2\.jsonl: shard 2 of 5 again \(.*five-part-2\.jsonl is that shard too\); give each part once\n$/);
  });

  it('refuses a file that is not a part, and a part cut short or damaged, a line each and nothing on stdout', async () => {
    const parts = await shards(2, [], 'damaged');
    const text = readFileSync(parts[1], 'utf8');
    const lines = text.split('\n');
    const junk = join(dir, 'junk.jsonl');
    writeFileSync(junk, 'time,quantity\n1,2\n');
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(cut, lines.slice(0, 4).join('\n') + '\n');
    const damaged = join(dir, 'bad-number.jsonl');
    writeFileSync(damaged, [...lines.slice(0, 2), lines[2].replace(/^\[[^,]+,/, '["oops",'), ...lines.slice(3)].join('\n'));

    const all = await cli('merge', parts[0], junk, join(dir, 'absent.jsonl'));
    expect(all.code).toBe(2);
    expect(all.out).toBe('');
    expect(all.err.split('\n')).toEqual([
      expect.stringMatching(/junk\.jsonl: not a part of a sharded sweep \(its first line is not a header with "format": "sawtooth sweep part"\)/),
      expect.stringMatching(/absent\.jsonl: cannot read the file \(ENOENT\)$/),
      '',
    ]);
    const short = await cli('merge', parts[0], cut);
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/cut\.jsonl: ends after line 4, 4 replications short of its shard \(was the shard stopped\?\); run that shard again\n$/);
    const bad = await cli('merge', parts[0], damaged);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad-number\.jsonl, line 3: expected numbers only, found "oops"\n$/);
    expect((await cli('merge')).err).toMatch(/^sawtooth merge: expected the PART files of a sharded sweep/);
  });

  it('checks --shard: I/N counted from 0, N at most the replications in all, and a part in its own format', async () => {
    for (const bad of ['3/3', '-1/3', '1/0', '1', 'a/b', '0.5/2']) {
      const { code, out, err } = await cli(...SWEEP, '--shard', bad);
      expect(code, bad).toBe(2);
      expect(out).toBe('');
      expect(err).toContain(`--shard: expected I/N, shard I of N counted from 0 (as Kubernetes' JOB_COMPLETION_INDEX), 0 <= I < N, got ${bad}`);
    }
    expect((await cli(...SWEEP, '--shard', `0/${RUNS + 1}`)).err).toBe(
      `--shard: ${RUNS + 1} shards for ${RUNS} replications in all (cells × replications); give at most ${RUNS} shards\n`,
    );
    expect((await cli(...SWEEP, '--shard', '0/2', '--csv')).err).toContain('--csv with --shard: a shard writes a part file (JSON Lines) for sawtooth merge');
    const varied = await cli('sweep', fixture, '--vary', 'run.replications=2,3', '--shard', '0/2');
    expect(varied.err).toContain('--vary run.replications with --shard: the shards of a sweep need every cell');
  });

  it('has --help with an example, and the usage names merge', async () => {
    const help = await cli('merge', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('sawtooth merge PART...');
    expect((await cli('--help')).out).toContain('sawtooth merge PART...');
    expect((await cli('sweep', '--help')).out).toContain('--shard I/N');
  });
});
