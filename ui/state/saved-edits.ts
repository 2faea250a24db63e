import { LINK_LIMITS, checkShape, shapeProblem, type DecodedLink, type ShareState } from './share-link.js';

const KEY = 'sawtooth:session';

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
