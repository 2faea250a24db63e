// Units ordered and demanded per bucket of time.bucket, item by item, over the whole run: the
// series behind the bullwhip chart (orders by stage over time). Kept for the first replication
// only, and only while the run has few enough buckets to draw.
import { MAX_FLOW_BUCKETS } from './limits.js';
import type { FlowSeries } from './results.js';

export interface FlowRecorder {
  ordered(item: string, time: number, units: number): void;
  demanded(item: string, time: number, units: number): void;
  finish(): FlowSeries;
}

/** A recorder for `items` over [0, horizon], or null when the run has more than MAX_FLOW_BUCKETS buckets. */
export function createFlowRecorder(items: readonly string[], horizon: number, bucket: number): FlowRecorder | null {
  const count = Math.ceil(horizon / bucket - 1e-9);
  if (count > MAX_FLOW_BUCKETS) return null;
  const series: FlowSeries = {
    bucket,
    t: Array.from({ length: count }, (_, k) => k * bucket),
    items: Object.fromEntries(items.map((item) => [item, { ordered: new Array<number>(count).fill(0), demanded: new Array<number>(count).fill(0) }])),
  };
  // An amount at the horizon itself belongs to the last bucket.
  const at = (time: number): number => Math.min(count - 1, Math.floor(time / bucket + 1e-9));
  return {
    ordered: (item, time, units) => void (series.items[item].ordered[at(time)] += units),
    demanded: (item, time, units) => void (series.items[item].demanded[at(time)] += units),
    finish: () => series,
  };
}
