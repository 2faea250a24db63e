import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  formatEstimate,
  kpiInfo,
  loadScenario,
  plantDescription,
  plantFigures,
  plantGraph,
  runExperiment,
  type ExperimentResult,
  type PlantGraph,
} from '../../../sim/index.js';

const file = 'scenarios/jit-eoq-batch.yaml';
const headline = loadScenario(readFileSync(file, 'utf8'), { file });

/** A factory makes beer from bought malt; a warehouse takes it by transfer and serves two shops, the north one first. */
const CHAIN = `name: Chain
time: { unit: day, horizon: 60, warmup: 5 }
run: { replications: 2, seed: 3 }
machines:
  brewery: { servers: 2 }
items:
  malt:
    initial: 200
    buy: { leadTime: { uniform: { min: 1, max: 3 } }, orderCost: 10 }
    policy: { type: sQ, reorderPoint: 40, quantity: 100 }
  factory:
    initial: 40
    make: { machine: brewery, processTime: 0.05, bom: { malt: 2 } }
    policy: { type: baseStock, level: 40 }
  warehouse:
    initial: 30
    allocation: priority
    priority: [north]
    transfer: { from: factory, leadTime: 1, orderDelay: 2 }
    policy: { type: sS, reorderPoint: 20, orderUpTo: 60 }
  north:
    initial: 10
    transfer: { from: warehouse, leadTime: 1 }
    policy: { type: baseStock, level: 12 }
  south:
    initial: 10
    transfer: { from: warehouse, leadTime: { exponential: { mean: 1.5 } } }
    policy: { type: kanban, cards: 3, containerSize: 4 }
  spare: { initial: 5 }
demand:
  - { item: north, every: 0.5 }
  - { item: south, every: 0.5 }
  - { item: south, every: 2, quantity: 3 }
strategies:
  Chain: {}
  Direct:
    items:
      south: { transfer: null, buy: { leadTime: 4 } }
`;
const chain = loadScenario(CHAIN, { file: 'chain.yaml' });

function edgesOf(graph: PlantGraph): string[] {
  return graph.edges.map((e) => `${e.from} -${e.kind}-> ${e.to}${e.label.length > 0 ? ` [${e.label.join(' / ')}]` : ''}`);
}

