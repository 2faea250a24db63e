// A plant graph measured and laid out: each node's box and where it goes, each flow's route. A
// layout is kept per shape of graph (ids, box sizes, labels), so a new run of the same plant, whose
// numbers change but not its boxes, is drawn again without laying it out again.
import type { FiguredPlantGraph } from '../../sim/index.js';
import { chartText } from '../charts/common.js';
import { layoutPlant, type Layout } from './layout.js';
import { TEXT, nodeBox, type Measure, type NodeBox } from './node-box.js';

export interface Drawing {
  boxes: Map<string, NodeBox>;
  layout: Layout;
}

/** How many layouts are kept (a few strategies of one scenario, flipped between). */
const KEPT = 8;

export class DrawingCache {
  private readonly layouts = new Map<string, Layout>();

  /** The graph's boxes and its layout, laid out again only when its shape changed. */
  drawingOf(graph: FiguredPlantGraph, measure: Measure): Drawing {
    const boxes = new Map(graph.nodes.map((n) => [n.id, nodeBox(n, measure)]));
    const input = {
      nodes: graph.nodes.map((n) => ({ id: n.id, size: boxes.get(n.id)!.size })),
      edges: graph.edges.map((e) => ({
        from: e.from,
        to: e.to,
        label:
          e.label.length === 0 ? null : { width: Math.max(...e.label.map((l) => measure(chartText(l), 'edge'))) + 8, height: e.label.length * TEXT.edge.line },
      })),
    };
    const key = JSON.stringify(input);
    let layout = this.layouts.get(key);
    if (layout === undefined) {
      layout = layoutPlant(input);
      if (this.layouts.size >= KEPT) this.layouts.delete(this.layouts.keys().next().value!);
    } else this.layouts.delete(key);
    this.layouts.set(key, layout);
    return { boxes, layout };
  }
}
