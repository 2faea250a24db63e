import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type Io } from '../io.js';
import { BENCH_HELP } from '../messages.js';
import { packageRoot } from '../version.js';

/** `sawtooth bench`: runs the compiled benchmark suite (test/bench) in a fresh Node process. */
export async function benchCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(BENCH_HELP);
    return 0;
  }
  // From the package's folder, not this file's: in the bundle (dist/cli) this file is not where tsc puts it.
  const script = join(packageRoot() ?? '.', 'dist', 'test', 'bench', 'run.js');
  const child = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  return child.status ?? 1;
}
