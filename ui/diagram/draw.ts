// The SVG of a plant diagram's nodes and flows, as Lit svg templates: every name and number is
// bound as text (escaped by Lit), and every colour and font is an attribute, so the SVG downloaded
// from the page looks the same outside it.
import { svg, nothing, type SVGTemplateResult } from 'lit';
import type { FiguredPlantNode, PlantEdge, PlantEdgeKind, PlantNodeKind } from '../../sim/index.js';
import { chartText } from '../charts/common.js';
import { basisPath } from './curve.js';
import type { PlacedEdge, PlacedNode } from './layout.js';
import { ICON, PAD_X, PAD_Y, ROOF, TEXT, type NodeBox, type TextStyle } from './node-box.js';

export const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
const INK = '#0f172a';
const MUTED = '#475569';
const WARN = '#b45309';

export const NODE_COLOURS: Record<PlantNodeKind, { fill: string; stroke: string; band?: string }> = {
  supplier: { fill: '#f1f5f9', stroke: '#64748b' },
  stock: { fill: '#ffffff', stroke: '#0072b2' },
  machine: { fill: '#ffffff', stroke: '#c2410c', band: '#ffedd5' },
  customers: { fill: '#ecfdf5', stroke: '#047857' },
};

export const EDGE_STYLES: Record<PlantEdgeKind, { stroke: string; width: number; dash: string | null; legend: string }> = {
  purchase: { stroke: '#64748b', width: 1.5, dash: '5 4', legend: 'purchase (lead time)' },
  transfer: { stroke: '#0072b2', width: 2.25, dash: null, legend: 'transfer (lead time, order delay)' },
  component: { stroke: '#64748b', width: 1.5, dash: null, legend: 'component (units per unit made)' },
  production: { stroke: '#c2410c', width: 1.75, dash: null, legend: 'production' },
  demand: { stroke: '#047857', width: 1.75, dash: null, legend: 'customer demand' },
};

const ARROW = 8;

function text(x: number, y: number, content: string, style: TextStyle, fill: string, anchor: 'start' | 'middle' | 'end' = 'start'): SVGTemplateResult {
  const { size, weight } = TEXT[style];
  return svg`<text x=${x} y=${y} font-size=${size} font-weight=${weight} fill=${fill} text-anchor=${anchor}>${content}</text>`;
}

/** One node: its shape by kind, its name, policy and notes, and its figures (label left, value right). */
export function drawNode(node: FiguredPlantNode, box: NodeBox, at: PlacedNode, tooltip: string): SVGTemplateResult {
  const left = at.x - at.width / 2;
  const top = at.y - at.height / 2;
  const colours = NODE_COLOURS[node.kind];
  const warned = node.warnings.length > 0;
  const stroke = warned ? WARN : colours.stroke;
  const strokeWidth = warned ? 2.5 : 1.5;
  const nameY = top + PAD_Y + 13 + (node.kind === 'supplier' ? ROOF : 0);
  const centred = node.kind === 'supplier';
  const nameX = centred ? at.x : left + PAD_X + (node.kind === 'stock' ? ICON : 0);
  let y = nameY;
  const details = box.details.map((d) => {
    y += TEXT.detail.line;
    return text(left + PAD_X, y, d, 'detail', MUTED);
  });
  const figures = node.figures.map((f, i) => {
    const rowY = figureBaseline(node, box, at, i);
    return svg`${text(left + PAD_X, rowY, f.label, 'figure', MUTED)}${text(left + at.width - PAD_X, rowY, f.text, 'value', INK, 'end')}`;
  });
  return svg`<g class="node" data-kind=${node.kind} data-id=${node.id}>
    <title>${tooltip}</title>
    ${shape(node.kind, left, top, at.width, at.height, colours.fill, stroke, strokeWidth, colours.band)}
    ${node.kind === 'stock' ? svg`<polygon points=${inventoryIcon(left + PAD_X, top + PAD_Y + 2)} fill=${colours.stroke} />` : nothing}
    ${text(nameX, nameY, box.name, 'name', INK, centred ? 'middle' : 'start')}
    ${warned ? text(left + at.width - PAD_X, nameY, '⚠', 'name', WARN, 'end') : nothing}
    ${details}${figures}
  </g>`;
}

