// The replay's plant diagram: the plant's nodes with a row for each number a frame shows (a stock's
// level and backlog, a buffer's content, a machine's state and queue), sized once for the widest
// number of the run so the layout holds still, and each frame's numbers, gauges and state marks,
// drawn over the still diagram.
import { svg, nothing, type SVGTemplateResult } from 'lit';
import {
  formatNumber,
  type CompiledStrategy,
  type ExperimentResult,
  type FiguredPlantGraph,
  type FiguredPlantNode,
  type PlantGraph,
  type PlantFigure,
  type ReplayFrame,
  type ReplayLevel,
} from '../../sim/index.js';
import { STATE_COLOURS } from '../charts/timeline-spec.js';
import { figureBaseline } from './draw.js';
import type { Drawing } from './drawing.js';
import { PAD_X, PAD_Y, TEXT } from './node-box.js';

const INK = '#0f172a';
const BACKLOG = '#b91c1c';
const GAUGE = '#0072b2';

/** What each row of a node shows: the frame's number it is filled from. */
type Row = 'onHand' | 'backorders' | 'state' | 'queue';

/** The replay's plant: every node with its rows (label, and a value as wide as the widest of the run), and the most each level reached (the gauges' full scale). */
export interface ReplayPlant {
  graph: FiguredPlantGraph;
  rows: Map<string, Row[]>;
  /** Per item, the full scale of its gauge: its storage limit, else the highest level of the run; per machine, its servers. */
  scale: Map<string, number>;
}

const LABELS: Record<Row, string> = { onHand: 'on hand', backorders: 'backlog', state: 'state', queue: 'queue' };

/** The plant of `strategy` for its replay: structure from `graph`, rows and widths from the first replication's series. */
export function replayPlant(graph: PlantGraph, compiled: CompiledStrategy, result: ExperimentResult, strategy: string): ReplayPlant {
  const series = result.strategies.find((s) => s.name === strategy)?.series;
  const rows = new Map<string, Row[]>();
  const scale = new Map<string, number>();
  const widest = (values: number[]) => `≈${formatNumber(Math.max(0, ...values))}`;
  const nodes = graph.nodes.map((node): FiguredPlantNode => {
    const subject = node.subject ?? '';
    let figures: PlantFigure[] = [];
    if (node.kind === 'stock' && series && Object.hasOwn(series.items, subject)) {
      const { onHand, backorders } = series.items[subject];
      const capacity = compiled.document.items[subject]?.capacity ?? Infinity;
      const limit = Number.isFinite(capacity) ? ` / ${formatNumber(capacity)}` : '';
      const own: Row[] = ['onHand', ...(backorders.v.some((v) => v > 0) ? (['backorders'] as const) : [])];
      rows.set(node.id, own);
      scale.set(subject, Number.isFinite(capacity) ? capacity : Math.max(1, ...onHand.v));
      figures = own.map((row) => figure(row, row === 'onHand' ? `${widest(onHand.v)}${limit}` : widest(backorders.v)));
    } else if (node.kind === 'machine' && series && Object.hasOwn(series.machines, subject)) {
      const servers = compiled.document.machines[subject]?.servers ?? 1;
      rows.set(node.id, ['state', 'queue']);
      scale.set(subject, servers);
      const queue = series.replay?.queues[subject]?.v ?? [0];
      figures = [figure('state', servers === 1 ? 'starved' : `${servers} starved, 1 blocked`), figure('queue', widest(queue))];
    }
    return { ...node, figures, warnings: [] };
  });
  return { graph: { strategy, nodes, edges: graph.edges }, rows, scale };
}

function figure(row: Row, widestText: string): PlantFigure {
  return { kpi: row, label: LABELS[row], text: widestText, estimate: '' };
}

/** The still diagram's nodes: labels drawn, values left blank for the frames to fill. */
export function blankFigures(graph: FiguredPlantGraph): FiguredPlantGraph {
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, figures: n.figures.map((f) => ({ ...f, text: '' })) })) };
}

