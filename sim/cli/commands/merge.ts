import { SweepMerger } from '../../experiment/index.js';
import { checkOutFormat, formatOf, parseCommand } from '../args.js';
import { sweepReport } from '../format/sweep-report.js';
import { checkOut, emit, type Io } from '../io.js';
import { MERGE_HELP, UsageError, escapeControls, msg } from '../messages.js';
import { foldPart, partProblems, readPart, type Part } from '../sweep-part.js';

const MERGE_OPTIONS = {
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  md: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `sawtooth merge PART…`: the parts of a sharded sweep joined into the whole sweep's output, byte for byte. */
export async function mergeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals: files } = parseCommand('merge', args, MERGE_OPTIONS);
  if (values.help === true) {
    io.out(MERGE_HELP);
    return 0;
  }
  if (files.length === 0) throw new UsageError(msg.mergeNoParts());
  const out = values.out ?? null;
  const format = formatOf(values, out);
  if (out !== null) {
    checkOut(out, files);
    checkOutFormat(out, format);
  }
  const parts = checkedParts(files, io);
  const { axes, kpi, strategy, replications } = parts[0].header;
  const merger = new SweepMerger(axes, kpi, strategy, replications);
  const shapes = new Map<number, string>();
  // Shard by shard in order, so every cell gets its replications in the order the unsharded sweep folds them.
  for (const part of [...parts].sort((a, b) => a.header.shard.index - b.header.shard.index)) foldPart(part, merger, shapes);
  emit(io, out, sweepReport(merger.result(), format));
  return 0;
}

/** Every part's header read and checked against the others; all the problems found are reported, a line each. */
function checkedParts(files: string[], io: Io): Part[] {
  const parts: Part[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      parts.push(readPart(file));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length === 0) problems.push(...partProblems(parts));
  if (problems.length === 0) return parts;
  // The last line leaves as the command's error; the others go before it.
  for (const problem of problems.slice(0, -1)) io.err(`${escapeControls(problem)}\n`);
  throw new UsageError(problems[problems.length - 1]);
}
