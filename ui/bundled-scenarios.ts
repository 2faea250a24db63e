// The bundled scenarios (every file in scenarios/), built into the page at build time. Their data
// files are in bundled-data.ts, which only the code that loads scenarios imports (workers, sweeps).
const texts = import.meta.glob('../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface BundledScenario {
  /** The file name without extension, e.g. `jit-eoq-batch`. */
  id: string;
  /** The path the loader sees, e.g. `scenarios/jit-eoq-batch.yaml` (CSV traces resolve against it). */
  file: string;
  text: string;
}

const FIRST = 'jit-eoq-batch';

/** Every bundled scenario, the headline comparison first, then by name. */
export const BUNDLED: BundledScenario[] = Object.entries(texts)
  .map(([path, text]) => {
    const file = path.replace(/^\.\.\//, '');
    return { id: file.replace(/^scenarios\//, '').replace(/\.yaml$/, ''), file, text };
  })
  .sort((a, b) => (a.id === FIRST ? -1 : b.id === FIRST ? 1 : a.id.localeCompare(b.id)));
