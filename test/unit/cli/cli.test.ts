import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './run-cli.js';
import { scenarioJsonSchema } from '../../../sim/scenario/index.js';

function badScenario(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sawtooth-'));
  const file = join(dir, 'bad.yaml');
  writeFileSync(file, text);
  return file;
}

describe('sawtooth', () => {
  it('prints its version and help', async () => {
    expect((await cli('--version')).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('sawtooth run FILE');
    for (const command of ['run', 'sweep', 'validate', 'schema', 'bench']) {
      const { code, out } = await cli(command, '--help');
      expect(code).toBe(0);
      expect(out).toContain(`sawtooth ${command}`);
    }
  });

  it('rejects an unknown command with exit status 2', async () => {
    const { code, out, err } = await cli('fly');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe("sawtooth: unknown command 'fly'; see sawtooth --help\n");
  });
});

describe('sawtooth run', () => {
  it('prints the design JSON object and nothing else on stdout', async () => {
    const { code, out } = await cli('run', fixture, '--json', '--reps', '3');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['scenario', 'time', 'replications', 'seed', 'strategies', 'comparisons', 'summary', 'warnings']);
    expect(result.replications).toBe(3);
    expect(result.strategies[0].series).toBeUndefined();
    expect(Object.keys(result.strategies[0].kpis.totalCost)).toEqual(['mean', 'sd', 'ci95', 'n']);
    expect(Object.keys(result.strategies[0].derived.part)).toEqual(['quantity', 'reorderPoint', 'formulas']);
    expect(Object.keys(result.comparisons[0])).toEqual(['a', 'b', 'kpi', 'meanDiff', 'ci95']);
    // The verdict: one entry per pair, the cost split and a sentence naming both strategies.
    expect(result.summary).toHaveLength(1);
    expect(Object.keys(result.summary[0])).toEqual(['a', 'b', 'totalCost', 'controlledCost', 'purchaseCost', 'service', 'doubted', 'sentence']);
    expect(result.summary[0].sentence).toMatch(new RegExp(`^${result.summary[0].a} .*${result.summary[0].b}`));
  });

  it('gives no interval from one replication: ci95 null in the JSON, a warning, and no claim in the table', async () => {
    const json = await cli('run', fixture, '--json', '--reps', '1');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.out);
    expect(result.strategies[0].kpis.totalCost.ci95).toBeNull();
    expect(result.comparisons.every((c: { ci95: unknown }) => c.ci95 === null)).toBe(true);
    expect(result.warnings.map((w: { code: string }) => w.code)).toContain('one-replication');
    expect(json.err).toContain('warning: With one replication no confidence interval can be computed');
    const table = await cli('run', fixture, '--reps', '1');
    expect(table.out).toContain('1 replication (no intervals)');
    expect(table.out).not.toContain('±');
    expect(table.out).not.toContain('(not significant)');
    expect(table.out).toContain('no interval');
    expect(table.out).toContain('With one replication there are no intervals');
  });

  it('warns before the run that a plant cannot keep up, and marks the averages it puts in doubt', async () => {
    const { code, out, err } = await cli('run', fixture, '--reps', '3', '--set', 'demand[0].interarrival={exponential: {mean: 0.04}}');
    expect(code).toBe(0);
    expect(err).toMatch(/warning: \[Reorder\] Machine press needs 128% of its time/);
    expect(err).toMatch(/warning: \[Kanban\] Machine press needs 135% of its time/);
    expect(out).toContain('†');
  });

  it('adds series with --series, and honours --seed, --horizon, --strategy and --set', async () => {
    const { out } = await cli(
      'run',
      fixture,
      '--json',
      '--reps',
      '2',
      '--seed',
      '11',
      '--horizon',
      '120',
      '--strategy',
      'Kanban',
      '--set',
      'strategies.Kanban.items.widget.policy.cards=6',
      '--series',
    );
    const result = JSON.parse(out);
    expect(result.seed).toBe(11);
    expect(result.time.horizon).toBe(120);
    expect(result.strategies.map((s: { name: string }) => s.name)).toEqual(['Kanban']);
    expect(result.strategies[0].series.items.widget.onHand.t.length).toBeGreaterThan(2);
    const six = result.strategies[0].kpis.wip.mean;
    const four = JSON.parse((await cli('run', fixture, '--json', '--reps', '2', '--seed', '11', '--horizon', '120', '--strategy', 'Kanban')).out);
    expect(four.strategies[0].kpis.wip.mean).not.toBe(six);
  });

  it('prints a readable table with paired differences and derived values', async () => {
    const { code, out } = await cli('run', fixture, '--reps', '3');
    expect(code).toBe(0);
    expect(out).toContain('KPI (mean ± 95% half-width)');
    expect(out).toMatch(/totalCost \(EUR\)\s+[\d,.]+ ± [\d,.]+/);
    expect(out).toContain('Reorder − Kanban');
    expect(out).toContain('EOQ = √(2·K·D/h)');
  });

  it('warns on stderr when the warm-up looks too short, keeping stdout clean JSON', async () => {
    const { code, out, err } = await cli(
      'run',
      fixture,
      '--json',
      '--reps',
      '2',
      '--set',
      'items.widget.initial=1000',
      '--set',
      'time.warmup=0',
      '--horizon',
      '400',
    );
    expect(code).toBe(0);
    const warning = JSON.parse(out).warnings.find((w: { code: string }) => w.code === 'warmup-too-short');
    expect(warning.path).toBe('time.warmup');
    expect(err).toMatch(/warning: The warm-up \(0 day\) looks too short: levels settle after about \d+ day/);
  });

  it('warns when a --set value is replaced by a strategy that runs', async () => {
    const { code, err } = await cli('run', fixture, '--reps', '2', '--json', '--set', 'items.widget.policy.reorderPoint=40');
    expect(code).toBe(0);
    expect(err).toContain('warning: --set items.widget.policy.reorderPoint does not reach Kanban');
  });

  it('writes CSV and Markdown, to --out when given', async () => {
    const csv = await cli('run', fixture, '--csv', '--reps', '2');
    expect(csv.out.split('\n')[0]).toBe('strategy,scope,name,kpi,mean,sd,ci95_low,ci95_high,n,message');
    expect(csv.out).toContain('Kanban,machine,press,utilization,');
    const md = await cli('run', fixture, '--md', '--reps', '2');
    expect(md.out).toContain('| KPI (mean ± 95% half-width) | Reorder | Kanban |');
    const target = join(mkdtempSync(join(tmpdir(), 'sawtooth-')), 'result.json');
    const written = await cli('run', fixture, '--reps', '2', '--out', target);
    expect(written.out).toBe('');
    expect(JSON.parse(readFileSync(target, 'utf8')).replications).toBe(2);
  });

  it('names the dates a dated run covers in the table title', async () => {
    const { code, out } = await cli('run', 'scenarios/erp-history-kanban.yaml', '--reps', '2');
    expect(code).toBe(0);
    expect(out).toContain('horizon 364 day (warm-up 70), from 2025-01-06 to 2026-01-05 (measured from 2025-03-17), seed 13');
  });

  it('keeps the warnings in a report written with --out (stderr does not reach the file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sawtooth-'));
    const text = join(dir, 'report.txt');
    const table = await cli('run', fixture, '--reps', '1', '--out', text);
    expect(table.code).toBe(0);
    const report = readFileSync(text, 'utf8');
    expect(report).toMatch(/^Verdict/);
    expect(report).toMatch(/\nWarnings\n {2}warning: With one replication no confidence interval can be computed/);
    // On a terminal the warnings are on stderr only: not twice.
    expect((await cli('run', fixture, '--reps', '1')).out).not.toContain('\nWarnings\n');
    const csv = join(dir, 'report.csv');
    await cli('run', fixture, '--reps', '1', '--csv', '--out', csv);
    expect(readFileSync(csv, 'utf8')).toMatch(/\n,warning,run\.replications,one-replication,,,,,,With one replication/);
  });

  it('reports a bad scenario in one line per problem, exit 2, nothing on stdout', async () => {
    const file = badScenario(
      'name: x\ntime: { horizon: 10 }\nitems:\n  a:\n    buy: { leadTime: 1 }\n    policy: { type: sQ, reorderPoint: -5, quantity: 0 }\n',
    );
    const { code, out, err } = await cli('run', file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toEqual([
      `${file}: items.a.policy.reorderPoint: expected a number >= 0, got -5`,
      `${file}: items.a.policy.quantity: expected a number > 0, got 0`,
    ]);
  });

  it('reports a scenario that loops at one instant as a scenario problem, exit 2', async () => {
    const file = badScenario(
      'name: x\ntime: { horizon: 10 }\nmachines: { m: {} }\nitems:\n  a:\n    make: { machine: m, processTime: 0 }\n    policy: { type: batch, lotSize: 100000000, every: 100 }\n',
    );
    const { code, out, err } = await cli('run', file, '--reps', '1');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `${file}: the simulation cannot advance: simulation stalled: 1000000 events at t=0 without time advancing (a zero delay loop?); look for a zero process time, lead time or gap that repeats without end\n`,
    );
  });

  it('reports bad arguments with exit 2 and no stack trace', async () => {
    for (const args of [
      ['run'],
      ['run', fixture, '--reps', 'zero'],
      ['run', fixture, '--set', 'nonsense'],
      ['run', fixture, '--strategy', 'Nope'],
      ['run', fixture, '--frobnicate'],
      ['run', 'no/such/file.yaml'],
      ['run', fixture, '--set', 'items.widget.policy.cards=-1', '--strategy', 'Kanban'],
    ]) {
      const { code, out, err } = await cli(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err).not.toMatch(/\n\s+at /);
      expect(err.trim().length).toBeGreaterThan(10);
    }
  });
});

