// A slow, obviously-correct reference for the down-sampling rule, written independently of the
// streaming code: fold records before start, bucket the rest, keep first + per-bucket min/max/last.
export function oracleDownsample(
  times: number[],
  values: number[],
  start: number,
  end: number,
  maxPoints: number,
  finishTime?: number,
): { t: number[]; v: number[] } {
  const buckets = Math.floor((maxPoints - 2) / 3);
  const perTime = end > start ? buckets / (end - start) : 0;
  const recs: { t: number; v: number }[] = [];
  let pre: number | undefined;
  for (let i = 0; i < times.length; i++) {
    if (times[i] < start) pre = values[i];
    else {
      if (pre !== undefined) recs.push({ t: start, v: pre });
      pre = undefined;
      recs.push({ t: times[i], v: values[i] });
    }
  }
  if (pre !== undefined) recs.push({ t: start, v: pre });
  const bucketOf = (t: number) => Math.min(buckets - 1, Math.floor((t - start) * perTime));
  const keep = new Set<number>();
  if (recs.length > 0) keep.add(0);
  const groups = new Map<number, number[]>();
  recs.forEach((r, i) => {
    const b = bucketOf(r.t);
    groups.set(b, [...(groups.get(b) ?? []), i]);
  });
  for (const idx of groups.values()) {
    const vs = idx.map((i) => recs[i].v);
    keep.add(idx[vs.indexOf(Math.min(...vs))]);
    keep.add(idx[vs.indexOf(Math.max(...vs))]);
    keep.add(idx[idx.length - 1]);
  }
  const kept = [...keep].sort((a, b) => a - b).map((i) => recs[i]);
  const out = { t: kept.map((r) => r.t), v: kept.map((r) => r.v) };
  const last = kept[kept.length - 1];
  if (finishTime !== undefined && last !== undefined && finishTime > last.t) {
    out.t.push(finishTime);
    out.v.push(last.v);
  }
  return out;
}

/** True step value at time x: the last record at or before x (undefined before the first). */
export function stepAt(t: ArrayLike<number>, v: ArrayLike<number>, x: number): number | undefined {
  let value: number | undefined;
  for (let i = 0; i < t.length && t[i] <= x; i++) value = v[i];
  return value;
}
