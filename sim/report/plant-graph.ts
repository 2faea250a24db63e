// The plant of one strategy as a graph, for a diagram and its text alternative: suppliers, stock
// points, machines and customers, joined by the flows of material between them. Built from the
// strategy's compiled document (structure and lead times) and its resolved policies (numbers).
import type { CompiledStrategy } from '../scenario/index.js';
import { meanOf } from '../scenario/distributions.js';
import type { DistributionSpec } from '../scenario/schema-distribution.js';
import { formatNumber } from './numbers.js';
import { policySummary } from './policy-summary.js';

export type PlantNodeKind = 'supplier' | 'stock' | 'machine' | 'customers';
export type PlantEdgeKind = 'purchase' | 'production' | 'component' | 'transfer' | 'demand';

export interface PlantNode {
  /** Unique in its graph, whatever the names: `stock:<item>`, `machine:<machine>`, `supplier:<item>`, `customers`. */
  id: string;
  kind: PlantNodeKind;
  /** The name shown: an item's or a machine's name as written, `Supplier`, `Customers`. */
  label: string;
  /** The item or machine the node stands for (a supplier: the item it sells); null for the customers. */
  subject: string | null;
  /** A stock point's replenishment policy: its type and its numbers in a few words. */
  policy: { type: string; summary: string } | null;
  /** Further facts worth a line: a machine's servers and calendar, a stock point's allocation when it is not first come, first served, the sales it forecasts when not its own. */
  notes: string[];
}

export interface PlantEdge {
  from: string;
  to: string;
  kind: PlantEdgeKind;
  /** The flow's label on a drawing, in short lines: a lead time (`≈5 day`) and an order delay (`delay 2`), a component's units per unit made (`×2`); none for the rest. */
  label: string[];
  /** The same in words, for the text alternative: `lead time ≈5 day, order delay 2 day`; '' for none. */
  description: string;
}

export interface PlantGraph {
  /** Suppliers, stock points, machines and the customers, each group in the file's order. */
  nodes: PlantNode[];
  edges: PlantEdge[];
}

export const CUSTOMERS = 'customers';
export const stockId = (item: string): string => `stock:${item}`;
export const machineId = (machine: string): string => `machine:${machine}`;
export const supplierId = (item: string): string => `supplier:${item}`;

/**
 * The plant of one compiled strategy. A bought item gets a supplier of its own rather than one
 * shared "Suppliers" node: the model gives each bought item its own supplier (its own lead times
 * and random stream), and a supplier beside each item keeps every purchase edge one step long, where
 * a shared node would send long edges across the diagram to items deep in a chain. The customers
 * are one node, the sink at the right where every flow ends, whose figures are the plant's overall
 * throughput and customer wait.
 */
export function plantGraph(strategy: CompiledStrategy): PlantGraph {
  const doc = strategy.document;
  const demanded = [...new Set(doc.demand.map((d) => d.item))];
  const nodes = [
    ...suppliers(strategy),
    ...stockPoints(strategy),
    ...Object.entries(doc.machines).map(([machine, spec]): PlantNode => {
      const notes = [...(spec.servers > 1 ? [`${spec.servers} servers`] : []), ...(spec.calendar !== null ? [`calendar ${spec.calendar}`] : [])];
      return { id: machineId(machine), kind: 'machine', label: machine, subject: machine, policy: null, notes };
    }),
    ...(demanded.length > 0 ? [{ id: CUSTOMERS, kind: 'customers' as const, label: 'Customers', subject: null, policy: null, notes: [] }] : []),
  ];
  const edges = [
    ...purchaseEdges(strategy),
    ...transferEdges(strategy),
    ...Object.entries(doc.items).flatMap(([item, spec]): PlantEdge[] =>
      spec.make === null ? [] : [{ from: machineId(spec.make.machine), to: stockId(item), kind: 'production', label: [], description: '' }],
    ),
    ...componentEdges(strategy),
    ...demanded.map((item): PlantEdge => ({ from: stockId(item), to: CUSTOMERS, kind: 'demand', label: [], description: '' })),
  ];
  return { nodes, edges };
}

