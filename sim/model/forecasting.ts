// Forecasts in the plant: for each item with a forecast, the customer demand of every planning
// bucket is observed when the bucket closes, and the forecast made for it one bucket ahead is
// judged against it (forecastBias, forecastMAPE over the buckets inside the window). Demand counts
// in the bucket it is due in: a customer who orders ahead needs the goods then.
import { streamKey, type Rng } from '../random/index.js';
import { standardNormal } from '../random/standard-normal.js';
import { replayDemand } from './demand.js';
import { createForecaster, type Forecaster } from './planning/index.js';
import type { PlanningSeries } from './results.js';
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
  /** Customer units due per bucket not closed yet (bucket k is [k·bucket, (k + 1)·bucket)). */
  demand: Map<number, number>;
  /** The forecasts made for the current bucket and the ones after it, over the planning horizon; null before the method has anything to go on. */
  ahead: number[] | null;
  /** What a plan uses while `ahead` is null: the scenario's demand rate per bucket, with the bias lever. */
  start: number;
  counts: ForecastCounts;
}

export interface Forecasting {
  /** A customer ordered `units` of `item`, due at `due`. */
  demanded(item: string, units: number, due: number): void;
  /** Closes the current bucket: every forecast learns its demand and is judged on it; the next bucket becomes current. */
  closeBucket(): void;
  /** Forecasts of `item` for the current bucket and the h − 1 after it (h ≤ the planning horizon); null for an item without a forecast. */
  forecast(item: string, h: number): number[] | null;
  counts(item: string): ForecastCounts;
  /** Per item, every closed bucket's forecast and demand (recorded only when asked for). */
  history(): PlanningSeries['forecasts'];
}

/** The forecasts of a plant; the planning clock (planning-clock.ts) closes the buckets. `record` keeps their history for charts. */
export function createForecasting(spec: PlantSpec, streams: (name: string) => Rng, record = false): Forecasting {
  const { bucket, horizon: planned } = spec.planning;
  const { warmup } = spec.time;
  const items = new Map<string, ItemForecast>();
  for (const [item, method] of Object.entries(spec.forecasts)) {
    const noise = streams(streamKey('forecastNoise', item));
    const future = method.method === 'perfect' ? perfectDemand(spec, item, streams) : undefined;
    const forecaster = createForecaster(method, { future, normal: () => standardNormal(noise) });
    // A perfect or a planner's own forecast exists before any demand is seen; a learned one does not.
    const knows = method.method === 'perfect' || method.method === 'trace';
    const start = method.startRate * bucket * (method.bias ?? 1);
    items.set(item, { forecaster, demand: new Map(), ahead: knows ? forecaster.forecast(planned) : null, start, counts: { ...NO_FORECAST } });
  }
  const history: PlanningSeries['forecasts'] = {};
  if (record) for (const item of items.keys()) history[item] = { t: [], forecast: [], actual: [] };
  // The bucket being filled; an order due at the very instant a bucket closes belongs to the next one.
  let k = 0;
  return {
    demanded: (item, units, due) => {
      const state = items.get(item);
      if (state === undefined) return;
      const at = bucketOf(due, bucket);
      state.demand.set(at, (state.demand.get(at) ?? 0) + units);
    },
    closeBucket: () => {
      for (const [item, state] of items) {
        const actual = state.demand.get(k) ?? 0;
        state.demand.delete(k);
        if (record && state.ahead !== null) {
          history[item].t.push(k * bucket);
          history[item].forecast.push(state.ahead[0]);
          history[item].actual.push(actual);
        }
        if (state.ahead !== null && k * bucket >= warmup) judge(state.counts, actual, state.ahead[0]);
        state.forecaster.observe(actual);
        // Drawn once per bucket, so the plan and the judged forecast are the same numbers (noise included).
        state.ahead = state.forecaster.forecast(planned);
      }
      k++;
    },
    forecast: (item, h) => {
      const state = items.get(item);
      if (state === undefined) return null;
      return state.ahead === null ? new Array<number>(h).fill(state.start) : state.ahead.slice(0, h);
    },
    counts: (item) => items.get(item)?.counts ?? { ...NO_FORECAST },
    history: () => history,
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

/** The customer demand of `item` per bucket to come, by due time, replayed from the demand streams' own random numbers. */
function perfectDemand(spec: PlantSpec, item: string, streams: (name: string) => Rng): (bucket: number) => number {
  const { bucket } = spec.planning;
  const totals: number[] = [];
  for (const demand of spec.demand) {
    if (demand.item !== item) continue;
    // The streams go on past the horizon, and a plan near its end looks that far ahead: a perfect
    // forecast that saw no demand beyond the horizon would stop ordering before the run ends.
    replayDemand(demand, streams, spec.time.horizon + (spec.planning.horizon + 1) * bucket, (time, units) => {
      const k = bucketOf(time + demand.dueIn, bucket);
      totals[k] = (totals[k] ?? 0) + units;
    });
  }
  return (k) => totals[k] ?? 0;
}

/** The bucket a time falls in; a time a hair below a bucket's end (float sums) stays in its bucket. */
export function bucketOf(time: number, bucket: number): number {
  return Math.floor(time / bucket + 1e-9);
}
