import { main } from '../../../sim/cli/main.js';

/** The small plant most CLI tests run. */
export const fixture = 'test/fixtures/small-plant.yaml';

/** Runs the CLI in this process and collects its exit status, stdout and stderr. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}
