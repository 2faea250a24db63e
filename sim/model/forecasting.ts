// Forecasts in the plant: for each item with a forecast, the customer demand of every planning
// bucket is observed when the bucket ends, and the forecast made for it one bucket ahead is
// judged against it (forecastBias, forecastMAPE over the buckets inside the window).
import type { Simulation } from '../engine/index.js';
import { streamKey, type Rng } from '../random/index.js';
import { standardNormal } from '../random/standard-normal.js';
import { replayDemand } from './demand.js';
import type { EventSource } from './messages.js';
import { createForecaster, type Forecaster } from './planning/index.js';
import type { PlantSpec } from './spec.js';

/** The totals behind an item's forecast KPIs in one replication (pooled over replications as ratios). */
export interface ForecastCounts {
  /** Buckets judged, and the sum of their errors D − F. */
  forecastBuckets: number;
  forecastErrorSum: number;
  /** Buckets with demand, and the sum of their |D − F| / D. */
  forecastDemandBuckets: number;
  forecastAbsPctSum: number;
}

export const NO_FORECAST: Readonly<ForecastCounts> = { forecastBuckets: 0, forecastErrorSum: 0, forecastDemandBuckets: 0, forecastAbsPctSum: 0 };

interface ItemForecast {
  forecaster: Forecaster;
  /** Customer units ordered per bucket not judged yet (bucket k is [k·bucket, (k + 1)·bucket)). */
  demand: Map<number, number>;
  /** The forecast made for the current bucket; null before the method has anything to go on. */
  forecast: number | null;
  counts: ForecastCounts;
}

export interface Forecasting {
  /** A customer ordered `units` of `item` now. */
  demanded(item: string, units: number): void;
  counts(item: string): ForecastCounts;
}

/** Starts the bucket clock of every forecast item; `timer` counts its events. */
export function startForecasting(sim: Simulation, spec: PlantSpec, streams: (name: string) => Rng, timer: EventSource): Forecasting {
  const { bucket } = spec.planning;
  const { warmup, horizon } = spec.time;
  const items = new Map<string, ItemForecast>();
  for (const [item, method] of Object.entries(spec.forecasts)) {
    const noise = streams(streamKey('forecastNoise', item));
    const future = method.method === 'perfect' ? perfectDemand(spec, item, streams) : undefined;
    const forecaster = createForecaster(method, { future, normal: () => standardNormal(noise) });
    // A perfect or a planner's own forecast exists before any demand is seen; a learned one does not.
    const knows = method.method === 'perfect' || method.method === 'trace';
    items.set(item, { forecaster, demand: new Map(), forecast: knows ? forecaster.forecast(1)[0] : null, counts: { ...NO_FORECAST } });
  }
  // Bucket k ends at (k + 1)·bucket; an order at that very instant belongs to bucket k + 1, whichever
  // of the two events runs first.
  let k = 0;
  if (items.size > 0) {
    const tick = (): void => {
      timer.events++;
      for (const state of items.values()) {
        const actual = state.demand.get(k) ?? 0;
        state.demand.delete(k);
        if (state.forecast !== null && k * bucket >= warmup) judge(state.counts, actual, state.forecast);
        state.forecaster.observe(actual);
        state.forecast = state.forecaster.forecast(1)[0];
      }
      k++;
      if ((k + 1) * bucket <= horizon) sim.scheduleAt((k + 1) * bucket, tick);
    };
    if (bucket <= horizon) sim.scheduleAt(bucket, tick);
  }
  return {
    demanded: (item, units) => {
      const state = items.get(item);
      if (state === undefined) return;
      const at = bucketOf(sim.now, bucket);
      state.demand.set(at, (state.demand.get(at) ?? 0) + units);
    },
    counts: (item) => items.get(item)?.counts ?? { ...NO_FORECAST },
  };
}

function judge(counts: ForecastCounts, actual: number, forecast: number): void {
  counts.forecastBuckets++;
  counts.forecastErrorSum += actual - forecast;
  // A bucket without demand has no percentage error.
  if (actual > 0) {
    counts.forecastDemandBuckets++;
    counts.forecastAbsPctSum += Math.abs(actual - forecast) / actual;
  }
}

/** The customer demand of `item` per bucket to come, replayed from the demand streams' own random numbers. */
function perfectDemand(spec: PlantSpec, item: string, streams: (name: string) => Rng): (bucket: number) => number {
  const { bucket } = spec.planning;
  const totals: number[] = [];
  for (const demand of spec.demand) {
    if (demand.item !== item) continue;
    replayDemand(demand, streams, spec.time.horizon, (time, units) => {
      const k = bucketOf(time, bucket);
      totals[k] = (totals[k] ?? 0) + units;
    });
  }
  return (k) => totals[k] ?? 0;
}

/** The bucket a time falls in; a time a hair below a bucket's end (float sums) stays in its bucket. */
function bucketOf(time: number, bucket: number): number {
  return Math.floor(time / bucket + 1e-9);
}
