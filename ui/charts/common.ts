import type { TopLevelSpec } from 'vega-lite';

export type Spec = TopLevelSpec;

/** Shared look: readable on a laptop and a projector, no chart border. */
export const CONFIG = {
  font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
  view: { stroke: null },
  legend: { labelFontSize: 12, titleFontSize: 13, orient: 'bottom' as const, direction: 'horizontal' as const, columns: 2, labelLimit: 220 },
  axis: { labelFontSize: 12, titleFontSize: 13, grid: true, gridColor: '#e5e7eb' },
  // Numbers may thin out where they would overlap; strategy names never (they say which bar is which).
  axisQuantitative: { labelOverlap: true },
  axisDiscrete: { labelOverlap: false, labelAngle: -30, labelLimit: 140 },
  header: { labelFontSize: 13, titleFontSize: 13 },
  // A title never squeezes the plot: long ones are cut with an ellipsis.
  title: { fontSize: 15, anchor: 'start' as const, offset: 8, limit: 360 },
  // A line is one path: Vega-Lite's default ARIA description of it names its first point only, and
  // costs a formatted text per point on every redraw (interpreted: the CSP forbids compiling). The
  // chart-view names the figure; tooltips give the points.
  line: { aria: false },
};

/**
 * A user-supplied text (a name, a unit, a currency, a scenario path) as a chart's title, axis,
 * legend or tooltip title. Vega-Lite copies those titles into Vega expressions (the marks' aria
 * descriptions, tooltips) escaping quotes and backslashes but not line terminators, which end the
 * expression's string and break the chart: they become spaces. Names that must stay exact (strategy
 * names, which also set the order of bars and panels) travel as data values, never in a spec's text.
 */
export function chartText(text: string): string {
  return text.replace(/[\n\r\u2028\u2029]/g, ' ');
}