describe('plantGraph(strategy)', () => {
  it('draws the headline plant: a supplier per bought item, stock points, the machine, the customers', () => {
    const graph = plantGraph(headline.compiled.EOQ);
    expect(graph.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ['supplier:steel', 'supplier', 'Supplier'],
      ['stock:steel', 'stock', 'steel'],
      ['stock:widget', 'stock', 'widget'],
      ['machine:press', 'machine', 'press'],
      ['customers', 'customers', 'Customers'],
    ]);
    expect(edgesOf(graph)).toEqual([
      'supplier:steel -purchase-> stock:steel [≈5 day]',
      'machine:press -production-> stock:widget',
      'stock:steel -component-> machine:press [×2]',
      'stock:widget -demand-> customers',
    ]);
  });

  it("says each stock point's policy with the numbers the model runs (eoq and service levels resolved)", () => {
    const eoq = headline.compiled.EOQ;
    const widget = plantGraph(eoq).nodes.find((n) => n.id === 'stock:widget')!;
    const policy = eoq.policies.widget as { type: 'sQ'; reorderPoint: number; quantity: number };
    expect(widget.policy?.type).toBe('sQ');
    expect(widget.policy?.summary).toMatch(/^sQ: s [\d,.]+, Q [\d,.]+$/);
    expect(widget.policy?.summary).toContain(`Q ${Math.round(policy.quantity).toLocaleString('en-US')}`);
    const jit = plantGraph(headline.compiled.JIT).nodes.find((n) => n.id === 'stock:widget')!;
    expect(jit.policy?.summary).toMatch(/^kanban \d+ × \d+$/);
  });

  it('draws transfers between stock points, a fan-out to shops, and each transfer’s lead time and order delay', () => {
    const graph = plantGraph(chain.compiled.Chain);
    expect(graph.nodes.filter((n) => n.kind === 'stock').map((n) => n.label)).toEqual(['malt', 'factory', 'warehouse', 'north', 'south', 'spare']);
    expect(edgesOf(graph)).toEqual([
      'supplier:malt -purchase-> stock:malt [≈2 day]',
      'stock:factory -transfer-> stock:warehouse [1 day / delay 2]',
      'stock:warehouse -transfer-> stock:north [1 day]',
      'stock:warehouse -transfer-> stock:south [≈1.5 day]',
      'machine:brewery -production-> stock:factory',
      'stock:malt -component-> machine:brewery [×2]',
      // Two demand lines for the south shop: one flow.
      'stock:north -demand-> customers',
      'stock:south -demand-> customers',
    ]);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    expect(graph.edges.find((e) => e.to === 'stock:warehouse')!.description).toBe('lead time 1 day, order delay 2 day');
    expect(byId.get('stock:warehouse')!.notes).toEqual(['serves by priority']);
    expect(byId.get('machine:brewery')!.notes).toEqual(['2 servers']);
    expect(byId.get('stock:spare')!.policy).toEqual({ type: 'none', summary: 'never reorders' });
  });

  it('draws the bundled Beer Game: four stages linked by transfers, each stage’s ordering rule in words', () => {
    const beer = loadScenario(readFileSync('scenarios/beer-game.yaml', 'utf8'), { file: 'scenarios/beer-game.yaml' });
    const [sterman, , shared] = beer.strategies;
    const graph = plantGraph(beer.compiled[sterman]);
    expect(edgesOf(graph)).toEqual([
      'supplier:factory -purchase-> stock:factory [2 week]',
      'stock:factory -transfer-> stock:distributor [2 week / delay 2]',
      'stock:distributor -transfer-> stock:wholesaler [2 week / delay 2]',
      'stock:wholesaler -transfer-> stock:retailer [2 week / delay 2]',
      'stock:retailer -demand-> customers',
    ]);
    expect(graph.nodes.find((n) => n.id === 'stock:retailer')!.policy!.summary).toBe('anchor and adjust, target 17');
    const sharing = plantGraph(beer.compiled[shared]).nodes.filter((n) => n.kind === 'stock');
    expect(sharing.map((n) => [n.label, n.policy!.summary, n.notes])).toEqual([
      ['factory', 'up to 3 week of forecast', ["forecasts retailer's sales"]],
      ['distributor', 'up to 5 week of forecast', ["forecasts retailer's sales"]],
      ['wholesaler', 'up to 5 week of forecast', ["forecasts retailer's sales"]],
      ['retailer', 'up to 5 week of forecast', []],
    ]);
  });

  it('leaves ×1 off a component flow on the drawing, but says it in words', () => {
    const line = loadScenario(readFileSync('scenarios/bottleneck-line.yaml', 'utf8'), { file: 'scenarios/bottleneck-line.yaml' });
    const components = plantGraph(line.compiled[line.strategies[0]]).edges.filter((e) => e.kind === 'component');
    expect(components.map((e) => [e.from, e.to, e.label, e.description])).toEqual([
      ['stock:tube', 'machine:saw', [], '1 per unit made'],
      ['stock:cut', 'machine:weld', [], '1 per unit made'],
      ['stock:welded', 'machine:paint', [], '1 per unit made'],
    ]);
  });

  it('follows a strategy that changes the structure', () => {
    const direct = edgesOf(plantGraph(chain.compiled.Direct));
    expect(direct).toContain('supplier:south -purchase-> stock:south [4 day]');
    expect(direct.some((e) => e.includes('-> stock:south') && e.includes('transfer'))).toBe(false);
  });

  it('keeps ids apart when an item and a machine share a name, and names exactly as written', () => {
    const name = '<b>"press"</b>\u2028x';
    const text = `name: Names
time: { horizon: 20 }
machines: { ${JSON.stringify(name)}: {} }
items:
  ${JSON.stringify(name)}:
    make: { machine: ${JSON.stringify(name)}, processTime: 0.01 }
    policy: { type: makeToOrder }
demand: [ { item: ${JSON.stringify(name)}, every: 1 } ]
`;
    const graph = plantGraph(loadScenario(text, { file: 'names.yaml' }).compiled.base);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
    expect(graph.nodes.filter((n) => n.label === name).map((n) => n.kind)).toEqual(['stock', 'machine']);
    expect(edgesOf(graph)).toEqual([`machine:${name} -production-> stock:${name}`, `stock:${name} -demand-> customers`]);
  });
});

