// A plant graph in sentences: the text alternative of its diagram, for screen readers and for
// anyone who would rather read the plant than look at it.
import type { FiguredPlantGraph, FiguredPlantNode } from './plant-figures.js';

/** One sentence per node (suppliers left to the flows that name them) and one per flow, in the graph's order. */
export function plantDescription(graph: FiguredPlantGraph): { nodes: string[]; flows: string[] } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const nodes = graph.nodes.filter((n) => n.kind !== 'supplier').map(nodeSentence);
  const flows = graph.edges.map((e) => {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    return `${capitalize(from ? nodeName(from) : e.from)} → ${to ? nodeName(to) : e.to}: ${e.kind}${e.description ? `, ${e.description}` : ''}.`;
  });
  return { nodes, flows };
}

/** What a sentence calls a node: `stock point steel`, `machine press`, `supplier of steel`, `customers`. */
export function nodeName(node: FiguredPlantNode): string {
  switch (node.kind) {
    case 'stock':
      return `stock point ${node.label}`;
    case 'machine':
      return `machine ${node.label}`;
    case 'supplier':
      return `supplier of ${node.subject}`;
    default:
      return 'customers';
  }
}

function nodeSentence(node: FiguredPlantNode): string {
  const facts = [node.policy?.summary, ...node.notes].filter((f) => f !== undefined && f !== '');
  const figures = node.figures.map((f) => `${f.label} ${f.text}`).join(', ');
  const parts = [facts.join(', '), figures].filter((p) => p !== '');
  const warned = node.warnings.map((w) => ` Warning: ${w}`).join('');
  return `${capitalize(nodeName(node))}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}.${warned}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
