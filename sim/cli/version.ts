import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of Sawtooth's package.json: the first folder above this file that holds it (sim/cli
 * in sources, dist/sim/cli when compiled, wherever a bundle puts it); null when none does.
 */
export function packageRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 6; up++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'sawtooth') return dir;
    } catch {
      // not this level; try the next
    }
    dir = dirname(dir);
  }
  return null;
}

/** The package version, read from package.json above this file. */
export function version(): string {
  const root = packageRoot();
  if (root === null) return 'unknown';
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
