import { checkShape, type ShareState } from './share-link.js';

const KEY = 'sawtooth:session';

/** Remembers the user's scenario, edits and settings so a reload loses nothing (localStorage). */
export function saveSession(state: ShareState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage full or blocked (private mode): the page still works, only without restore.
  }
}

/** The session saved by saveSession, or null. */
export function loadSession(): ShareState | null {
  try {
    const text = localStorage.getItem(KEY);
    return text === null ? null : checkShape(JSON.parse(text));
  } catch {
    return null;
  }
}
