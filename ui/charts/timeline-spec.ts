import { MACHINE_STATES, type ExperimentResult, type MachineTimeline } from '../../sim/index.js';
import { CONFIG, chartText, type Spec } from './common.js';
import { timeAxis } from './time-axis.js';

/** A colour per machine state: work green, setups amber, breakdowns red, waits orange and purple, idle pale, closed dark. */
export const STATE_COLOURS: Record<(typeof MACHINE_STATES)[number], string> = {
  busy: '#2E7D32',
  setup: '#F9A825',
  down: '#C62828',
  starved: '#EF6C00',
  blocked: '#6A1B9A',
  idle: '#CFD8DC',
  closed: '#37474F',
};

/** A Gantt's lanes (in `rank` order) and its slices coloured by state, with the state legend: both Gantt charts' encodings. */
export const GANTT_LANES_AND_STATES = {
  y: { field: 'lane', type: 'nominal', sort: { field: 'rank', op: 'min' }, title: null, axis: { labelAngle: 0, labelLimit: 200 } },
  color: {
    field: 'state',
    type: 'nominal',
    title: 'state',
    scale: { domain: [...MACHINE_STATES], range: MACHINE_STATES.map((s) => STATE_COLOURS[s]) },
    legend: { columns: 7 },
  },
} as const;

/** Each strategy's timeline of `machine` (first replication), in file order. */
function timelines(result: ExperimentResult, machine: string): { name: string; order: number; timeline: MachineTimeline }[] {
  return result.strategies.flatMap((s, order) => {
    const timeline = s.series?.machines?.[machine];
    return timeline === undefined ? [] : [{ name: s.name, order, timeline }];
  });
}

/** Machines some strategy's first replication kept a timeline of, in order of first appearance. */
export function timelineMachines(result: ExperimentResult): string[] {
  return [...new Set(result.strategies.flatMap((s) => Object.keys(s.series?.machines ?? {})))];
}

/**
 * What `machine` did through the first replication, as a Gantt chart: a lane per strategy (and
 * server, when it has several), each slice of the run coloured by the state that held most of it
 * — busy, setup, down, starved, blocked, idle, or closed by its calendar.
 */
export function timelineSpec(result: ExperimentResult, machine: string, unit: string): Spec {
  const shown = timelines(result, machine);
  const axis = timeAxis(result, unit);
  const servers = Math.max(1, ...shown.flatMap(({ timeline }) => timeline.bars.map((b) => b.server + 1)));
  const values = shown.flatMap(({ name, order, timeline }) =>
    timeline.bars.map((bar) => ({
      strategy: name,
      lane: servers > 1 ? `${name} · server ${bar.server + 1}` : name,
      rank: order * servers + bar.server,
      state: bar.state,
      ...axis.at(bar.start),
      end: axis.x(bar.end),
      hours: bar.end - bar.start,
    })),
  );
  const slice = shown[0]?.timeline.slice ?? 0;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `What ${chartText(machine)} did`,
      subtitle: [`First replication, in slices of ${sliceText(slice, unit)}, each in the state`, 'that held most of it; drag or scroll to zoom'],
    },
    config: CONFIG,
    width: 'container' as unknown as number,
    // 22 px a lane, as a number: a step height would make Vega-Lite drop the container width's fit.
    height: 22 * Math.max(1, new Set(values.map((v) => v.lane)).size),
    data: { values },
    // Drag or wheel to zoom into a week and see the shifts: a year of slices is denser than the pixels.
    params: [{ name: 'zoom', select: { type: 'interval', encodings: ['x'] }, bind: 'scales' }],
    mark: { type: 'bar' },
    encoding: {
      x: axis.encoding('time', 'time', result.time.horizon),
      x2: { field: 'end' },
      ...GANTT_LANES_AND_STATES,
      tooltip: [
        { field: 'lane', title: 'strategy' },
        { field: 'state' },
        axis.tooltip('from'),
        { field: 'hours', title: `for (${chartText(unit)})`, format: ',.3~r' },
      ],
    },
  } as Spec;
}

/** A slice's length in words: "1 hour" for a twenty-fourth of a day, else "0.61 day". */
function sliceText(slice: number, unit: string): string {
  const hours = unit === 'day' ? slice * 24 : unit === 'hour' ? slice : NaN;
  if (hours < 24) {
    const shown = Number(hours.toPrecision(2));
    return `${shown} hour${shown === 1 ? '' : 's'}`;
  }
  return `${slice >= 10 ? slice.toFixed(0) : Number(slice.toPrecision(2)).toString()} ${chartText(unit)}`;
}
