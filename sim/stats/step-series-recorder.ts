/** A step series: value v[i] holds from time t[i] until t[i + 1]. */
export interface StepSeries {
  t: number[];
  v: number[];
}

// Anything indexable for writing: the recorder's Float64Array buffers and finish()'s plain arrays.
type Sink = { [index: number]: number };

/**
 * Streaming min/max down-sampler of a step series over [start, end], in bounded memory.
 *
 * The window is cut into B = floor((maxPoints − 2) / 3) buckets of width (end − start) / B.
 * Kept: the first record; then, per bucket, in time order and each once, the record with the
 * bucket's min, the one with its max (first occurrence of each) and its last record — the last
 * one is the value in force when the next bucket starts, so the step is exact at every bucket
 * boundary and a level that holds across empty buckets is drawn where it really was.
 * Records before `start` are folded into one record at `start` carrying the last of their
 * values; records after `end` count in the last bucket. So at most 1 + 3B + 1 <= maxPoints points.
 */
export class StepSeriesRecorder {
  private readonly _start: number;
  private readonly _end: number;
  private readonly _buckets: number;
  private readonly _perTime: number; // buckets per time unit; 0 when start = end (one bucket)
  private readonly _t: Float64Array;
  private readonly _v: Float64Array;
  private _n = 0; // points emitted into _t/_v (buckets already closed, and the first record)

  private _seq = 0; // in-window records seen; identifies a record for de-duplication
  private _lastTime = -Infinity;
  private _hasPre = false;
  private _preValue = 0;

  // The open bucket, as plain fields (no per-record objects).
  private _bucket = -1;
  private _minI = 0;
  private _minT = 0;
  private _minV = 0;
  private _maxI = 0;
  private _maxT = 0;
  private _maxV = 0;
  private _lastI = 0;
  private _lastT = 0;
  private _lastV = 0;

  constructor(start: number, end: number, maxPoints: number) {
    if (!(Number.isFinite(start) && Number.isFinite(end) && end >= start)) {
      throw new RangeError(`StepSeriesRecorder: need finite start <= end, got start ${start} and end ${end}`);
    }
    checkMaxPoints('StepSeriesRecorder', maxPoints);
    this._start = start;
    this._end = end;
    this._buckets = Math.floor((maxPoints - 2) / 3);
    this._perTime = end > start ? this._buckets / (end - start) : 0;
    // Fixed capacity: every closed bucket adds <= 3 points and there are B of them, plus the first.
    this._t = new Float64Array(1 + 3 * this._buckets);
    this._v = new Float64Array(1 + 3 * this._buckets);
  }

  /** Number of buckets B the window [start, end] is cut into. */
  get bucketCount(): number {
    return this._buckets;
  }

  /** Width of one bucket, (end − start) / B. */
  get bucketWidth(): number {
    return (this._end - this._start) / this._buckets;
  }

  /** Records that the series takes `value` at `time` (>= the previous record's time; no NaN). */
  record(time: number, value: number): void {
    // `!(>=)` also rejects a NaN time; an infinite one would have no bucket.
    if (!(time >= this._lastTime && time !== Infinity) || value !== value) this._reject(time, value);
    this._lastTime = time;
    if (time < this._start) {
      this._hasPre = true;
      this._preValue = value;
      return;
    }
    if (this._hasPre) {
      this._hasPre = false;
      this._take(this._start, this._preValue);
    }
    this._take(time, value);
  }

  /**
   * The down-sampled series so far, in new arrays. With `time` (>= the last record's time) and
   * a later time than that record, one closing point (time, current value) is appended so the
   * last step is drawn to the end. Recording may continue afterwards (e.g. for live charts).
   */
  finish(time?: number): StepSeries {
    if (time !== undefined && !(time >= this._lastTime && time !== Infinity)) {
      throw new RangeError(`StepSeriesRecorder.finish: time ${time} must be finite and not before the last record at time ${this._lastTime}`);
    }
    const t = Array.from(this._t.subarray(0, this._n));
    const v = Array.from(this._v.subarray(0, this._n));
    let n = this._n;
    let lastT = this._lastT;
    let lastV = this._lastV;
    if (this._hasPre) {
      // Only records before start so far: the folded level at start is the whole series.
      t[n] = this._start;
      v[n] = this._preValue;
      n++;
      lastT = this._start;
      lastV = this._preValue;
    } else if (this._bucket >= 0) {
      n = this._flush(t, v, n);
    }
    if (time !== undefined && n > 0 && time > lastT) {
      t[n] = time;
      v[n] = lastV;
    }
    return { t, v };
  }

  private _take(time: number, value: number): void {
    const i = this._seq++;
    let b = Math.floor((time - this._start) * this._perTime);
    if (b >= this._buckets) b = this._buckets - 1;
    if (b !== this._bucket) {
      if (this._bucket >= 0) this._n = this._flush(this._t, this._v, this._n);
      else {
        // The very first record is always kept, so the series starts where it starts.
        this._t[0] = time;
        this._v[0] = value;
        this._n = 1;
      }
      this._bucket = b;
      this._minI = this._maxI = i;
      this._minT = this._maxT = time;
      this._minV = this._maxV = value;
    } else {
      if (value < this._minV) {
        this._minI = i;
        this._minT = time;
        this._minV = value;
      }
      if (value > this._maxV) {
        this._maxI = i;
        this._maxT = time;
        this._maxV = value;
      }
    }
    this._lastI = i;
    this._lastT = time;
    this._lastV = value;
  }

  // Writes the open bucket's min, max and last records in time order, each once, skipping
  // record 0 (already emitted as the first point); returns the new length.
  private _flush(t: Sink, v: Sink, n: number): number {
    const minFirst = this._minI <= this._maxI;
    const aI = minFirst ? this._minI : this._maxI;
    const bI = minFirst ? this._maxI : this._minI;
    if (aI !== 0) {
      t[n] = minFirst ? this._minT : this._maxT;
      v[n] = minFirst ? this._minV : this._maxV;
      n++;
    }
    if (bI !== aI && bI !== 0) {
      t[n] = minFirst ? this._maxT : this._minT;
      v[n] = minFirst ? this._maxV : this._minV;
      n++;
    }
    if (this._lastI !== bI && this._lastI !== 0) {
      t[n] = this._lastT;
      v[n] = this._lastV;
      n++;
    }
    return n;
  }

  private _reject(time: number, value: number): never {
    if (value !== value) throw new RangeError(`StepSeriesRecorder.record: value at time ${time} is NaN`);
    if (time === Infinity) throw new RangeError('StepSeriesRecorder.record: time is Infinity; expected a finite time');
    throw new RangeError(`StepSeriesRecorder.record: time ${time} is before the previous record at time ${this._lastTime}; times must not go backwards`);
  }
}

/** Throws unless maxPoints is an integer >= 5 (first point, one bucket's three, a closing point). */
export function checkMaxPoints(where: string, maxPoints: number): void {
  if (!(Number.isInteger(maxPoints) && maxPoints >= 5)) {
    throw new RangeError(`${where}: maxPoints must be an integer >= 5, got ${maxPoints}`);
  }
}
