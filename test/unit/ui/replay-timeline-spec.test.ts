// The replay's Gantt chart: a lane per machine of one strategy, and a rule placed by a Vega signal
// (so the page moves it without compiling the spec again).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { loadScenario, runExperiment } from '../../../sim/index.js';
import { REPLAY_SIGNAL, replayTimelineSpec } from '../../../ui/charts/replay-timeline-spec.js';

const dir = resolve(import.meta.dirname, '../../../scenarios');
const load = (name: string) => {
  const file = join(dir, `${name}.yaml`);
  return loadScenario(readFileSync(file, 'utf8'), { file, readFile: (path) => readFileSync(path, 'utf8') });
};

describe('the replay timeline chart', () => {
  const line = runExperiment(load('bottleneck-line'), { replications: 1, series: { maxPoints: 300, replay: true }, strategies: ['Buffers of 20'] });

  it('draws a lane per machine of the strategy, in the file order, over the run and no further', () => {
    const spec = replayTimelineSpec(line, 'Buffers of 20') as unknown as {
      height: number;
      layer: [{ data: { values: { lane: string; rank: number }[] }; encoding: { x: { scale: { domain: number[]; nice: boolean } } } }, unknown];
    };
    const lanes = [...new Set(spec.layer[0].data.values.map((v) => v.lane))];
    expect(lanes).toEqual(['saw', 'weld', 'paint']);
    expect(spec.height).toBe(66);
    expect(spec.layer[0].encoding.x.scale).toEqual({ domain: [0, 485], nice: false });
  });

  it('places its rule by a signal the compiled Vega spec declares', () => {
    const vega = compile(replayTimelineSpec(line, 'Buffers of 20')!).spec as {
      signals?: { name: string; value?: unknown }[];
      data?: { transform?: { expr?: string }[] }[];
    };
    expect(vega.signals?.find((s) => s.name === REPLAY_SIGNAL)?.value).toBe(0);
    const formulas = (vega.data ?? []).flatMap((d) => d.transform ?? []).map((t) => t.expr);
    expect(formulas).toContain(REPLAY_SIGNAL);
  });

  it('is absent for a plant without machines', () => {
    const beer = runExperiment(load('beer-game'), { replications: 1, series: { maxPoints: 300, replay: true } });
    expect(replayTimelineSpec(beer, beer.strategies[0].name)).toBeNull();
  });
});