/** One frame's numbers over the still diagram: each row's value, a gauge under each stock, a mark per server in its state's colour. */
export function replayMarks(plant: ReplayPlant, drawing: Drawing, frame: ReplayFrame): SVGTemplateResult[] {
  return plant.graph.nodes.flatMap((node) => {
    const rows = plant.rows.get(node.id);
    const at = drawing.layout.nodes.get(node.id);
    const box = drawing.boxes.get(node.id);
    if (rows === undefined || at === undefined || box === undefined || node.subject === null) return [];
    const left = at.x - at.width / 2;
    const top = at.y - at.height / 2;
    const value = (row: Row, i: number, text: string, fill: string) =>
      svg`<text x=${left + at.width - PAD_X} y=${figureBaseline(node, box, at, i)} font-size=${TEXT.value.size} font-weight=${TEXT.value.weight} fill=${fill}
        text-anchor="end" data-row=${row}>${text}</text>`;
    if (node.kind === 'stock') {
      const item = frame.items[node.subject];
      if (item === undefined) return [];
      const capacity = frame.buffers[node.subject]?.capacity ?? null;
      const texts = rows.map((row, i) =>
        row === 'onHand'
          ? value(row, i, capacity === null ? item.onHand.text : `${item.onHand.text} / ${formatNumber(capacity)}`, INK)
          : value(row, i, item.backorders?.text ?? '0', (item.backorders?.value ?? 0) > 0 ? BACKLOG : INK),
      );
      const full = plant.scale.get(node.subject) ?? 1;
      return [
        svg`<g class="replay-values" data-id=${node.id} data-on-hand=${item.onHand.value} data-exact=${item.onHand.exact}
          data-backorders=${item.backorders?.value ?? nothing}>${gauge(left, top + at.height, at.width, item.onHand, full)}${texts}</g>`,
      ];
    }
    const machine = frame.machines[node.subject];
    if (machine === undefined) return [];
    const first = machine.states.find((s) => s !== null) ?? null;
    const texts = [value('state', 0, machine.stateText, first === null ? INK : darker(first)), value('queue', 1, machine.queue.text, INK)];
    const marks = machine.states.map(
      (state, i) =>
        svg`<rect x=${left + at.width - PAD_X - 10 * (machine.states.length - i)} y=${top + PAD_Y + 2} width="8" height="8" rx="1.5"
          fill=${state === null ? 'none' : STATE_COLOURS[state]} stroke=${state === null ? '#94a3b8' : 'none'} />`,
    );
    return [svg`<g class="replay-values" data-id=${node.id} data-state=${machine.stateText} data-queue=${machine.queue.value}>${marks}${texts}</g>`];
  });
}

/** A bar under a stock's box: its track the full scale, the level over it, and where the level is approximate, the bucket's range. */
function gauge(left: number, bottom: number, width: number, level: ReplayLevel, full: number): SVGTemplateResult {
  const y = bottom + 3;
  const x = (v: number) => left + width * Math.max(0, Math.min(1, v / full));
  const range = level.exact
    ? nothing
    : svg`<rect x=${x(level.min)} y=${y} width=${Math.max(0, x(level.max) - x(level.min))} height="4" fill=${GAUGE} opacity="0.3" />`;
  return svg`<rect x=${left} y=${y} width=${width} height="4" rx="1" fill="#e2e8f0" />${range}<rect x=${left} y=${y} width=${Math.max(0, x(level.value) - left)}
    height="4" fill=${GAUGE} />`;
}

/** A state's colour dark enough to read as text on white (idle's pale grey becomes slate). */
function darker(state: keyof typeof STATE_COLOURS): string {
  return state === 'idle' ? '#475569' : state === 'setup' ? '#a16207' : STATE_COLOURS[state];
}
