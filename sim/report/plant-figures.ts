// Each node of a plant graph with its key figures from one strategy's results, labelled and
// formatted from the KPI catalogue, and the warnings that name it.
import type { ExperimentResult, KpiSummary } from '../experiment/index.js';
import { kpiInfo, unitText, type KpiScope } from '../model/index.js';
import { formatEstimate, formatterOf } from './numbers.js';
import type { PlantEdge, PlantNode, PlantNodeKind } from './plant-graph.js';

export interface PlantFigure {
  /** The KPI's key in its scope: `fillRate`, `utilization`, `throughput`. */
  kpi: string;
  /** The catalogue's label: `fill rate`. */
  label: string;
  /** The mean, short, with its unit where the label does not say it: `95.3%`, `412` (avg on hand), `48.2/day`, `0.12 day`; `no data` when nothing was measured. */
  text: string;
  /** The mean with its interval, as tables show it: `95.3% ± 0.4%`. */
  estimate: string;
}

export interface FiguredPlantNode extends PlantNode {
  figures: PlantFigure[];
  /** The messages of the warnings that name this node (its item or machine) for the strategy. */
  warnings: string[];
}

export interface FiguredPlantGraph {
  strategy: string;
  nodes: FiguredPlantNode[];
  edges: PlantEdge[];
}

/** The key figures of each kind of node: a stock point's service and stock, a machine's load, the customers' service. */
const KEY_FIGURES: Record<PlantNodeKind, { scope: KpiScope; kpis: string[] }> = {
  supplier: { scope: 'overall', kpis: [] },
  stock: { scope: 'item', kpis: ['fillRate', 'avgOnHand'] },
  machine: { scope: 'machine', kpis: ['utilization'] },
  customers: { scope: 'overall', kpis: ['throughput', 'avgCustomerWait'] },
};

/**
 * The graph with each node's key figures in `strategy` (stock point: fill rate and average on hand;
 * machine: utilization; customers: throughput and customer wait) and the warnings naming it. A node
 * the results do not know (a graph of another strategy) gets no figures. `currency` labels money.
 */
export function plantFigures(
  graph: { nodes: PlantNode[]; edges: PlantEdge[] },
  result: ExperimentResult,
  strategy: string,
  currency: string,
): FiguredPlantGraph {
  const results = result.strategies.find((s) => s.name === strategy);
  const warnings = result.warnings.filter((w) => w.level !== 'note' && (w.strategies === undefined || w.strategies.includes(strategy)));
  const nodes = graph.nodes.map((node): FiguredPlantNode => {
    const { scope, kpis } = KEY_FIGURES[node.kind];
    const summaries = results ? summariesOf(node, results) : undefined;
    const figures = summaries ? kpis.flatMap((kpi) => (Object.hasOwn(summaries, kpi) ? [figure(scope, kpi, summaries[kpi], result.time, currency)] : [])) : [];
    const path = pathOf(node);
    const named = path === null ? [] : warnings.filter((w) => w.path === path || w.path.startsWith(`${path}.`)).map((w) => w.message);
    return { ...node, figures, warnings: named };
  });
  return { strategy, nodes, edges: graph.edges };
}

function summariesOf(node: PlantNode, results: ExperimentResult['strategies'][number]): Record<string, KpiSummary> | undefined {
  const own = <T>(record: Record<string, T>, key: string | null): T | undefined => (key !== null && Object.hasOwn(record, key) ? record[key] : undefined);
  if (node.kind === 'stock') return own(results.items, node.subject);
  if (node.kind === 'machine') return own(results.machines, node.subject);
  if (node.kind === 'customers') return results.kpis;
  return undefined;
}

function figure(scope: KpiScope, kpi: string, summary: KpiSummary, time: { unit: string }, currency: string): PlantFigure {
  const info = kpiInfo(scope, kpi);
  // Units of stock go without saying beside `avg on hand` (as in the KPI table); a time, a rate or money does not.
  const unit = info.unit === 'stock' ? '' : unitText(info.unit, time, currency);
  const value = formatterOf(kpi)(summary.mean);
  const text = summary.n === 0 ? 'no data' : unit === '' ? value : unit.startsWith('/') ? `${value}${unit}` : `${value} ${unit}`;
  return { kpi, label: info.label, text, estimate: formatEstimate(summary, kpi) };
}

/** The scenario path warnings use for the node's item or machine. */
function pathOf(node: PlantNode): string | null {
  if (node.kind === 'stock') return `items.${node.subject}`;
  if (node.kind === 'machine') return `machines.${node.subject}`;
  return null;
}
