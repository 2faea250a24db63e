// What each node of a plant diagram says, line by line, and the box that holds it: sized from the
// text it shows (measured), names cut with an ellipsis where they would make a box too wide.
import type { FiguredPlantNode } from '../../sim/index.js';
import { chartText } from '../charts/common.js';
import type { Size } from './layout.js';

/** The text styles of the diagram: font size and weight, and the height of a line. */
export const TEXT = {
  name: { size: 13, weight: 600, line: 17 },
  detail: { size: 11, weight: 400, line: 15 },
  figure: { size: 11.5, weight: 400, line: 16 },
  value: { size: 11.5, weight: 600, line: 16 },
  edge: { size: 11, weight: 400, line: 14 },
} as const;
export type TextStyle = keyof typeof TEXT;

/** The width in pixels of `text` drawn in `style`. */
export type Measure = (text: string, style: TextStyle) => number;

export const PAD_X = 9;
export const PAD_Y = 7;
/** The band of a supplier's roof (the sawtooth of a factory) above its name. */
export const ROOF = 10;
/** Room for the inventory triangle before a stock point's name. */
export const ICON = 16;
/** Room for ⚠ after the name of a node a warning names. */
export const WARNING_MARK = 18;
/** The narrowest box of each kind: room for a short name and a figure row. */
const MIN_WIDTH: Record<FiguredPlantNode['kind'], number> = { supplier: 84, stock: 130, machine: 110, customers: 130 };
const MAX_WIDTH = 240;
/** Room kept for a figure's value, so a new run's numbers rarely change a box's size (and move the diagram). */
const VALUE_ROOM = 48;
/** Box widths go in steps, for the same reason. */
const STEP = 5;

export interface NodeBox {
  size: Size;
  /** The name as shown: line breaks as spaces, cut with … when too wide (the full name is in the node's title). */
  name: string;
  /** Policy and notes, each cut to fit. */
  details: string[];
}

/** The box of a node and the lines it shows. */
export function nodeBox(node: FiguredPlantNode, measure: Measure): NodeBox {
  // Before the name, a stock point's triangle; after it, the mark of a warning.
  const icon = (node.kind === 'stock' ? ICON : 0) + (node.warnings.length > 0 ? WARNING_MARK : 0);
  const inner = MAX_WIDTH - 2 * PAD_X;
  const name = fitText(chartText(node.label), 'name', inner - icon, measure);
  const details = [node.policy?.summary ?? '', ...node.notes].filter((d) => d !== '').map((d) => fitText(chartText(d), 'detail', inner, measure));
  if (node.kind === 'supplier')
    return { size: { width: Math.max(MIN_WIDTH.supplier, measure(name, 'name') + 2 * PAD_X), height: ROOF + 34 }, name, details: [] };
  const rows = node.figures.map((f) => measure(f.label, 'figure') + 10 + Math.max(VALUE_ROOM, measure(f.text, 'value')));
  const widest = Math.max(measure(name, 'name') + icon, ...details.map((d) => measure(d, 'detail')), ...rows) + 2 * PAD_X;
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH[node.kind], Math.ceil(widest / STEP) * STEP));
  const height = 2 * PAD_Y + TEXT.name.line + details.length * TEXT.detail.line + node.figures.length * TEXT.figure.line + (node.figures.length > 0 ? 4 : 0);
  return { size: { width, height }, name, details };
}

/** `text`, or as much of it as fits in `width` followed by …; never splits a character made of two code units. */
export function fitText(text: string, style: TextStyle, width: number, measure: Measure): string {
  if (measure(text, style) <= width) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`, style) <= width) low = mid;
    else high = mid - 1;
  }
  return `${chars.slice(0, low).join('')}…`;
}

/** A measure for tests and for a page without a canvas: an average character width per style. */
export function estimateWidth(text: string, style: TextStyle): number {
  const { size, weight } = TEXT[style];
  return Array.from(text).length * size * (weight > 500 ? 0.6 : 0.55);
}
