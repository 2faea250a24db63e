// The data files bundled scenarios name (CSV demand and forecast traces), built in at build time.
// Imported only where scenarios are loaded (the loader's and the order log's workers, and sweeps in
// the page, see grid-code.ts): the page's first charts do not need them.
import { fileReader } from './state/bundled-files.js';

const data = import.meta.glob('../scenarios/data/*', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Data files bundled scenarios name, by the path the loader asks for. */
export const BUNDLED_FILES: ReadonlyMap<string, string> = new Map(Object.entries(data).map(([path, text]) => [path.replace(/^\.\.\//, ''), text]));

/**
 * The loader's readFile over the bundled files and `given` (the user's files the page sent, see
 * pageFiles), a bundled file first when both have a path, as the page's own map had it.
 */
export function bundledReader(given: ReadonlyMap<string, string>): (path: string) => string {
  const files = new Map(BUNDLED_FILES);
  for (const [path, text] of given) if (!files.has(path)) files.set(path, text);
  return fileReader(files);
}
