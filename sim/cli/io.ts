import { accessSync, constants, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { msg, UsageError } from './messages.js';

/** Where a command writes: stdout for results, stderr for warnings and errors. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Sends a command's output to --out FILE or stdout; a file that cannot be written is a usage error (exit 2). */
export function emit(io: Io, out: string | null, text: string, flag = '--out'): void {
  if (out === null) return io.out(text);
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new UsageError(msg.outUnwritable(out, codeOf(error), flag));
  }
}

/**
 * Refuses an --out that would fail or destroy an input, before any work is done: a folder, a
 * file in a folder that does not exist or cannot be written, or one of `inputs` (the scenario
 * file, its traces) under any name.
 */
export function checkOut(out: string, inputs: string[], flag = '--out'): void {
  const existing = statOrNull(out);
  if (existing?.isDirectory()) throw new UsageError(msg.outIsFolder(out, flag));
  const folder = dirname(resolve(out));
  if (existing === null && !statOrNull(folder)?.isDirectory()) throw new UsageError(msg.outNoFolder(out, dirname(out), flag));
  // The same device and inode: the same file through a symlink, a hard link or another spelling.
  const input =
    existing === null
      ? undefined
      : inputs.find((file) => {
          const stats = statOrNull(file);
          return stats !== null && stats.dev === existing.dev && stats.ino === existing.ino;
        });
  if (input !== undefined) throw new UsageError(msg.outIsInput(out, input, flag));
  try {
    accessSync(existing === null ? folder : out, constants.W_OK);
  } catch (error) {
    throw new UsageError(msg.outUnwritable(out, codeOf(error), flag));
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