function suppliers({ document: doc }: CompiledStrategy): PlantNode[] {
  return Object.entries(doc.items)
    .filter(([, spec]) => spec.buy !== null)
    .map(([item]) => ({ id: supplierId(item), kind: 'supplier', label: 'Supplier', subject: item, policy: null, notes: [] }));
}

function purchaseEdges({ document: doc }: CompiledStrategy): PlantEdge[] {
  return Object.entries(doc.items).flatMap(([item, spec]): PlantEdge[] => {
    if (spec.buy === null) return [];
    const leadTime = leadTimeText(spec.buy.leadTime, doc.time.unit);
    return [{ from: supplierId(item), to: stockId(item), kind: 'purchase', label: [leadTime], description: `lead time ${leadTime}` }];
  });
}

/** Each item's stock point with its policy in words, and what else sets it apart: how it shares its stock, whose sales it forecasts. */
function stockPoints({ document: doc, policies }: CompiledStrategy): PlantNode[] {
  return Object.entries(doc.items).map(([item, spec]) => {
    const policy = Object.hasOwn(policies, item) ? policies[item] : null;
    const notes = [
      ...(spec.allocation === 'fifo' ? [] : [spec.allocation === 'priority' ? 'serves by priority' : 'serves in proportion']),
      // Shared demand information: the stock point forecasts another's customer demand, not its own incoming orders.
      ...(policy?.type === 'forecastOrderUpTo' && policy.signal !== null ? [`forecasts ${policy.signal}'s sales`] : []),
    ];
    const summary = policy && { type: policy.type, summary: policySummary(policy, doc.time.unit) };
    return { id: stockId(item), kind: 'stock', label: item, subject: item, policy: summary, notes };
  });
}

/** A transfer flows from the source's stock point to the item's, with its lead time and its order delay (when there is one). */
function transferEdges({ document: doc }: CompiledStrategy): PlantEdge[] {
  const unit = doc.time.unit;
  return Object.entries(doc.items).flatMap(([item, spec]): PlantEdge[] => {
    if (spec.transfer === null) return [];
    const leadTime = leadTimeText(spec.transfer.leadTime, unit);
    const delay = spec.transfer.orderDelay > 0 ? formatNumber(spec.transfer.orderDelay) : null;
    return [
      {
        from: stockId(spec.transfer.from),
        to: stockId(item),
        kind: 'transfer',
        label: delay === null ? [leadTime] : [leadTime, `delay ${delay}`],
        description: `lead time ${leadTime}${delay === null ? '' : `, order delay ${delay} ${unit}`}`,
      },
    ];
  });
}

/**
 * Components flow from their stock point to the machine that takes them, one edge per component
 * and machine; it says the units per unit made when every item the machine makes with it takes as many
 * (the drawing leaves out ×1).
 */
function componentEdges({ document: doc }: CompiledStrategy): PlantEdge[] {
  const quantities = new Map<string, { from: string; to: string; per: Set<number> }>();
  for (const spec of Object.values(doc.items)) {
    if (spec.make === null) continue;
    for (const [component, per] of Object.entries(spec.make.bom)) {
      const key = JSON.stringify([component, spec.make.machine]);
      const entry = quantities.get(key) ?? { from: stockId(component), to: machineId(spec.make.machine), per: new Set<number>() };
      entry.per.add(per);
      quantities.set(key, entry);
    }
  }
  return [...quantities.values()].map(({ from, to, per }) => {
    const only = per.size === 1 ? [...per][0] : null;
    // ×1, the usual case, goes without saying on the drawing.
    const label = only === null || only === 1 ? [] : [`×${formatNumber(only)}`];
    return { from, to, kind: 'component', label, description: only === null ? '' : `${formatNumber(only)} per unit made` };
  });
}

/** A lead time in a few words: `2 day`, or `≈5 day` for the mean of a random one. */
function leadTimeText(spec: DistributionSpec, unit: string): string {
  const constant = typeof spec === 'number' || 'constant' in spec;
  return `${constant ? '' : '≈'}${formatNumber(meanOf(spec))} ${unit}`;
}
