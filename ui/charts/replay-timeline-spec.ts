// The replay's Gantt chart: what every machine of one strategy did through the first replication, a
// lane per machine (and server), with a rule at the instant the replay shows. The rule follows a
// Vega signal, so scrubbing moves it without compiling the spec again.
import type { ExperimentResult } from '../../sim/index.js';
import { CONFIG, chartText, type Spec } from './common.js';
import { timeAxis } from './time-axis.js';
import { GANTT_LANES_AND_STATES } from './timeline-spec.js';

/** The signal that places the rule: a time on the chart's axis (epoch milliseconds when the run is dated). */
export const REPLAY_SIGNAL = 'replay_at';

/** The Gantt of `strategy`'s machines with a rule at REPLAY_SIGNAL; null when its first replication kept no machine timelines. */
export function replayTimelineSpec(result: ExperimentResult, strategy: string): Spec | null {
  const machines = result.strategies.find((s) => s.name === strategy)?.series?.machines ?? {};
  const names = Object.keys(machines);
  if (names.length === 0) return null;
  const unit = result.time.unit;
  const axis = timeAxis(result, unit);
  const values = names.flatMap((machine, order) => {
    const { bars } = machines[machine];
    const servers = Math.max(1, ...bars.map((b) => b.server + 1));
    return bars.map((bar) => ({
      lane: servers > 1 ? `${machine} · server ${bar.server + 1}` : machine,
      rank: order * 1000 + bar.server,
      state: bar.state,
      ...axis.at(bar.start),
      end: axis.x(bar.end),
      length: bar.end - bar.start,
    }));
  });
  const lanes = new Set(values.map((v) => v.lane)).size;
  const base = axis.encoding('time', 'time', result.time.horizon);
  // The run's own ends, not rounded out to a nicer number: the rule at the horizon is at the chart's edge.
  const x = { ...base, scale: { ...(base.scale as object | undefined), nice: false } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CONFIG,
    width: 'container' as unknown as number,
    height: 22 * Math.max(1, lanes),
    params: [{ name: REPLAY_SIGNAL, value: axis.x(0) }],
    layer: [
      {
        data: { values },
        mark: { type: 'bar' },
        encoding: {
          x,
          x2: { field: 'end' },
          ...GANTT_LANES_AND_STATES,
          tooltip: [
            { field: 'lane', title: 'machine' },
            { field: 'state' },
            axis.tooltip('from'),
            { field: 'length', title: `for (${chartText(unit)})`, format: ',.3~r' },
          ],
        },
      },
      {
        data: { values: [{}] },
        transform: [{ calculate: REPLAY_SIGNAL, as: 't' }],
        layer: [
          { mark: { type: 'rule', color: '#0f172a', strokeWidth: 3 } },
          // A mark above the lanes: the rule stays easy to find among thousands of slices.
          {
            mark: { type: 'point', shape: 'triangle-down', filled: true, color: '#0f172a', size: 90, yOffset: -7, clip: false },
            encoding: { y: { value: 0 } },
          },
        ],
        encoding: { x: { field: 't', type: base.type } },
      },
    ],
  } as Spec;
}