describe('sawtooth sweep', () => {
  it('prints the cells best first as JSON', async () => {
    const { code, out } = await cli('sweep', fixture, '--vary', 'items.widget.policy.quantity=50:150:50', '--reps', '2', '--strategy', 'Reorder', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.kpi).toBe('totalCost');
    expect(result.strategy).toBe('Reorder');
    expect(result.cells).toHaveLength(3);
    const costs = result.cells.map((c: { kpis: { totalCost: { mean: number } } }) => c.kpis.totalCost.mean);
    expect(costs).toEqual([...costs].sort((a: number, b: number) => a - b));
    expect(Object.keys(result.cells[0].values)).toEqual(['items.widget.policy.quantity']);
  });

  it('refuses to sweep a value the strategy replaces, naming the path that would work', async () => {
    const { code, err } = await cli('sweep', fixture, '--strategy', 'Kanban', '--vary', 'items.widget.policy.quantity=50,100');
    expect(code).toBe(2);
    expect(err).toBe(
      "--vary items.widget.policy.quantity: strategy 'Kanban' sets it (or its policy) itself, so every cell would be the same; vary strategies.Kanban.items.widget.policy.quantity instead\n",
    );
    expect((await cli('sweep', fixture, '--strategy', 'Kanban', '--vary', 'strategies.Kanban.items.widget.policy.cards=2,4', '--reps', '2')).code).toBe(0);
  });

  it('gives the same cells on worker threads as in one thread', async () => {
    const args = [
      'sweep',
      fixture,
      '--strategy',
      'Reorder',
      '--vary',
      'items.widget.policy.quantity=50:200:50',
      '--vary',
      'items.widget.policy.reorderPoint=20,40',
      '--reps',
      '4',
      '--json',
    ];
    const serial = await cli(...args, '--workers', '1');
    const parallel = await cli(...args, '--workers', '2');
    expect(parallel.code).toBe(0);
    expect(JSON.parse(parallel.out)).toEqual(JSON.parse(serial.out));
    expect(JSON.parse(serial.out).cells).toHaveLength(8);
  });

  it('refuses an axis that cannot reach the swept strategy, and the same path twice', async () => {
    const other = await cli('sweep', fixture, '--strategy', 'Reorder', '--vary', 'strategies.Kanban.items.widget.policy.cards=2,3');
    expect(other.code).toBe(2);
    expect(other.err).toContain("the sweep runs strategy 'Reorder', which this path does not reach");
    const twice = await cli('sweep', fixture, '--vary', 'items.part.initial=10,20', '--vary', 'items.part.initial=30,40');
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('the same path is given twice (items.part.initial)');
  });

  it('rejects a bad --vary and an unknown --kpi with exit 2', async () => {
    expect((await cli('sweep', fixture, '--vary', 'items.widget.policy.quantity=5:1:1')).code).toBe(2);
    expect((await cli('sweep', fixture)).code).toBe(2);
    const unknown = await cli('sweep', fixture, '--vary', 'items.widget.policy.quantity=50,60', '--kpi', 'happiness');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("--kpi: unknown KPI 'happiness'");
  });
});

