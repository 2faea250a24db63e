// Series at the charts' resolution: a chart over time draws about one point per pixel of its plot
// (a step series keeps, per bucket of three pixels, its minimum, maximum and last value: see
// sim/stats/step-series-recorder.ts). More points cost the workers, the page and Vega's dataflow on
// every slider move and show nothing more; fewer would lose the sawtooth's teeth.

/** What the charts' axes and panel labels take of their width, in pixels (a wide chart's facet labels, a narrow one's axis). */
const WIDE_MARGIN = 150;
const NARROW_MARGIN = 60;
/** The page's grid (app-styles.ts): main's padding and the gap between cards, a card's padding and border. */
const MAIN_PADDING = 2 * 16;
const GAP = 16;
const CARD_PADDING = 2 * 17;

/** Points per series for charts over time on a page whose results area (`main`) is `mainWidth` pixels wide. */
export interface Resolution {
  /** Of the wide charts (the stock of each strategy): what the workers record per series. */
  points: number;
  /** Of the half-width charts (cumulative stockouts and deliveries). */
  narrowPoints: number;
}

export function resolutionFor(mainWidth: number): Resolution {
  const wide = mainWidth - MAIN_PADDING - CARD_PADDING;
  const narrow = (mainWidth - MAIN_PADDING - GAP) / 2 - CARD_PADDING;
  return { points: clamp(wide - WIDE_MARGIN), narrowPoints: clamp(narrow - NARROW_MARGIN) };
}

function clamp(pixels: number): number {
  return Math.max(100, Math.min(2000, Math.round(pixels)));
}

/** The indices of at most `points` (≥ 2) evenly spaced entries of `length`, the first and the last among them. */
export function evenIndices(length: number, points: number): number[] {
  if (length <= points) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: points }, (_, k) => Math.round((k * (length - 1)) / (points - 1)));
}
