// Where each node and flow of a plant diagram goes: dagre's layered layout, left to right, so
// material flows from the suppliers on the left to the customers on the right.
import dagre from '@dagrejs/dagre';

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A node's box: its centre and size. */
export interface PlacedNode extends Point, Size {
  id: string;
}

/** A flow's route, from the edge of its source to the edge of its target, and the point on it above which its label sits (null without one). */
export interface PlacedEdge {
  index: number;
  points: Point[];
  label: Point | null;
}

export interface Layout extends Size {
  nodes: Map<string, PlacedNode>;
  edges: PlacedEdge[];
}

export interface LayoutInput {
  nodes: { id: string; size: Size }[];
  /** `label` is the size of the flow's label, null without one. */
  edges: { from: string; to: string; label: Size | null }[];
}

/** Space around the drawing, and between ranks (left to right) and between nodes of a rank. */
export const MARGIN = 8;
export const RANK_GAP = 42;
/** Space kept between a label and the nodes either side of it. */
const LABEL_ROOM = 8;
const NODE_GAP = 18;

/** Lays the graph out left to right; every coordinate is in the drawing's own pixels, margin included. */
export function layoutPlant({ nodes, edges }: LayoutInput): Layout {
  // dagre's declarations reach graphlib's only partly (labels come back untyped): what it sets is written here.
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', ranksep: RANK_GAP, nodesep: NODE_GAP, edgesep: 10, marginx: MARGIN, marginy: MARGIN });
  for (const node of nodes) graph.setNode(node.id, { ...node.size });
  // A label sits on a rank of its own between its ends, above its line: only the width it needs
  // beyond the gap between ranks is asked for, so a short label (a lead time) takes no more room
  // than the gap it sits in (at least 1: dagre places no label of width 0); twice its height, since
  // the line passes through the middle.
  edges.forEach((edge, index) =>
    graph.setEdge(
      edge.from,
      edge.to,
      edge.label ? { width: Math.max(1, edge.label.width + LABEL_ROOM - RANK_GAP), height: 2 * edge.label.height, labelpos: 'c' } : { width: 0, height: 0 },
      String(index),
    ),
  );
  dagre.layout(graph);
  const placed = new Map<string, PlacedNode>();
  for (const node of nodes) {
    const { x = 0, y = 0, width, height } = graph.node(node.id) as Partial<Point> & Size;
    placed.set(node.id, { id: node.id, x, y, width, height });
  }
  const routes = edges.map((edge, index): PlacedEdge => {
    const label = graph.edge(edge.from, edge.to, String(index)) as Partial<Point> & { points?: Point[] };
    const points = (label.points ?? []).map(({ x, y }) => ({ x, y }));
    return { index, points, label: edge.label && label.x !== undefined && label.y !== undefined ? { x: label.x, y: label.y } : null };
  });
  const { width = 0, height = 0 } = graph.graph() as Partial<Size>;
  return { width, height, nodes: placed, edges: routes };
}