describe('plantFigures(graph, result, strategy)', () => {
  const result = runExperiment(chain, { replications: 2 });
  const figured = plantFigures(plantGraph(chain.compiled.Chain), result, 'Chain', 'EUR');
  const node = (id: string) => figured.nodes.find((n) => n.id === id)!;
  const chainResult = result.strategies.find((s) => s.name === 'Chain')!;

  it('gives a stock point its fill rate and average on hand, labelled from the KPI catalogue', () => {
    const north = node('stock:north');
    expect(north.figures.map((f) => f.label)).toEqual([kpiInfo('item', 'fillRate').label, kpiInfo('item', 'avgOnHand').label]);
    const [fill, onHand] = north.figures;
    expect(fill.text).toMatch(/^[\d.]+%$/);
    expect(onHand.text).toMatch(/^[\d,.]+$/);
    expect(onHand.estimate).toBe(formatEstimate(chainResult.items.north.avgOnHand, 'avgOnHand'));
    expect(Number(fill.text.replace('%', '')) / 100).toBeCloseTo(chainResult.items.north.fillRate.mean, 3);
  });

  it('gives a machine its utilization, the customers throughput per time unit and their wait, a supplier nothing', () => {
    expect(node('machine:brewery').figures.map((f) => [f.label, f.text])).toEqual([['utilization', expect.stringMatching(/^[\d.]+%$/)]]);
    expect(node('customers').figures.map((f) => f.label)).toEqual(['throughput', 'customer wait']);
    expect(node('customers').figures[0].text).toMatch(/^[\d.]+\/day$/);
    expect(node('customers').figures[1].text).toMatch(/ day$/);
    expect(node('supplier:malt').figures).toEqual([]);
  });

  it('says "no data" where nothing was measured: a fill rate without demand', () => {
    expect(node('stock:spare').figures[0]).toMatchObject({ label: 'fill rate', text: 'no data' });
  });

  it('attaches the warnings that name a node, for the strategies they concern, and leaves notes out', () => {
    const warned: ExperimentResult = {
      ...result,
      warnings: [
        { code: 'high-load', path: 'machines.brewery', message: 'The brewery is busy.', strategies: ['Chain'] },
        { code: 'growing-backlog', path: 'items.north', message: 'North falls behind.', strategies: ['Direct'] },
        { code: 'setup-per-unit', path: 'items.warehouse.policy', message: 'Warehouse orders one at a time.' },
        { code: 'too-few-replications', path: 'items.south', message: 'More replications.', level: 'note' },
      ],
    };
    const graph = plantFigures(plantGraph(chain.compiled.Chain), warned, 'Chain', 'EUR');
    const warnings = Object.fromEntries(graph.nodes.filter((n) => n.warnings.length > 0).map((n) => [n.id, n.warnings]));
    expect(warnings).toEqual({ 'machine:brewery': ['The brewery is busy.'], 'stock:warehouse': ['Warehouse orders one at a time.'] });
  });

  it('gives no figures to a node the strategy’s results do not know', () => {
    const other = plantFigures(plantGraph(chain.compiled.Chain), result, 'No such strategy', 'EUR');
    expect(other.nodes.every((n) => n.figures.length === 0)).toBe(true);
  });
});

describe('plantDescription(graph)', () => {
  it('says every stock point, machine and the customers with their figures, and every flow', () => {
    const result = runExperiment(headline, { replications: 2, strategies: ['EOQ'] });
    const { nodes, flows } = plantDescription(plantFigures(plantGraph(headline.compiled.EOQ), result, 'EOQ', 'EUR'));
    expect(nodes).toHaveLength(4);
    expect(nodes[0]).toMatch(/^Stock point steel: sQ: s [\d,]+, Q [\d,]+; fill rate [\d.]+%, avg on hand [\d,.]+\.$/);
    expect(nodes[2]).toMatch(/^Machine press: utilization [\d.]+%\.$/);
    expect(nodes[3]).toMatch(/^Customers: throughput [\d.]+\/day, customer wait [\d.]+ day\.$/);
    expect(flows).toEqual([
      'Supplier of steel → stock point steel: purchase, lead time ≈5 day.',
      'Machine press → stock point widget: production.',
      'Stock point steel → machine press: component, 2 per unit made.',
      'Stock point widget → customers: demand.',
    ]);
  });
});
