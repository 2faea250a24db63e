// Parts of the page the first charts do not wait for, each a chunk of its own. Their tags are in the
// page from the start and upgrade when their code arrives; properties set before that are kept (Lit
// applies them on upgrade).

/** The plant diagram (with dagre): its card is above the charts, so it loads beside the first run. */
export const PLANT_PART = (): Promise<unknown>[] => [import('./components/plant-diagram.js')];

/**
 * The panels below the charts, loaded once the first charts are drawn: the fit panel (yaml, the fit
 * charts), the sweep panel (and its search for the best), the MRP record, the presentation view, the replay and the play panel.
 */
export const PANEL_PARTS = (): Promise<unknown>[] => [
  import('./components/fit-panel.js'),
  import('./components/sweep-panel.js'),
  import('./components/mrp-record.js'),
  import('./components/presentation-view.js'),
  import('./classroom/replay-panel.js'),
  import('./classroom/play-panel.js'),
];

/** Loads parts; resolves with null, or with why one could not be loaded. Never rejects. */
export function loadParts(parts: () => Promise<unknown>[]): Promise<string | null> {
  let loading: Promise<unknown>[];
  try {
    loading = parts();
  } catch (error) {
    loading = [Promise.reject(error)];
  }
  return Promise.all(loading).then(
    () => null,
    (error: unknown) => `part of the page could not be loaded (${error instanceof Error ? error.message : String(error)}); reload the page`,
  );
}
