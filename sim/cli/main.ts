import type { ScenarioError } from '../scenario/index.js';
import { processIo, type Io } from './io.js';
import { USAGE, UsageError, escapeControls, msg, terminalSafe } from './messages.js';
import { version } from './version.js';

type Command = (args: string[], io: Io) => Promise<number>;

// Each command's module is loaded when it runs: `--version` and `--help` load nothing more, and a
// run does not load the fitting, the schema or the worker pool (start-up was most of a short run).
const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).runCommand,
  sweep: async () => (await import('./commands/sweep.js')).sweepCommand,
  merge: async () => (await import('./commands/merge.js')).mergeCommand,
  optimize: async () => (await import('./commands/optimize.js')).optimizeCommand,
  link: async () => (await import('./commands/link.js')).linkCommand,
  grade: async () => (await import('./commands/grade.js')).gradeCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  fit: async () => (await import('./commands/fit.js')).fitCommand,
  schema: async () => (await import('./commands/schema.js')).schemaCommand,
  bench: async () => (await import('./commands/bench.js')).benchCommand,
};

/**
 * Runs the CLI with `args` (argv without node and script); resolves to the exit status:
 * 0 success, 2 bad scenario or arguments (one line per problem, nothing on stdout), 1 internal error.
 */
export async function main(args: string[], terminal: Io = processIo): Promise<number> {
  // Names and keys in a scenario may hold escape sequences: nothing printed passes unescaped.
  const io: Io = { out: (text) => terminal.out(terminalSafe(text)), err: (text) => terminal.err(terminalSafe(text)) };
  const [name, ...rest] = args;
  if (name === '--version' || name === '-v') {
    io.out(`${version()}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined; // not `constructor` or `toString`
  if (load === undefined) {
    io.err(`${escapeControls(msg.unknownCommand(name))}\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    // Loaded already by any command that could throw these (cached); imported here so that start-up does not load them.
    const [{ ScenarioError }, { SimulationStalledError, SimulationTooLargeError }] = await Promise.all([
      import('../scenario/index.js'),
      import('../engine/index.js'),
    ]);
    if (error instanceof ScenarioError || error instanceof UsageError) {
      io.err(`${problemLines(error)}\n`);
      return 2;
    }
    // A scenario that loops at one instant is the scenario's problem, not a bug (the worker-thread
    // pool hands these errors on as the same classes).
    if (error instanceof SimulationStalledError) {
      io.err(`${escapeControls(msg.stalled(rest.find((a) => !a.startsWith('-')) ?? 'scenario', error.what))}\n`);
      return 2;
    }
    // A plant too large for one run (an event storm, a queue that grows without end) says which
    // source and what limit to raise: the scenario's problem too.
    if (error instanceof SimulationTooLargeError) {
      io.err(`${escapeControls(`${rest.find((a) => !a.startsWith('-')) ?? 'scenario'}: ${error.message}`)}\n`);
      return 2;
    }
    io.err(`${escapeLines(msg.internal(error))}\n`);
    return 1;
  }
}

// One problem a line: a line break inside a name or key is escaped like any control character,
// so a scenario cannot print a line of its own making.
function problemLines(error: ScenarioError | UsageError): string {
  return !(error instanceof UsageError) ? error.issues.map((issue) => escapeControls(issue.message)).join('\n') : escapeControls(error.message);
}

function escapeLines(text: string): string {
  return text.split('\n').map(escapeControls).join('\n');
}
