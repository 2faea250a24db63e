import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './run-cli.js';
import { csvField } from '../../../sim/experiment/index.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'sawtooth-hostile-'));
}

/** A scenario in a new folder whose demand replays `trace` (as written in the file); returns its path. */
function traced(trace: string, dir = folder()): string {
  const file = join(dir, 'plant.yaml');
  writeFileSync(
    file,
    `name: traced
time: { horizon: 30 }
items:
  part:
    buy: { leadTime: 2 }
    policy: { type: baseStock, level: 5 }
demand:
  - { item: part, trace: ${JSON.stringify(trace)} }
`,
  );
  return file;
}

/** The small plant with one text replaced, in a new folder. */
function plantWith(find: string, replace: string): string {
  const text = readFileSync(fixture, 'utf8');
  if (!text.includes(find)) throw new Error(`no ${find} in the fixture`);
  const file = join(folder(), 'plant.yaml');
  writeFileSync(file, text.replace(find, replace));
  return file;
}

describe('trace files', () => {
  it("are confined to the scenario file's folder: absolute paths, ../ and /proc are refused unread", async () => {
    for (const trace of ['/etc/passwd', '../../../../../../../../etc/passwd', '/proc/self/environ']) {
      const { code, out, err } = await cli('validate', traced(trace));
      expect(code, trace).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(
        /demand\[0\]\.trace: cannot read .*: it lies outside .* \(a trace must be in the scenario file's folder or below; allow another folder with --allow-path DIR\)\n$/,
      );
      expect(err).not.toContain('root:');
    }
  });

  it('follow symlinks to their real place before the check', async () => {
    const dir = folder();
    symlinkSync('/etc/passwd', join(dir, 'orders.csv'));
    const { code, err } = await cli('validate', traced('orders.csv', dir));
    expect(code).toBe(2);
    expect(err).toContain('cannot read');
    expect(err).toContain('it lies outside');
    expect(err).not.toContain('root:');
  });

  it('may come from another folder given with --allow-path', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'scenarios'));
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'orders.csv'), 'time,quantity\n1,2\n5,1\n');
    const file = traced('../shared/orders.csv', join(dir, 'scenarios'));
    expect((await cli('validate', file)).code).toBe(2);
    const allowed = await cli('validate', file, '--allow-path', join(dir, 'shared'));
    expect(allowed).toMatchObject({ code: 0, out: `${file}: valid (1 strategy: base)\n` });
    expect((await cli('run', file, '--allow-path', join(dir, 'shared'), '--reps', '2', '--json')).code).toBe(0);
    expect((await cli('validate', file, '--allow-path', join(dir, 'nowhere'))).err).toMatch(/^--allow-path .*nowhere: cannot use it \(ENOENT\)\n$/);
  });

  it('must be regular files: a named pipe is refused at once instead of waiting for a writer', async () => {
    const dir = folder();
    expect(spawnSync('mkfifo', [join(dir, 'pipe.csv')]).status).toBe(0);
    const { code, err } = await cli('validate', traced('pipe.csv', dir));
    expect(code).toBe(2);
    expect(err).toBe(`${join(dir, 'plant.yaml')}: demand[0].trace: cannot read ${join(dir, 'pipe.csv')}: it is a named pipe, not a regular file\n`);
  }, 10_000);

  it('a scenario named as a pipe or a device is refused too, instead of hanging or filling memory', async () => {
    const dir = folder();
    expect(spawnSync('mkfifo', [join(dir, 'scenario.yaml')]).status).toBe(0);
    expect(await cli('validate', join(dir, 'scenario.yaml'))).toEqual({
      code: 2,
      out: '',
      err: `${join(dir, 'scenario.yaml')}: cannot read the file (not a regular file)\n`,
    });
    expect((await cli('run', '/dev/zero')).err).toBe('/dev/zero: cannot read the file (not a regular file)\n');
  }, 10_000);

  it('must be regular files even in an allowed folder: /dev/zero is refused, not read until memory runs out', async () => {
    const { code, err } = await cli('validate', traced('/dev/zero'), '--allow-path', '/dev');
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read \/dev\/zero: it is a device, not a regular file\n$/);
  }, 10_000);

  it('have a size limit, named with the file and its size, raised with --max-trace-mb', async () => {
    const dir = folder();
    const rows = Array.from({ length: 150_000 }, (_, i) => `${i},1`).join('\n');
    writeFileSync(join(dir, 'orders.csv'), `time,quantity\n${rows}\n`);
    const size = statSync(join(dir, 'orders.csv')).size;
    const file = traced('orders.csv', dir);
    const small = await cli('validate', file, '--max-trace-mb', '1');
    expect(small.code).toBe(2);
    expect(small.err).toBe(
      `${file}: demand[0].trace: cannot read ${join(dir, 'orders.csv')}: it holds ${(size / 2 ** 20).toFixed(1)} MB, more than the limit of 1 MB (raise it with --max-trace-mb N)\n`,
    );
    expect((await cli('validate', file, '--max-trace-mb', '2')).code).toBe(0);
    expect((await cli('validate', file, '--max-trace-mb', '501')).err).toContain('--max-trace-mb: expected a whole number from 1 to 500');
  });

  it('are never quoted when they are not a time,quantity CSV', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'notes.csv'), 'password=hunter2\n1,2\nsecret,3\n');
    const { code, err } = await cli('validate', traced('notes.csv', dir));
    expect(code).toBe(2);
    expect(err).toBe(`${join(dir, 'notes.csv')}:1: expected a CSV with a header row time,quantity, got a first line that is not that header (not shown)\n`);
  });

  it('a trace named constructor is a file like any other', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'constructor'), 'time,quantity\n1,2\n');
    expect(await cli('validate', traced('constructor', dir))).toMatchObject({ code: 0 });
    expect(await cli('validate', traced('toString'))).toMatchObject({ code: 2, err: expect.stringContaining('cannot read') });
  });
});

