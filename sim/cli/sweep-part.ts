import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { gridOf, shardBlocks, templateSize, unflattenRun, type Shard, type ShardBlockRuns, type SweepAxis, type SweepMerger } from '../experiment/index.js';
import type { Io } from './io.js';
import { MAX_REPS, MAX_SWEEP_RUNS } from './limits.js';
import { msg, UsageError } from './messages.js';

// A sweep part is a JSON Lines file (one JSON value a line), so a merge reads a part of any size a
// line at a time: line 1 is the header, which names the sweep the part belongs to; then each block
// of the shard is a line {"cell", "from", "to", "template"} followed by one line per replication,
// the array of numbers the sweep folds (sweep-shard.ts). A number is written as JavaScript prints it,
// the shortest text that reads back as the same double, so the merge folds exactly the numbers the
// shard computed; -0 is written -0, and NaN and ±Infinity, which JSON lacks, as strings.

export const PART_FORMAT = 'sawtooth sweep part';
export const PART_FORMAT_VERSION = 1;

/** What a part says of its sweep: every setting its numbers depend on. Parts merge only when all of these agree. */
export interface PartHeader {
  format: typeof PART_FORMAT;
  formatVersion: number;
  /** The version of sawtooth that ran the shard. */
  sawtooth: string;
  /** The scenario file as named, and the SHA-256 of its text and the trace files it reads. */
  scenario: { file: string; sha256: string };
  /** --set and --horizon, in the order given. */
  overrides: Record<string, unknown>;
  seed: number | string;
  /** Every cell's replications. */
  replications: number;
  strategy: string;
  kpi: string;
  axes: SweepAxis[];
  shard: Shard;
}

/** A part whose header has been read and checked. */
export interface Part {
  file: string;
  header: PartHeader;
  /** The header line as read, to check that the file is the same when it is read again to merge. */
  headerLine: string;
}

/** The SHA-256 of a scenario's text and of the trace files it reads (name and text each, in name order). */
export function scenarioDigest(text: string, files: Record<string, string>): string {
  const hash = createHash('sha256');
  // Each text after its length, so no two different sets of texts hash the same stream.
  const add = (part: string): void => void hash.update(`${part.length}:`).update(part);
  add(text);
  for (const name of Object.keys(files).sort()) {
    add(name);
    add(files[name]);
  }
  return hash.digest('hex');
}

/** The text of a part, in pieces (a header, then a piece per block), so that no one string need hold a large part. */
export function partPieces(header: PartHeader, blocks: ShardBlockRuns[]): string[] {
  return [
    `${JSON.stringify(header)}\n`,
    ...blocks.map(
      ({ cell, from, to, template, rows }) =>
        `${JSON.stringify({ cell, from, to, template })}\n${rows.map((row) => `[${row.map(numberText).join(',')}]\n`).join('')}`,
    ),
  ];
}

function numberText(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return Number.isFinite(value) ? String(value) : `"${value}"`;
}

const SPECIAL_NUMBERS: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

/**
 * Writes a part to stdout, or to `out` through a file beside it renamed into place when complete: a
 * part file is never half written, even when its shard is stopped (a pod evicted) and run again.
 */