/** The baseline of a node's figure row `i` (label at the left, value at the right): where a replay writes its numbers. */
export function figureBaseline(node: FiguredPlantNode, box: NodeBox, at: PlacedNode, i: number): number {
  const nameY = at.y - at.height / 2 + PAD_Y + 13 + (node.kind === 'supplier' ? ROOF : 0);
  return nameY + box.details.length * TEXT.detail.line + 4 + (i + 1) * TEXT.figure.line;
}

function shape(kind: PlantNodeKind, x: number, y: number, w: number, h: number, fill: string, stroke: string, width: number, band?: string): SVGTemplateResult {
  if (kind === 'supplier') return svg`<path d=${factory(x, y, w, h)} fill=${fill} stroke=${stroke} stroke-width=${width} stroke-linejoin="round" />`;
  const radius = kind === 'customers' ? 14 : kind === 'stock' ? 6 : 2;
  const header = band ? svg`<rect x=${x} y=${y} width=${w} height=${PAD_Y + TEXT.name.line + 2} rx=${radius} fill=${band} />` : nothing;
  return svg`<rect x=${x} y=${y} width=${w} height=${h} rx=${radius} fill=${fill} />${header}<rect x=${x} y=${y} width=${w} height=${h} rx=${radius}
    fill="none" stroke=${stroke} stroke-width=${width} />`;
}

/** A factory with a sawtooth roof (the value-stream map's outside supplier): three teeth rising to the right. */
function factory(x: number, y: number, w: number, h: number): string {
  const eaves = y + ROOF;
  let d = `M${x},${y + h}L${x},${eaves}`;
  for (let i = 1; i <= 3; i++) {
    const ridge = x + (w * i) / 3;
    d += `L${ridge},${y}L${ridge},${i === 3 ? y + h : eaves}`;
  }
  return `${d}Z`;
}

/** The value-stream map's inventory triangle, 11 px high, its left corner at (x, y + 11). */
function inventoryIcon(x: number, y: number): string {
  return `${x},${y + 11} ${x + 6},${y} ${x + 12},${y + 11}`;
}

/** One flow: a smooth path along its route, an arrowhead at its target, its label on a white halo. */
export function drawEdge(edge: PlantEdge, route: PlacedEdge): SVGTemplateResult {
  const style = EDGE_STYLES[edge.kind];
  const points = route.points;
  if (points.length < 2) return svg``;
  const end = points[points.length - 1];
  const before = points[points.length - 2];
  const length = Math.hypot(end.x - before.x, end.y - before.y) || 1;
  const ux = (end.x - before.x) / length;
  const uy = (end.y - before.y) / length;
  // The line stops at the arrowhead's base, so its end does not show through the tip.
  const base = { x: end.x - ux * (ARROW - 1), y: end.y - uy * (ARROW - 1) };
  const head = `${end.x},${end.y} ${base.x - uy * 4},${base.y + ux * 4} ${base.x + uy * 4},${base.y - ux * 4}`;
  const at = route.label;
  // The label's lines just above the line, each on a white halo that keeps it legible where a curve passes under it.
  const lines = at === null ? [] : edge.label.map(chartText);
  const firstY = at === null ? 0 : at.y - 4 - (lines.length - 1) * TEXT.edge.line;
  return svg`<g class="edge" data-kind=${edge.kind} data-from=${edge.from} data-to=${edge.to}>
    <path d=${basisPath([...points.slice(0, -1), base])} fill="none" stroke=${style.stroke} stroke-width=${style.width} stroke-dasharray=${style.dash ?? nothing} />
    <polygon points=${head} fill=${style.stroke} />
    ${lines.map(
      (line, i) => svg`<text x=${at!.x} y=${firstY + i * TEXT.edge.line} font-size=${TEXT.edge.size} fill=${MUTED} text-anchor="middle" stroke="white"
        stroke-width="3" stroke-linejoin="round" paint-order="stroke">${line}</text>`,
    )}
  </g>`;
}
