// Forecasts inside the plant: each item's customer demand per planning bucket is forecast one
// bucket ahead and judged (forecastBias, forecastMAPE), through the whole stack: file, schema,
// plant, statistics over replications.
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../sim/experiment/index.js';
import { loadScenario } from '../../../sim/scenario/index.js';

// FC-01's demand per bucket: 10, 12, 8, 11, 13, 9 (one order in the middle of each bucket).
const FC01 = 'time,quantity\n0.5,10\n1.5,12\n2.5,8\n3.5,11\n4.5,13\n5.5,9\n';
const traced = (forecast: string) => `name: FC-01
time: { horizon: 6 }
run: { replications: 2 }
items:
  part: { holdingCost: 1, initial: 1000 }
demand:
  - { item: part, trace: fc01.csv }
forecasts:
  part: ${forecast}
`;
const load = (text: string) => loadScenario(text, { file: 'fc.yaml', readFile: () => FC01 });

const streamed = (forecast: string) => `name: stream
time: { horizon: 200, warmup: 20 }
run: { replications: 3 }
planning: { bucket: 5 }
items:
  part: { holdingCost: 1, initial: 100000 }
demand:
  - { item: part, interarrival: { exponential: { mean: 0.5 } }, quantity: { poisson: { mean: 3 } }, changes: [{ at: 100, factor: 1.5 }] }
forecasts:
  part: ${forecast}
`;

describe('forecast KPIs', () => {
  it('reproduce FC-01: exponential smoothing α = 0.3 has bias 0.27684 and MAPE 20.8194% over buckets 2 to 6', () => {
    const part = runExperiment(load(traced('{ method: exponentialSmoothing, alpha: 0.3 }'))).strategies[0].items.part;
    expect(part.forecastBias.mean).toBeCloseTo(0.27684, 5);
    expect(part.forecastMAPE.mean).toBeCloseTo(0.208194, 6);
    // A replayed history is the same in every replication.
    expect(part.forecastBias.sd).toBe(0);
  });

  it('know the demand to come with a perfect forecast: no error, whatever the random stream draws', () => {
    const part = runExperiment(load(streamed('{ method: perfect }'))).strategies[0].items.part;
    expect(part.forecastBias).toMatchObject({ mean: 0, n: 3 });
    expect(part.forecastMAPE.mean).toBe(0);
  });

  it('turn a bias lever of 1.2 on a perfect forecast into an error of exactly −20% of demand', () => {
    const part = runExperiment(load(streamed('{ method: perfect, bias: 1.2 }'))).strategies[0].items.part;
    expect(part.forecastMAPE.mean).toBeCloseTo(0.2, 12);
    expect(part.forecastBias.mean).toBeLessThan(0);
  });

  it('show a moving average lagging a demand that doubles: a positive bias', () => {
    const text = streamed('{ method: movingAverage, window: 8 }')
      .replace('{ poisson: { mean: 3 } }', '3')
      .replace('factor: 1.5', 'factor: 2')
      .replace('replications: 3', 'replications: 10');
    const part = runExperiment(load(text)).strategies[0].items.part;
    expect(part.forecastBias.ci95![0]).toBeGreaterThan(0);
  });

  it('are no data for an item without a forecast', () => {
    const part = runExperiment(load(traced('{ method: naive }').replace(/forecasts:[\s\S]*$/, ''))).strategies[0].items.part;
    expect(part.forecastMAPE).toEqual({ mean: 0, sd: 0, ci95: null, n: 0 });
  });

  it('refuse a forecast of an item no customer orders, and a Holt–Winters gamma above 1 − alpha', () => {
    const text = traced('{ method: naive }')
      .replace('items:\n', 'items:\n  idle: { holdingCost: 1 }\n')
      .replace('forecasts:\n', 'forecasts:\n  idle: { method: naive }\n');
    expect(() => load(text)).toThrow(
      'fc.yaml: forecasts.idle: expected an item that customers order (a demand line with item: idle), got idle, which no demand line orders',
    );
    expect(() => load(traced('{ method: holtWinters, alpha: 0.8, beta: 0.1, gamma: 0.5, season: 4 }'))).toThrow(
      /forecasts\.part\.gamma: expected a number <= 1 − alpha \(0\.2\)/,
    );
  });
});