export function writePart(io: Io, out: string | null, pieces: string[]): void {
  if (out === null) return pieces.forEach((piece) => io.out(piece));
  const temporary = `${out}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      for (const piece of pieces) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, out);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(msg.outUnwritable(out, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

const headerSchema = z.object({
  sawtooth: z.string(),
  scenario: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  overrides: z.record(z.string(), z.unknown()),
  seed: z.union([z.number(), z.string()]),
  replications: z.number().int().min(1).max(MAX_REPS),
  strategy: z.string(),
  kpi: z.string(),
  axes: z.array(z.object({ path: z.string(), values: z.array(z.number()).min(1) })).min(1),
  shard: z.object({ index: z.number().int().min(0), count: z.number().int().min(1) }),
});

/** Reads and checks a part's header (its first line); a problem is a UsageError naming the file. */
export function readPart(file: string): Part {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw new UsageError(msg.unreadable(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  if (!stats.isFile()) throw new UsageError(msg.unreadable(file, 'not a regular file'));
  const lines = linesOf(file);
  let headerLine: string | undefined;
  try {
    headerLine = lines.next().value ?? undefined;
  } finally {
    lines.return(undefined);
  }
  const raw = headerLine === undefined ? undefined : jsonOrUndefined(headerLine);
  const found = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (found.format !== PART_FORMAT) throw new UsageError(msg.notAPart(file, `its first line is not a header with "format": "${PART_FORMAT}"`));
  if (found.formatVersion !== PART_FORMAT_VERSION) throw new UsageError(msg.partFormat(file, found.formatVersion, PART_FORMAT_VERSION));
  const checked = headerSchema.safeParse(found);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UsageError(msg.notAPart(file, `its header's ${issue.path.join('.') || 'value'}: ${issue.message}`));
  }
  const header = found as unknown as PartHeader;
  const cells = header.axes.reduce((n, axis) => n * axis.values.length, 1);
  if (cells > 10_000 || cells * header.replications > MAX_SWEEP_RUNS) throw new UsageError(msg.notAPart(file, 'its sweep is larger than a sweep may be'));
  const { index, count } = header.shard;
  if (index >= count || count > cells * header.replications) throw new UsageError(msg.notAPart(file, `there is no shard ${index} of ${count} in its sweep`));
  return { file, header, headerLine: headerLine! };
}

/** What parts of one sweep must share, in the order differences are reported, with how to show each. */
const SHARED: { what: string; of: (h: PartHeader) => unknown; show?: (h: PartHeader) => string }[] = [
  { what: 'written by sawtooth', of: (h) => h.sawtooth, show: (h) => h.sawtooth },
  {
    what: 'scenario',
    of: (h) => h.scenario.sha256,
    show: (h) => `${h.scenario.sha256.slice(0, 12)}… (the SHA-256 of ${basename(h.scenario.file)} and its traces)`,
  },
  { what: '--set and --horizon', of: (h) => h.overrides },
  { what: 'seed', of: (h) => h.seed },
  { what: 'replications per cell', of: (h) => h.replications },
  { what: 'strategy', of: (h) => h.strategy },
  { what: '--kpi', of: (h) => h.kpi },
  { what: '--vary', of: (h) => h.axes, show: (h) => shortened(h.axes.map((a) => `${a.path}=${a.values.join(',')}`).join(' ')) },
  { what: 'shard count', of: (h) => h.shard.count },
];

/** One line per part that belongs to another sweep than the first part, and per shard given twice or missing; empty when the parts make one sweep. */
export function partProblems(parts: Part[]): string[] {
  const [first] = parts;
  const problems: string[] = [];
  for (const part of parts.slice(1)) {
    const differs = SHARED.find(({ of }) => JSON.stringify(of(part.header)) !== JSON.stringify(of(first.header)));
    if (differs === undefined) continue;
    const show = (h: PartHeader): string => differs.show?.(h) ?? shortened(JSON.stringify(differs.of(h)));
    problems.push(msg.partDiffers(part.file, differs.what, show(part.header), first.file, show(first.header)));
  }
  if (problems.length > 0 || first === undefined) return problems;
  const count = first.header.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, header } of parts) {
    const other = byIndex.get(header.shard.index);
    if (other !== undefined) problems.push(msg.partTwice(file, other, header.shard.index, count));
    else byIndex.set(header.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) problems.push(msg.partsMissing(missing, count));
  return problems;
}

