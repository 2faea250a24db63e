import { readFileSync } from 'node:fs';

/** The package version, read from package.json above this file (sim/cli in sources, dist/sim/cli when built). */
export function version(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'sawtooth') return pkg.version;
    } catch {
      // not this level; try the next
    }
  }
  return 'unknown';
}
