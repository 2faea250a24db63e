import { cellStatusText, formatEstimate, type CellStatus, type OptimizeResult } from '../../sim/index.js';
import { chartText, type Spec } from './common.js';
import { bestOutline, gridAxes, gridFrame, meanColour, shortPath } from './sweep-spec.js';

/** An X (a filled outline, so it draws like the other symbols), for the cells that fail a constraint. */
export const CROSS = 'M-0.8,-1L0,-0.2L0.8,-1L1,-0.8L0.2,0L1,0.8L0.8,1L0,0.2L-0.8,1L-1,0.8L-0.2,0L-1,-0.8Z';

/** How the curve draws a cell of each status, in the legend's order: its label, shape and colour. */
const STATUS_MARKS: Record<CellStatus, { label: string; shape: string; colour: string }> = {
  best: { label: 'best', shape: 'diamond', colour: '#D55E00' },
  contending: { label: 'still in contention', shape: 'circle', colour: '#0072B2' },
  eliminated: { label: 'eliminated', shape: 'circle', colour: '#9ECAE1' },
  infeasible: { label: 'infeasible', shape: CROSS, colour: '#111827' },
  visited: { label: 'visited by the search', shape: 'circle', colour: '#D1D5DB' },
};

/** Eliminated, infeasible and merely visited cells are drawn faded: only the best and those still in contention stand out. */
const FADED = 0.3;

/**
 * A search for the best cell ("Find the best", runOptimize) as a chart of the cells it ran: a heat
 * map for two parameters (the best outlined, eliminated cells faded, infeasible ones crossed out), a
 * curve with 95% whiskers for one (a marker per status, with its legend). Each cell's tooltip says
 * what became of it as the CLI does (`eliminated after 27`, `infeasible (widget.fillRate>=0.95)`),
 * with its replications and the constrained KPIs. Null when no cell ran.
 */
export function optimizeSpec(result: OptimizeResult): Spec | null {
  if (result.cells.length === 0) return null;
  const paths = Object.keys(result.cells[0].values);
  // The objective, then each constrained KPI once: what a cell's tooltip shows.
  const kpis = [result.objective, ...result.constraints.map((c) => c.slice(0, c.search(/[<>]=/)))].filter((k, i, all) => all.indexOf(k) === i);
  const values = result.cells.map((cell) => {
    const summary = cell.kpis[result.objective];
    return {
      x: cell.values[paths[0]],
      y: paths.length > 1 ? cell.values[paths[1]] : null,
      mean: summary.mean,
      lo: summary.ci95?.[0] ?? null,
      hi: summary.ci95?.[1] ?? null,
      replications: cell.replications,
      cell: STATUS_MARKS[cell.status].label,
      state: cellStatusText(cell),
      best: cell.status === 'best',
      faded: cell.status !== 'best' && cell.status !== 'contending',
      infeasible: cell.status === 'infeasible',
      // Field names without dots: Vega-Lite reads a dot as a nested field.
      ...Object.fromEntries(kpis.map((k, i) => [`k${i}`, formatEstimate(cell.kpis[k], k)])),
    };
  });
  const tooltip = [
    ...paths.map((p, i) => ({ field: i === 0 ? 'x' : 'y', title: chartText(p) })),
    ...kpis.map((k, i) => ({ field: `k${i}`, title: chartText(k) })),
    { field: 'replications', title: 'replications' },
    { field: 'state', title: 'status' },
  ];
  const opacity = { condition: { test: 'datum.faded', value: FADED }, value: 1 };
  const title = `${chartText(result.objective)} by ${paths.map(shortPath).join(' × ')}`;
  const present = (status: CellStatus) => result.cells.some((c) => c.status === status);

  if (paths.length === 2) {
    const [px, py] = paths;
    const fadedCells = (['eliminated', 'visited'] as const).filter(present);
    const subtitle = [
      chartText(result.strategy),
      ...(present('best') ? ['best cell outlined'] : []),
      ...(fadedCells.length > 0 ? [`${fadedCells.join(' and ')} cells faded`] : []),
      ...(present('infeasible') ? ['infeasible ones crossed out'] : []),
    ].join('; ');
    return {
      ...gridFrame(title, subtitle, 300),
      data: { values },
      layer: [
        { mark: 'rect', encoding: { ...gridAxes(px, py, true), color: meanColour(result.objective), opacity, tooltip } },
        {
          transform: [{ filter: 'datum.infeasible' }],
          mark: { type: 'point', shape: CROSS, filled: true, size: 500, color: '#111827' },
          encoding: { ...gridAxes(px, py), tooltip },
        },
        bestOutline(px, py),
      ],
    } as Spec;
  }

  // The legend lists the statuses present, in STATUS_MARKS' order.
  const statuses = (Object.keys(STATUS_MARKS) as CellStatus[]).filter(present).map((s) => STATUS_MARKS[s]);
  const x = { field: 'x', type: 'quantitative' };
  return {
    ...gridFrame(title, `${chartText(result.strategy)}; whiskers: 95% intervals`, 260),
    data: { values },
    layer: [
      {
        mark: { type: 'line', color: '#9CA3AF', strokeWidth: 1 },
        encoding: { x: { ...x, title: shortPath(paths[0]) }, y: { field: 'mean', type: 'quantitative', title: chartText(result.objective) } },
      },
      {
        transform: [{ filter: 'isValid(datum.lo) && isValid(datum.hi)' }],
        mark: { type: 'rule', color: '#6B7280' },
        encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' }, opacity },
      },
      {
        mark: { type: 'point', filled: true },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative' },
          shape: { field: 'cell', type: 'nominal', title: null, scale: { domain: statuses.map((s) => s.label), range: statuses.map((s) => s.shape) } },
          color: { field: 'cell', type: 'nominal', title: null, scale: { domain: statuses.map((s) => s.label), range: statuses.map((s) => s.colour) } },
          size: { condition: { test: 'datum.best', value: 220 }, value: 80 },
          tooltip,
        },
      },
    ],
  } as Spec;
}