function shortened(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/**
 * Folds a part's replications into the merge, block by block. `shapes` holds the template each cell
 * was last given, so a cell split between two parts is laid out the same in both.
 */
export function foldPart(part: Part, merger: SweepMerger, shapes: Map<number, string>): void {
  const { file, header } = part;
  const blocks = shardBlocks(gridOf(header.axes).length, header.replications, header.shard);
  let left = blocks.reduce((n, block) => n + block.to - block.from, 0);
  const lines = linesOf(file);
  let line = 0;
  const next = (): string => {
    const read = lines.next();
    if (read.done) throw new UsageError(msg.partCut(file, line, left));
    line++;
    return read.value;
  };
  const problem = (reason: string): UsageError => new UsageError(msg.partLine(file, line, reason));
  try {
    if (next() !== part.headerLine) throw problem('the header changed while the parts were merged');
    for (const block of blocks) {
      const found = jsonOrUndefined(next()) as { cell?: unknown; from?: unknown; to?: unknown; template?: unknown } | undefined;
      if (found?.cell !== block.cell || found.from !== block.from || found.to !== block.to) {
        throw problem(
          `expected the block of cell ${block.cell}, replications ${block.from} to ${block.to - 1} (shard ${header.shard.index} of ${header.shard.count})`,
        );
      }
      let size: number;
      try {
        size = templateSize(found.template);
      } catch (error) {
        throw problem((error as Error).message);
      }
      const shape = JSON.stringify(found.template);
      if ((shapes.get(block.cell) ?? shape) !== shape) throw problem(`cell ${block.cell}'s results are laid out otherwise than in the part before`);
      shapes.set(block.cell, shape);
      const template = found.template as Parameters<typeof unflattenRun>[0];
      for (let k = block.from; k < block.to; k++) {
        const row = rowOf(next(), size);
        if (typeof row === 'string') throw problem(row);
        try {
          merger.add(block.cell, k, unflattenRun(template, row));
        } catch (error) {
          throw problem(`replication ${k} of cell ${block.cell} does not fold into the sweep (${(error as Error).message})`);
        }
        left--;
      }
    }
    const extra = lines.next();
    if (!extra.done && extra.value.trim() !== '') throw new UsageError(msg.partLine(file, line + 1, 'more lines than the shard has replications'));
  } finally {
    lines.return(undefined);
  }
}

/** A replication's row of `size` numbers, or what is wrong with the line. */
function rowOf(text: string, size: number): number[] | string {
  const row = jsonOrUndefined(text);
  if (!Array.isArray(row) || row.length !== size) return `expected a replication: an array of ${size} numbers`;
  const numbers = row.map((v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && Object.hasOwn(SPECIAL_NUMBERS, v) ? SPECIAL_NUMBERS[v] : null));
  return numbers.includes(null) ? `expected numbers only, found ${JSON.stringify(row[numbers.indexOf(null)])}` : (numbers as number[]);
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Bytes read at a time. */
const CHUNK_BYTES = 2 ** 20;
/** The longest line a part may have: a replication of a plant with thousands of items takes a few MB. */
const MAX_LINE_BYTES = 256 * 2 ** 20;

/** The lines of a file, read a chunk at a time, so a part larger than a JavaScript string still merges. */
function* linesOf(file: string): Generator<string, void, undefined> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new UsageError(msg.unreadable(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  try {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for (let read = readSync(fd, chunk, 0, CHUNK_BYTES, null); read > 0; read = readSync(fd, chunk, 0, CHUNK_BYTES, null)) {
      const data = chunk.subarray(0, read);
      let start = 0;
      for (let end = data.indexOf(10, start); end >= 0; end = data.indexOf(10, start)) {
        // UTF-8 never uses the byte 10 inside a character, so a line is split off before decoding.
        yield Buffer.concat([...pending, data.subarray(start, end)]).toString('utf8');
        pending = [];
        pendingBytes = 0;
        start = end + 1;
      }
      pending.push(Buffer.from(data.subarray(start)));
      pendingBytes += read - start;
      if (pendingBytes > MAX_LINE_BYTES) throw new UsageError(msg.notAPart(file, `it has a line of more than ${MAX_LINE_BYTES / 2 ** 20} MB`));
    }
    if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
