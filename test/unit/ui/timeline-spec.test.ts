import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, runExperiment } from '../../../sim/index.js';
import { timelineMachines, timelineSpec } from '../../../ui/charts/timeline-spec.js';

const file = join(resolve(import.meta.dirname, '../../../scenarios'), 'erp-history-kanban.yaml');
const scenario = loadScenario(readFileSync(file, 'utf8'), { file, readFile: (path) => readFileSync(path, 'utf8') });

describe('the machine timeline chart', () => {
  const result = runExperiment(scenario, { replications: 1, series: { maxPoints: 600 } });

  it('draws a lane per strategy in slices of a few hours on a two-shift press, every state in its fixed colour', () => {
    expect(timelineMachines(result)).toEqual(['press']);
    const spec = timelineSpec(result, 'press', 'day') as unknown as {
      title: { subtitle: string[] };
      height: number;
      data: { values: { lane: string; state: string; t: number; end: number; date: string }[] };
      encoding: { color: { scale: { domain: string[]; range: string[] } } };
    };
    // A year on a calendar: hours, but at most four slices a chart point (600 points: 2,400 slices of 3.6 hours).
    expect(spec.title.subtitle[0]).toBe('First replication, in slices of 3.6 hours, each in the state');
    const lanes = [...new Set(spec.data.values.map((v) => v.lane))];
    expect(lanes).toEqual(['Kanban', 'Today (reorder point, big lots)']);
    expect(spec.height).toBe(44);
    expect(spec.encoding.color.scale.domain).toEqual(['busy', 'setup', 'down', 'starved', 'blocked', 'idle', 'closed']);
    // Dated: bars sit at epoch milliseconds; the first starts at time.start (2025-01-06, a Monday, closed until 06:00).
    const first = spec.data.values[0];
    expect(first.t).toBe(Date.UTC(2025, 0, 6));
    expect(first.state).toBe('closed');
    expect(first.end).toBe(Date.UTC(2025, 0, 6, 0) + 2 * (364 / 2400) * 86_400_000);
  });
});
