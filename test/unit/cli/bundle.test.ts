import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from './run-cli.js';

// bin/sawtooth.js runs the bundle in dist/cli (rolldown.config.js), which the test setup rebuilds
// when a source is newer. What each command loads is read from the bundle's import statements.

const root = resolve(import.meta.dirname, '../../..');
const dir = join(root, 'dist/cli');

/** The chunk files a chunk imports statically, itself included, transitively. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const [, , imported] of code.matchAll(/^import (.*? from )?"\.\/([^"]+)";?$/gm)) staticClosure(imported, seen);
  return seen;
}

/** Everything `sawtooth COMMAND` loads before it runs: the entry's closure and the command's. */
function loadedBy(command: string): { files: Set<string>; code: string } {
  const entry = readFileSync(join(dir, 'sawtooth.js'), 'utf8');
  const chunk = new RegExp(`${command}: async \\(\\) => \\(await import\\("\\./([^"]+)"\\)\\)`).exec(entry);
  expect(chunk, `the entry imports ${command} on demand`).not.toBeNull();
  const files = staticClosure(chunk![1], staticClosure('sawtooth.js'));
  return { files, code: [...files].map((file) => readFileSync(join(dir, file), 'utf8')).join('\n') };
}

describe('the bundled command line', () => {
  it('loads a few small files of its own for --version and --help: no zod, yaml, @stdlib or piscina', () => {
    const files = staticClosure('sawtooth.js');
    const code = [...files].map((file) => readFileSync(join(dir, file), 'utf8')).join('\n');
    expect(code).not.toMatch(/node_modules|from "piscina"/);
    expect(code.length).toBeLessThan(100_000);
    const version = spawnSync(process.execPath, ['bin/sawtooth.js', '--version'], { cwd: root, encoding: 'utf8' });
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
  });

  it('loads for a run neither the fitting (stats/fit, @stdlib kstest) nor the worker pool', () => {
    const { code } = loadedBy('run');
    expect(code).toContain('node_modules/zod');
    expect(code).not.toMatch(/stats-kstest|sim\/stats\/fit\/|from "piscina"/);
  });

  it('finds its worker file from the bundle: --workers 2 prints what --workers 1 prints', () => {
    const run = (workers: string) =>
      spawnSync(process.execPath, ['bin/sawtooth.js', 'run', fixture, '--reps', '4', '--json', '--quiet', '--workers', workers], {
        cwd: root,
        encoding: 'utf8',
      });
    const [one, two] = [run('1'), run('2')];
    expect([one.status, two.status, two.stderr]).toEqual([0, 0, one.stderr]);
    expect(two.stdout).toBe(one.stdout);
  });
});
