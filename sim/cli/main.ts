import { readFileSync } from 'node:fs';

const HELP = `sawtooth — discrete-event simulation of inventory and production strategies

Usage:
  sawtooth --version      print the version
  sawtooth --help         print this help

Commands to come: run, sweep, validate, schema, bench (see DESIGN.md).
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI with `args` (argv without node and script); resolves to the exit status. */
export async function main(args: string[]): Promise<number> {
  const [first] = args;
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  process.stderr.write(`sawtooth: unknown command '${first}'; see sawtooth --help\n`);
  return 2;
}