describe('sawtooth validate and schema', () => {
  it('validate says a good file is valid and lists problems of a bad one', async () => {
    expect(await cli('validate', fixture)).toEqual({ code: 0, out: `${fixture}: valid (2 strategies: Reorder, Kanban)\n`, err: '' });
    const bad = await cli('validate', badScenario('name: x\ntime: { horizon: 10 }\nitems: {}\ndemand:\n  - item: ghost\n    every: 1\n'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/demand\[0\]\.item: .*ghost/);
  });

  it('schema prints the JSON Schema of scenario files', async () => {
    const { code, out } = await cli('schema');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(scenarioJsonSchema());
  });
});

describe('the installed command', () => {
  it('runs end to end from bin/sawtooth.js with exit status 0, or 2 on a bad file', () => {
    const ok = spawnSync(process.execPath, ['bin/sawtooth.js', 'run', fixture, '--reps', '2', '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).scenario).toBe('Small plant');
    const bad = spawnSync(process.execPath, ['bin/sawtooth.js', 'validate', 'missing.yaml'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('missing.yaml: cannot read the file (ENOENT)\n');
  });
});

describe('the examples in the help texts', () => {
  it('all run and exit 0', async () => {
    const { RUN_HELP, SWEEP_HELP, VALIDATE_HELP, SCHEMA_HELP } = await import('../../../sim/cli/messages.js');
    const examples = [RUN_HELP, SWEEP_HELP, VALIDATE_HELP, SCHEMA_HELP]
      .flatMap((help) => help.split('Examples:')[1]?.split('Example:')[0] ?? help.split('Example:')[1] ?? '')
      .join('\n')
      .replaceAll('\\\n', ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('sawtooth '));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) {
      const args = example
        .replace(/\s*>.*$/, '')
        .split(/\s+/)
        .slice(1);
      // Fewer replications keep the suite quick; the example's own options are all exercised.
      const quick = ['run', 'sweep'].includes(args[0]) ? [...args, '--reps', '2'] : args;
      const { code, err } = await cli(...quick);
      expect(code, `${example}\n${err}`).toBe(0);
    }
  });
});
