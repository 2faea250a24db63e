import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Io } from '../io.js';
import { BENCH_HELP } from '../messages.js';

/** `sawtooth bench`: runs the compiled benchmark suite (test/bench) in a fresh Node process. */
export async function benchCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(BENCH_HELP);
    return 0;
  }
  const script = fileURLToPath(new URL('../../../test/bench/run.js', import.meta.url));
  const child = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  return child.status ?? 1;
}
