import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, plantGraph, type FiguredPlantGraph, type FiguredPlantNode, type Scenario } from '../../../sim/index.js';
import { basisPath } from '../../../ui/diagram/curve.js';
import { DrawingCache } from '../../../ui/diagram/drawing.js';
import { MARGIN, type Layout } from '../../../ui/diagram/layout.js';
import { estimateWidth, fitText, nodeBox } from '../../../ui/diagram/node-box.js';

const BUNDLED = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));

function load(file: string): Scenario {
  return loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), { file: `scenarios/${file}`, readFile: (path) => readFileSync(path, 'utf8') });
}

/** The graph of a scenario's first strategy with a figure row per node kind, as results would give it. */
function figured(scenario: Scenario): FiguredPlantGraph {
  const name = scenario.strategies[0];
  const figures = { stock: ['fill rate', 'avg on hand'], machine: ['utilization'], customers: ['throughput', 'customer wait'], supplier: [] };
  const graph = plantGraph(scenario.compiled[name]);
  return {
    strategy: name,
    edges: graph.edges,
    nodes: graph.nodes.map((n) => ({ ...n, warnings: [], figures: figures[n.kind].map((label) => ({ kpi: label, label, text: '12.3%', estimate: '12.3%' })) })),
  };
}

function chain(n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const source = i === 0 ? 'buy: { leadTime: 1 }' : `transfer: { from: s${i - 1}, leadTime: 0.5, orderDelay: 1 }`;
    return `  s${i}: { ${source}, policy: { type: baseStock, level: 20 } }`;
  });
  return `name: Chain\ntime: { horizon: 10 }\nitems:\n${items.join('\n')}\ndemand: [ { item: s${n - 1}, every: 1 } ]\n`;
}

function overlaps(layout: Layout): string[] {
  const boxes = [...layout.nodes.values()];
  const found: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2) found.push(`${a.id} & ${b.id}`);
    }
  }
  return found;
}

function expectReadable(graph: FiguredPlantGraph, layout: Layout): void {
  expect(overlaps(layout)).toEqual([]);
  for (const node of layout.nodes.values()) {
    expect(node.x - node.width / 2).toBeGreaterThanOrEqual(MARGIN - 0.5);
    expect(node.x + node.width / 2).toBeLessThanOrEqual(layout.width - MARGIN + 0.5);
    expect(node.y + node.height / 2).toBeLessThanOrEqual(layout.height);
  }
  // Material flows left to right: every flow ends to the right of where it starts.
  for (const edge of graph.edges) expect(layout.nodes.get(edge.to)!.x).toBeGreaterThan(layout.nodes.get(edge.from)!.x);
}

describe('the plant diagram’s layout', () => {
  it.each(BUNDLED)('lays out %s left to right, no two boxes overlapping, every flow routed', (file) => {
    const graph = figured(load(file));
    const { layout } = new DrawingCache().drawingOf(graph, estimateWidth);
    expectReadable(graph, layout);
    expect(layout.edges.every((e) => e.points.length >= 2)).toBe(true);
    expect(layout.edges.filter((e, i) => (e.label !== null) !== graph.edges[i].label.length > 0)).toEqual([]);
  });

  it('lays out a 50-stage chain in well under a second, once for the same shape of plant', () => {
    const graph = figured(loadScenario(chain(50), { file: 'chain.yaml' }));
    const cache = new DrawingCache();
    const started = performance.now();
    const first = cache.drawingOf(graph, estimateWidth);
    expect(performance.now() - started).toBeLessThan(1000);
    expectReadable(graph, first.layout);
    // New numbers of the same plant: the same boxes, the same layout, not laid out again.
    const again = { ...graph, nodes: graph.nodes.map((n) => ({ ...n, figures: n.figures.map((f) => ({ ...f, text: '99.9%' })) })) };
    expect(cache.drawingOf(again, estimateWidth).layout).toBe(first.layout);
  });
});

describe('a node’s box', () => {
  const node = (label: string): FiguredPlantNode => ({
    id: `stock:${label}`,
    kind: 'stock',
    label,
    subject: label,
    policy: { type: 'sQ', summary: 'sQ: s 10, Q 20' },
    notes: [],
    figures: [],
    warnings: [],
  });

  it('shows line separators as spaces and cuts a long name with an ellipsis, never inside a character', () => {
    expect(nodeBox(node('a\u2028b\nc'), estimateWidth).name).toBe('a b c');
    const long = `${'😀'.repeat(60)}`;
    const box = nodeBox(node(long), estimateWidth);
    expect(box.name.endsWith('…')).toBe(true);
    expect(box.name.length).toBeLessThan(long.length);
    expect(Array.from(box.name.slice(0, -1)).every((c) => c === '😀')).toBe(true);
    expect(box.size.width).toBeLessThanOrEqual(240);
  });

  it('fits a text to a width: whole when it fits, else the longest prefix with …', () => {
    expect(fitText('short', 'name', 1000, estimateWidth)).toBe('short');
    const cut = fitText('x'.repeat(100), 'detail', 60, estimateWidth);
    expect(estimateWidth(cut, 'detail')).toBeLessThanOrEqual(60);
    expect(estimateWidth(`x${cut}`, 'detail')).toBeGreaterThan(60);
  });
});

describe('basisPath(points)', () => {
  it('starts at the first point and ends at the last, a straight line for two', () => {
    expect(
      basisPath([
        { x: 0, y: 0 },
        { x: 10, y: 5 },
      ]),
    ).toBe('M0,0L10,5');
    const d = basisPath([
      { x: 0, y: 0 },
      { x: 10, y: 10 },
      { x: 20, y: 0 },
    ]);
    expect(d.startsWith('M0,0')).toBe(true);
    expect(d.endsWith('L20,0')).toBe(true);
  });
});
