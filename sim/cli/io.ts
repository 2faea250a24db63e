import { writeFileSync } from 'node:fs';

/** Where a command writes: stdout for results, stderr for warnings and errors. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Sends a command's output to --out FILE or stdout. */
export function emit(io: Io, out: string | null, text: string): void {
  if (out === null) io.out(text);
  else writeFileSync(out, text);
}
