// The worker-thread tests run dist/, not the sources: vitest's globalSetup (test/setup/build-sim.ts)
// rebuilds it when a source is newer. These tests check that it ran, that it left no source newer
// than its output, and that its staleness check sees each kind of change.
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ROOT, staleOutputs } from '../setup/build-sim.js';

describe('dist/ is built from the current sources', () => {
  it('was checked (and rebuilt if need be) before the tests ran', () => {
    const checkedAt = inject('simBuildCheckedAt');
    expect(checkedAt, 'the globalSetup test/setup/build-sim.ts did not run: see vitest.config.ts').toBeTypeOf('number');
    // Sources edited while this run goes on are the next run's to build (a second's margin for
    // coarse file-system clocks and an editor saving as the run starts).
    const stale = staleOutputs(undefined, checkedAt - 1000);
    const times = (path: string): string => {
      const stat = statSync(join(ROOT, path), { throwIfNoEntry: false });
      return stat ? stat.mtime.toISOString() : 'missing';
    };
    const detail = stale.map((reason) => {
      const source = reason.split(':')[0];
      return `${reason} (source ${times(source)}, output ${times(join('dist', source.replace(/\.ts$/, '.js')))}, checked ${new Date(checkedAt).toISOString()})`;
    });
    expect(detail).toEqual([]);
  });
});

describe('staleOutputs', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Writes a file with its modification time `at` seconds after a fixed instant. */
  function file(path: string, at: number): void {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, '');
    const time = 1_700_000_000 + at;
    utimesSync(abs, time, time);
  }

  function tree(): void {
    root = mkdtempSync(join(tmpdir(), 'build-fresh-'));
    file('tsconfig.json', 0);
    file('tsconfig.build.json', 0);
    file('sim/index.ts', 10);
    file('sim/engine/queue.ts', 10);
    file('sim/engine/types.d.ts', 50);
    file('test/bench/run.ts', 10);
    file('dist/sim/index.js', 20);
    file('dist/sim/engine/queue.js', 20);
    file('dist/test/bench/run.js', 20);
    file('dist/cli/sawtooth.js', 21);
  }

  it('finds nothing when every output is newer than its source (declaration files have none)', () => {
    tree();
    expect(staleOutputs(root)).toEqual([]);
  });

  it('finds a source newer than its output, a source never built and a changed tsconfig', () => {
    tree();
    file('sim/engine/queue.ts', 30);
    file('sim/engine/new.ts', 5);
    file('tsconfig.build.json', 25);
    expect(staleOutputs(root)).toEqual([
      'sim/engine/new.ts: not built',
      'sim/engine/queue.ts: newer than its output',
      'dist/cli/sawtooth.js: older than sim/engine/queue.ts',
      'tsconfig.build.json: changed since the last build',
    ]);
  });

  it('finds a bench source newer than its output', () => {
    tree();
    file('test/bench/run.ts', 30);
    expect(staleOutputs(root)).toEqual(['test/bench/run.ts: newer than its output']);
  });

  it('ignores what changed after the given instant', () => {
    tree();
    file('sim/index.ts', 30);
    expect(staleOutputs(root, (1_700_000_000 + 25) * 1000)).toEqual([]);
    expect(staleOutputs(root, (1_700_000_000 + 35) * 1000)).toEqual(['sim/index.ts: newer than its output', 'dist/cli/sawtooth.js: older than sim/index.ts']);
  });

  it('finds everything when dist/ is missing', () => {
    tree();
    rmSync(join(root, 'dist'), { recursive: true });
    expect(staleOutputs(root)).toEqual([
      'sim/engine/queue.ts: not built',
      'sim/index.ts: not built',
      'test/bench/run.ts: not built',
      'dist/cli/sawtooth.js: not bundled',
    ]);
  });

  it('finds the CLI bundle older than a source under sim/, or missing, and a changed rolldown config', () => {
    tree();
    file('dist/sim/engine/queue.js', 30);
    file('sim/engine/queue.ts', 25);
    expect(staleOutputs(root)).toEqual(['dist/cli/sawtooth.js: older than sim/engine/queue.ts']);
    file('dist/cli/sawtooth.js', 31);
    file('rolldown.config.js', 40);
    expect(staleOutputs(root)).toEqual(['rolldown.config.js: changed since the last build']);
    rmSync(join(root, 'dist/cli'), { recursive: true });
    expect(staleOutputs(root)).toEqual(['dist/cli/sawtooth.js: not bundled', 'rolldown.config.js: changed since the last build']);
  });
});
