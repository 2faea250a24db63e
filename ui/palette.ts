/** Okabe–Ito colours: safe for the common colour-vision deficiencies and distinct on a projector. */
export const STRATEGY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** A Vega-Lite colour scale that gives each strategy the same colour in every chart. */
export function strategyScale(strategies: string[]): { domain: string[]; range: string[] } {
  return { domain: strategies, range: strategies.map((_, i) => STRATEGY_COLOURS[i % STRATEGY_COLOURS.length]) };
}
