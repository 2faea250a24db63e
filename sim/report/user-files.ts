// Files the user gives the page, and the links that carry them: pure code shared with the command line (`sawtooth link`).
/** A CSV file the user gave the page (chosen or dropped): an order history to replay, or data to fit. */
export interface UserFile {
  /** The file's own name, e.g. `orders.csv`: a scenario names it so (`trace: orders.csv`). */
  name: string;
  text: string;
}

/**
 * What the page takes of the user's files. A file of up to `fileBytes` is used until the page is
 * left; the session (localStorage, whose quota is about 5 MB per site in every browser, shared with
 * the scenario) keeps up to `keptChars` of them, the newest first; a share link carries those the
 * scenario names while the link stays within `linkChars` (64 kB of compressed link: links longer
 * than that break in mail and chat programs). The command line reads traces of up to 256 MB.
 */
export const USER_FILE_LIMITS = { fileBytes: 20 * 1024 * 1024, keptChars: 2 * 1024 * 1024, files: 20, nameChars: 200, linkChars: 64 * 1024 } as const;

/** A size for people: `812 B`, `64 kB`, `2.5 MB`. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} kB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/** Why `name` cannot name a file on the page (a name from a link is untrusted), or null. */
export function fileNameProblem(name: string): string | null {
  if (name.trim() === '' || name !== name.trim()) return 'a file name must not be empty or start or end with a space';
  if (name.length > USER_FILE_LIMITS.nameChars) return `a file name may have up to ${USER_FILE_LIMITS.nameChars} characters`;
  // The name is all a scenario gives: no folders, nothing that reads as one.
  if (/[/\\]/.test(name) || name === '.' || name === '..') return 'a file name must not contain / or \\';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a file name must not contain control characters';
  return null;
}

const ADVICE = 'use it with the command line instead (npx sawtooth run FILE, npx sawtooth fit FILE), which reads files of up to 256 MB';

/** Why the page will not read a file of this size, or null (checked before it is read). */
export function fileSizeProblem(name: string, bytes: number): string | null {
  if (bytes <= USER_FILE_LIMITS.fileBytes) return null;
  return `${name} is ${sizeText(bytes)}, and the page takes files of up to ${sizeText(USER_FILE_LIMITS.fileBytes)}; ${ADVICE}`;
}

/** Why `text` is not a CSV file the page can read (a spreadsheet, an image), or null. */
export function fileTextProblem(name: string, text: string): string | null {
  // A NUL or the UTF-8 decoder's replacement character in the first bytes: a binary file, not text.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000\uFFFD]/.test(text.slice(0, 4096))) {
    return `${name} is not a text file: save it as CSV (comma- or semicolon-separated values, a header row first) and give it again`;
  }
  if (text.trim() === '') return `${name} is empty`;
  return null;
}

/** `files` with `file` added, or in place of the file of the same name. */
export function withFile(files: readonly UserFile[], file: UserFile): UserFile[] {
  const at = files.findIndex((f) => f.name === file.name);
  return at < 0 ? [...files, file] : files.map((f, i) => (i === at ? file : f));
}

/** A name like `name` that no file in `taken` has: `orders (2).csv`, `orders (3).csv`, … */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let k = 2; ; k++) {
    const candidate = `${stem} (${k})${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Adds the files a link brought: one the user already has with the same text is left as it is;
 * one of the same name but another text takes the name, and the user's own moves to a free name
 * (nothing the user gave is lost). Returns the files and the renames made, `[old, new]`.
 */
export function mergeLinkFiles(files: readonly UserFile[], linked: readonly UserFile[]): { files: UserFile[]; renamed: [string, string][] } {
  let merged = [...files];
  const renamed: [string, string][] = [];
  for (const file of linked) {
    const own = merged.find((f) => f.name === file.name);
    if (own?.text === file.text) continue;
    if (own !== undefined) {
      const name = freeName(own.name, new Set([...merged.map((f) => f.name), ...linked.map((f) => f.name)]));
      merged = merged.map((f) => (f === own ? { name, text: own.text } : f));
      renamed.push([own.name, name]);
    }
    merged = withFile(merged, file);
  }
  return { files: merged, renamed };
}

/**
 * The files the session can keep: the newest first (the last given), as many as fit in
 * `keptChars` of stored text altogether and no more than `files` of them. The others are used until the page is left.
 */
export function keptFiles(files: readonly UserFile[]): { kept: UserFile[]; unkept: UserFile[] } {
  const kept = new Set<UserFile>();
  let total = 0;
  for (const file of [...files].reverse()) {
    // Counted as stored: JSON writes a line break or a quote as two characters.
    const size = JSON.stringify(file.text).length;
    if (kept.size >= USER_FILE_LIMITS.files || total + size > USER_FILE_LIMITS.keptChars) continue;
    kept.add(file);
    total += size;
  }
  return { kept: files.filter((f) => kept.has(f)), unkept: files.filter((f) => !kept.has(f)) };
}

/** The files whose name the scenario text has (the only ones its traces can name, and those a share link carries). */
export function filesNamedIn(text: string, files: readonly UserFile[]): UserFile[] {
  return files.filter((f) => text.includes(f.name));
}

/**
 * The loader's files: the bundled ones by path, and each user file by its name beside any
 * scenario the page opens: at the top (an edited or linked scenario is `scenario.yaml`) and in
 * `scenarios/` (a bundled one), so `trace: orders.csv` finds it from either. A user file never
 * takes a bundled file's path: those lie in `scenarios/data/`, and a user file's name has no `/`.
 */
export function pageFiles(bundled: ReadonlyMap<string, string>, files: readonly UserFile[]): ReadonlyMap<string, string> {
  const map = new Map(bundled);
  for (const { name, text } of files) {
    if (!map.has(name)) map.set(name, text);
    if (!map.has(`scenarios/${name}`)) map.set(`scenarios/${name}`, text);
  }
  return map;
}

/** Why `value` is not a list of user files (from a link or the saved session), or null. */
export function filesProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'its files are not a list';
  if (value.length > USER_FILE_LIMITS.files) return `it has ${value.length} files, and the page keeps up to ${USER_FILE_LIMITS.files}`;
  const names = new Set<string>();
  for (const file of value as unknown[]) {
    if (file === null || typeof file !== 'object' || Array.isArray(file)) return 'one of its files is not a file';
    const { name, text } = file as Record<string, unknown>;
    if (typeof name !== 'string' || typeof text !== 'string') return 'one of its files has no name or no text';
    const problem = fileNameProblem(name);
    if (problem !== null) return `one of its files has a name the page refuses: ${problem}`;
    if (names.has(name)) return `it has two files named ${name}`;
    names.add(name);
  }
  return null;
}
