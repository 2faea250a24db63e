// Vitest's globalSetup: the worker-thread pool runs the compiled JavaScript in dist/ (see
// sim/experiment/pool.ts), and bin/sawtooth.js the bundle of it in dist/cli, so a run after an edit
// under sim/ would test the old code. Before any test runs, dist/ is rebuilt as `npm run build:sim`
// does (`tsc -p tsconfig.build.json`, then rolldown bundles the CLI) when a source is newer than its
// output or the bundle, an output is missing, or a config changed since the last build; otherwise
// nothing happens (a few hundred stat calls). test/unit/build-fresh.test.ts checks that this ran and worked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** When the setup compared sources with dist/ (ms since the epoch): sources changed later are the next run's. */
    simBuildCheckedAt: number;
  }
}

export const ROOT = resolve(import.meta.dirname, '../..');
/** What tsconfig.build.json compiles, and where to. */
const SOURCE_DIRS = ['sim', 'test/bench', 'test/models'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'rolldown.config.js'];
const OUT_DIR = 'dist';
/** The CLI's bundle (rolldown.config.js), built from dist/sim: older than any source under sim/, it is stale. */
export const BUNDLE = 'dist/cli/sawtooth.js';
/** Held while building, so two test runs started together do not write dist/ at once. */
const LOCK = join(OUT_DIR, '.build-sim.lock');
const LOCK_STALE_MS = 120_000;

/** Every .ts file under `dir` (relative to `root`), declaration files aside. */
function sources(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/**
 * Why dist/ does not reflect the sources, one line per reason; empty when it does. Sources changed
 * after `modifiedBefore` (ms) are not counted: they were edited while tests ran.
 */
export function staleOutputs(root = ROOT, modifiedBefore = Infinity): string[] {
  const reasons: string[] = [];
  let oldestOutput = Infinity;
  for (const source of SOURCE_DIRS.flatMap((dir) => sources(root, dir))) {
    const output = join(root, OUT_DIR, source.replace(/\.ts$/, '.js'));
    const sourceTime = statSync(join(root, source)).mtimeMs;
    if (!existsSync(output)) {
      if (sourceTime <= modifiedBefore) reasons.push(`${source}: not built`);
      continue;
    }
    const outputTime = statSync(output).mtimeMs;
    oldestOutput = Math.min(oldestOutput, outputTime);
    if (sourceTime > outputTime && sourceTime <= modifiedBefore) reasons.push(`${source}: newer than its output`);
  }
  const bundleTime = statSync(join(root, BUNDLE), { throwIfNoEntry: false })?.mtimeMs;
  if (bundleTime === undefined) reasons.push(`${BUNDLE}: not bundled`);
  else {
    const newer = sources(root, 'sim').find((source) => {
      const time = statSync(join(root, source)).mtimeMs;
      return time > bundleTime && time <= modifiedBefore;
    });
    if (newer !== undefined) reasons.push(`${BUNDLE}: older than ${newer}`);
  }
  for (const config of CONFIGS) {
    const path = join(root, config);
    if (!existsSync(path)) continue;
    const configTime = statSync(path).mtimeMs;
    if (configTime > oldestOutput && configTime <= modifiedBefore) reasons.push(`${config}: changed since the last build`);
  }
  return reasons;
}

const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));

/** Runs `work` holding the build lock (a directory: creating it is atomic); a lock left by a killed run expires. */
async function withLock<T>(root: string, work: () => T): Promise<T> {
  const lock = join(root, LOCK);
  mkdirSync(join(root, OUT_DIR), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else if (held) await sleep(200);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Rebuilds dist/ when it is stale; returns the reasons it was (empty: nothing to do). */
export async function buildSimIfStale(root = ROOT): Promise<string[]> {
  const reasons = staleOutputs(root);
  if (reasons.length === 0) return [];
  return withLock(root, () => {
    // Another run may have built it while this one waited for the lock.
    const still = staleOutputs(root);
    if (still.length === 0) return [];
    const more = still.length > 1 ? ` (and ${still.length - 1} more)` : '';
    // Only the bundle stale (it is built from tsc's output): bundle again, no need to compile.
    const compile = still.some((reason) => !reason.startsWith(`${BUNDLE}:`));
    process.stderr.write(`build-sim: dist/ is out of date, ${still[0]}${more}: running ${compile ? 'tsc -p tsconfig.build.json and ' : ''}rolldown\n`);
    if (compile) compileSim(root);
    execFileSync(process.execPath, [join(root, 'node_modules', 'rolldown', 'bin', 'cli.mjs'), '-c', 'rolldown.config.js', '--log-level', 'warn'], {
      cwd: root,
      stdio: 'pipe',
      encoding: 'utf8',
    });
    return still;
  });
}

/** `tsc -p tsconfig.build.json`; fails only when it left dist/ out of date. */
function compileSim(root: string): void {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', '@typescript', 'native', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (error) {
    // tsc writes its output despite type errors (npm run typecheck reports those); fail only when it wrote nothing.
    const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}` || String(error);
    const left = staleOutputs(root).filter((reason) => !reason.startsWith(`${BUNDLE}:`));
    if (left.length > 0)
      throw new Error(`build-sim: tsc -p tsconfig.build.json failed and dist/ is still out of date (${left[0]}):\n${output}`, { cause: error });
    process.stderr.write(`build-sim: tsc reported errors (dist/ was written all the same):\n${output}\n`);
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const checkedAt = Date.now();
  await buildSimIfStale();
  project.provide('simBuildCheckedAt', checkedAt);
}