describe('YAML and keys through the command line', () => {
  it('a file that uses one anchor 150 times is valid', async () => {
    const aliases = Array.from({ length: 150 }, (_, i) => `  S${i}: *fast\n`).join('');
    const file = plantWith('  Reorder: {}\n', `  Reorder: &fast { items: { widget: { initial: 60 } } }\n`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}${aliases}`);
    const { code, out } = await cli('validate', file);
    expect(code).toBe(0);
    expect(out).toContain('valid (152 strategies');
  });

  it('an alias bomb, a recursive alias and an unknown alias are one scenario error each, exit 2', async () => {
    const bomb = `x: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n${Array.from({ length: 8 }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`;
    for (const [find, replace, reason] of [
      ['name: Small plant\n', `name: Small plant\n${bomb}`, 'YAML alias error: aliases expand to more than 10000 copies'],
      ['  Reorder: {}\n', '  Reorder: &r { items: { widget: *r } }\n', 'strategies.Reorder.items.widget: expected a value that does not contain itself'],
      ['  Reorder: {}\n', '  Reorder: *nowhere\n', 'YAML alias error: *nowhere names no anchor before it'],
    ]) {
      const file = plantWith(find, replace);
      const { code, out, err } = await cli('validate', file);
      expect(code, reason).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n')).toHaveLength(2);
      expect(err).toContain(`${file}: ${reason}`);
    }
  });

  it('refuses __proto__ in a strategy patch, naming its path', async () => {
    const file = plantWith('  Reorder: {}\n', '  Reorder: { items: { widget: { "__proto__": { initial: 77 } } } }\n');
    const { code, err } = await cli('run', file, '--reps', '1');
    expect(code).toBe(2);
    expect(err).toBe(
      `${file}: strategies.Reorder.items.widget.__proto__: expected a key other than __proto__, constructor or prototype (JavaScript gives those names a special meaning), got "__proto__"\n`,
    );
  });

  it('refuses reserved keys in a --set path and in a --set value', async () => {
    const path = await cli('run', fixture, '--set', 'items.constructor.initial=5');
    expect(path.code).toBe(2);
    expect(path.err).toBe(
      `${fixture}: items.constructor: expected a key other than __proto__, constructor or prototype (JavaScript gives those names a special meaning), got "constructor"\n`,
    );
    const value = await cli('run', fixture, '--set', 'items.part={__proto__: {initial: 5}}');
    expect(value.code).toBe(2);
    expect(value.err).toMatch(/^--set items\.part: __proto__: expected a key other than __proto__/);
  });

  it('takes a command named like a JavaScript member for an unknown command', async () => {
    expect(await cli('constructor')).toEqual({ code: 2, out: '', err: "sawtooth: unknown command 'constructor'; see sawtooth --help\n" });
  });
});

describe('command-line hygiene', () => {
  it('refuses --out to a folder, into a missing folder or onto the scenario file, before running', async () => {
    const dir = folder();
    const input = join(dir, 'plant.yaml');
    copyFileSync(fixture, input);
    const before = readFileSync(input, 'utf8');
    for (const [out, reason] of [
      [dir, `--out ${dir}: is a folder; give a file name`],
      [join(dir, 'missing', 'r.json'), `--out ${join(dir, 'missing', 'r.json')}: the folder ${join(dir, 'missing')} does not exist`],
      [input, `--out ${input}: is ${input}, an input of this run; write elsewhere`],
    ]) {
      const { code, out: stdout, err } = await cli('run', input, '--reps', '2', '--out', out);
      expect(code, out).toBe(2);
      expect(stdout).toBe('');
      expect(err).toBe(`${reason}\n`);
    }
    expect(readFileSync(input, 'utf8')).toBe(before);
    const sweep = await cli('sweep', input, '--vary', 'items.part.initial=10,20', '--out', dir);
    expect(sweep).toMatchObject({ code: 2, err: `--out ${dir}: is a folder; give a file name\n` });
  });

  it('refuses two output formats', async () => {
    expect(await cli('run', fixture, '--json', '--csv')).toEqual({ code: 2, out: '', err: '--json and --csv: choose one output format\n' });
    expect((await cli('run', fixture, '--json', '--csv', '--md')).err).toBe('--json and --csv and --md: choose one output format\n');
  });

  it('refuses an --out it cannot write in its format, and writes a text table to .txt or a name without an extension', async () => {
    expect(await cli('run', fixture, '--out', join(tmpdir(), 'results.xlsx'))).toEqual({
      code: 2,
      out: '',
      err: '--out: cannot write a .xlsx file; name it .json, .csv, .md or .txt (a text table), or choose the format with --json, --csv or --md\n',
    });
    // With a format chosen, the name is the user's business.
    const chosen = join(mkdtempSync(join(tmpdir(), 'sawtooth-out-')), 'results.data');
    expect((await cli('run', fixture, '--json', '--out', chosen, '--quiet')).code).toBe(0);
  });

  it('refuses a strategy given twice, and two strategies for a sweep', async () => {
    expect(await cli('run', fixture, '--strategy', 'Kanban', '--strategy', 'Kanban')).toEqual({
      code: 2,
      out: '',
      err: "--strategy: 'Kanban' is given twice; give each strategy once\n",
    });
    const sweep = await cli('sweep', fixture, '--strategy', 'Kanban', '--strategy', 'Reorder', '--vary', 'items.part.initial=10,20');
    expect(sweep.err).toBe('--strategy: a sweep runs one strategy, got 2 (Kanban, Reorder)\n');
  });

  it('refuses a path set twice, and a swept path that --set also sets', async () => {
    expect((await cli('run', fixture, '--set', 'demand[0].quantity=2', '--set', 'demand.0.quantity=3')).err).toBe(
      '--set demand.0.quantity: the path is set twice (by --set or --horizon); set it once\n',
    );
    expect((await cli('run', fixture, '--set', 'time.horizon=50', '--horizon', '60')).code).toBe(2);
    expect((await cli('sweep', fixture, '--vary', 'items.part.initial=10,20', '--set', 'items.part.initial=5')).err).toBe(
      '--vary items.part.initial: the path is also set by --set or --horizon; drop one of them\n',
    );
    expect((await cli('sweep', fixture, '--vary', 'demand[0].quantity=1,2', '--vary', 'demand.0.quantity=3')).err).toBe(
      '--vary: the same path is given twice (demand.0.quantity); give each path once\n',
    );
  });

  it('takes replications and workers in plain digits only, and at most 100000 replications', async () => {
    for (const reps of ['0x10', '1e2', '+3', ' 3', '100001', '0']) {
      const { code, err } = await cli('run', fixture, '--reps', reps);
      expect(code, reps).toBe(2);
      expect(err).toBe(`--reps: expected a whole number from 1 to 100000 in plain digits, got ${reps}\n`);
    }
    expect((await cli('run', fixture, '--workers', '2.0')).code).toBe(2);
    expect((await cli('sweep', fixture, '--vary', 'items.part.initial=1:10000:1', '--reps', '200')).err).toBe(
      'sawtooth sweep: 10000 cells × 200 replications is more than 1000000 replications in all; use fewer cells or replications\n',
    );
  });

  it("runs --workers above the machine's cores on the cores, with a note", async () => {
    const cores = availableParallelism();
    const { code, err } = await cli('run', fixture, '--reps', '2', '--json', '--workers', String(cores + 1));
    expect(code).toBe(0);
    expect(err).toContain(`note: --workers ${cores + 1}: this machine runs ${cores} thread${cores === 1 ? '' : 's'} at once; using ${cores}\n`);
  });

  it('keeps seeds beyond 2^53 apart as text seeds, and takes a negative seed either way', async () => {
    const seed = async (...value: string[]) => JSON.parse((await cli('run', fixture, '--reps', '2', '--json', '--strategy', 'Kanban', ...value)).out);
    const above = await seed('--seed', '9007199254740993');
    const at = await seed('--seed', '9007199254740992');
    expect(above.seed).toBe('9007199254740993');
    expect(at.seed).toBe('9007199254740992');
    expect(above.strategies[0].kpis.totalCost.mean).not.toBe(at.strategies[0].kpis.totalCost.mean);
    expect((await seed('--seed', '9007199254740991')).seed).toBe(9007199254740991);
    expect((await seed('--seed', '007')).seed).toBe('007');
    const negative = await seed('--seed', '-5');
    expect(negative.seed).toBe(-5);
    expect((await seed('--seed=-5')).strategies).toEqual(negative.strategies);
  });

  it('says what is wrong with an option in one line', async () => {
    for (const args of [
      ['run', fixture, '--seed'],
      ['run', fixture, '--reps', '--json'],
      ['run', fixture, '--frobnicate'],
      ['run', fixture, '--horizon', '-5'],
    ]) {
      const { code, err } = await cli(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(err.split('\n'), args.join(' ')).toHaveLength(2);
    }
    expect((await cli('run', fixture, '--seed')).err).toBe(
      "sawtooth run: --seed expects a value (one that starts with '-' is written --seed=-VALUE); see sawtooth run --help\n",
    );
    expect((await cli('run', fixture, '--horizon', '-5')).err).toBe('--horizon: expected a number > 0, got -5\n');
  });
});

describe('control characters and markup in names', () => {
  const ESC = '\u001b';

  it('never reach the terminal from an error message, and a line break cannot make a line of its own', async () => {
    const file = plantWith('  Reorder: {}\n', `  "Re${ESC}]0;owned${ESC}\\\\\\n${ESC}[2Kwarning: all good": {}\n`);
    const { code, err } = await cli('validate', file);
    expect(code).toBe(2);
    expect(err).not.toContain(ESC);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('strategies.Re\\u001b]0;owned\\u001b\\\\u000a\\u001b[2Kwarning: all good: expected a name without');
  });

  it('never reach the terminal from a table, CSV or JSON', async () => {
    const file = plantWith('  Reorder: {}\n', `  "Re${ESC}corder\u009b": {}\n`);
    for (const format of [[], ['--csv'], ['--json'], ['--md']]) {
      const { code, out, err } = await cli('run', file, '--reps', '2', ...format);
      expect(code, format.join()).toBe(0);
      // eslint-disable-next-line no-control-regex -- no escape sequence may reach the terminal
      expect(out + err, format.join()).not.toMatch(/[\u001b\u009b]/);
    }
  });

  it('keep a Markdown table whole: a | or a line break in a name stays in its cell', async () => {
    const file = plantWith('  Reorder: {}\n', '  "Re|order\\nnext": {}\n');
    expect((await cli('validate', file)).out).toBe(`${file}: valid (2 strategies: Re|order\\u000anext, Kanban)\n`);
    const { code, out } = await cli('run', file, '--reps', '2', '--md');
    expect(code).toBe(0);
    const header = out.split('\n').find((line) => line.startsWith('| KPI'))!;
    expect(header).toBe('| KPI (mean ± 95% half-width) | Re\\|order next | Kanban |');
    const row = out.split('\n').find((line) => line.startsWith('| totalCost (EUR)'))!;
    expect(row.split(/(?<!\\)\|/)).toHaveLength(5);
    expect(out).toContain('- **Re|order next**: ');
  });

  it('a CSV text cell that starts like a formula is neutralized; numbers stay numbers', async () => {
    const file = plantWith('  Reorder: {}\n', '  "=HYPERLINK(\\"http://x\\")": {}\n  "-cmd": {}\n  "@SUM(A1)": {}\n');
    const { code, out } = await cli('run', file, '--reps', '2', '--csv');
    expect(code).toBe(0);
    expect(out).toContain('"\'=HYPERLINK(""http://x"")",overall,,totalCost,');
    expect(out).toContain("'-cmd,overall,,totalCost,");
    expect(out).toContain("'@SUM(A1),overall,,totalCost,");
    expect([csvField(-5), csvField(-0.25), csvField('-5'), csvField('+1'), csvField('\tx'), csvField('\rx'), csvField('plain')]).toEqual([
      '-5',
      '-0.25',
      "'-5",
      "'+1",
      "'\tx",
      '"\'\rx"',
      'plain',
    ]);
  });
});
