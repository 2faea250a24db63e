// CSV traces named by a scenario file are read here, and only here. A scenario may come from
// anyone, so the path it names is untrusted: it must lead (symlinks resolved) into the scenario
// file's folder or a folder the user allowed, to a regular file (a FIFO would block for ever,
// /dev/zero would fill the memory) no larger than the limit. Each text is read once and kept,
// so worker threads get the very texts the scenario was checked with.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { msg, UsageError } from './messages.js';

/** Where traces may be read from and how large they may be. */
export interface TraceAccess {
  /** Folders (or files) a trace may be in besides the scenario file's folder (--allow-path). */
  allow: string[];
  /** The largest trace file read, in bytes (--max-trace-mb). */
  maxBytes: number;
}

/** A reader for loadScenario, and the texts it has read (path as asked → text), for worker threads. */
export interface TraceReader {
  readFile: (path: string) => string;
  files: Record<string, string>;
}

// Opening a FIFO without O_NONBLOCK waits for a writer; O_NOFOLLOW refuses a final component
// swapped for a symlink after realpath checked it. Both are 0 where the platform lacks them.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
const CHUNK = 1 << 20;

/** Reads traces of `scenarioFile` under `access`; throws UsageError for an --allow-path that does not exist. */
export function traceReader(scenarioFile: string, access: TraceAccess): TraceReader {
  const roots = [realpathSync(dirname(resolve(scenarioFile))), ...access.allow.map(allowedRoot)];
  const files = Object.create(null) as Record<string, string>;
  const readFile = (path: string): string => {
    if (Object.hasOwn(files, path)) return files[path];
    const real = realPath(path);
    if (!roots.some((root) => real === root || isInside(real, root))) throw new Error(msg.traceOutside(roots));
    files[path] = readRegularFile(real, access.maxBytes);
    return files[path];
  };
  return { readFile, files };
}

/** A reader that serves texts read before and reads nothing more: for every later load of the same scenario. */
export function servedFrom(files: Record<string, string>): (path: string) => string {
  return (path) => {
    if (!Object.hasOwn(files, path)) throw new Error(msg.traceNotRead());
    return files[path];
  };
}

function allowedRoot(dir: string): string {
  try {
    return realpathSync(dir);
  } catch (error) {
    throw new UsageError(msg.badAllowPath(dir, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    throw new Error(msg.traceMissing((error as NodeJS.ErrnoException).code ?? (error as Error).message), { cause: error });
  }
}

/** True when `path` lies below the folder `root` (both real, absolute paths). */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

// stat before open, so a device is never opened (opening some has effects); fstat after, on
// what was actually opened; and a bounded read, for a file that grows while it is read.
function readRegularFile(real: string, maxBytes: number): string {
  checkFile(statSync(real), maxBytes);
  const fd = openSync(real, OPEN_FLAGS);
  try {
    checkFile(fstatSync(fd), maxBytes);
    return readAtMost(fd, maxBytes).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function checkFile(stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new Error(msg.traceNotFile(kindOf(stats)));
  if (stats.size > maxBytes) throw new Error(msg.traceTooLarge(stats.size, maxBytes));
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

function readAtMost(fd: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new Error(msg.traceGrew(maxBytes));
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}
