import { LINK_LIMITS, checkShape, shapeProblem, type DecodedLink, type ShareState, USER_FILE_LIMITS, filesProblem, type UserFile } from '../../sim/index.js';

const KEY = 'sawtooth:session';
/** The user's CSV files, apart from the session: it is saved on every run, they only when they change. */
const FILES_KEY = 'sawtooth:files';

/** Remembers the user's scenario, edits and settings so a reload loses nothing (localStorage). */
export function saveSession(state: ShareState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage full or blocked (private mode): the page still works, only without restore.
  }
}

/**
 * The session saved by saveSession: `none` when there is none (or storage is blocked), `refused`
 * with the reason when what is stored is not a session the page can reopen. Never throws; the
 * scenario text is checked later by the loader, like a link's.
 */
export function loadSession(): DecodedLink {
  let text: string | null;
  try {
    text = localStorage.getItem(KEY);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  if (text.length > LINK_LIMITS.inflatedBytes) return { kind: 'refused', reason: 'it is larger than any scenario the page can run' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'refused', reason: 'it is damaged (not readable)' };
  }
  const problem = shapeProblem(value);
  return problem === null ? { kind: 'state', state: checkShape(value)! } : { kind: 'refused', reason: problem };
}

/** Forgets the saved session (a session the page refused is not offered again). */
export function clearSession(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Blocked storage: nothing was saved either.
  }
}

/**
 * Keeps the user's files (those keptFiles chose) for the next visit; false when the browser's
 * storage refused them (full, or blocked), which the page then says.
 */
export function saveUserFiles(files: readonly UserFile[]): boolean {
  try {
    if (files.length === 0) localStorage.removeItem(FILES_KEY);
    else localStorage.setItem(FILES_KEY, JSON.stringify(files.map(({ name, text }) => ({ name, text }))));
    return true;
  } catch {
    return false;
  }
}

/** The files saveUserFiles kept, or a reason in words when what is stored is not such a list. Never throws. */
export function loadUserFiles(): { files: UserFile[]; problem: string | null } {
  let text: string | null;
  try {
    text = localStorage.getItem(FILES_KEY);
  } catch {
    return { files: [], problem: null };
  }
  if (text === null) return { files: [], problem: null };
  // The keeper never writes more than this (names and JSON's quoting aside).
  if (text.length > 2 * USER_FILE_LIMITS.keptChars) return { files: [], problem: 'they are larger than the page keeps' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { files: [], problem: 'they are damaged (not readable)' };
  }
  const problem = filesProblem(value);
  if (problem !== null) return { files: [], problem };
  return { files: (value as UserFile[]).map(({ name, text }) => ({ name, text })), problem: null };
}
