/** Time-weighted average, min and max of a piecewise-constant level over a window [start, t]. */
export class TimeWeighted {
  private _start: number;
  private _last: number;
  private _level: number;
  // Integral of the level over [_start, _last]; the current level is added lazily on query.
  private _area = 0;
  private _min: number;
  private _max: number;

  constructor(startTime = 0, initialLevel = 0) {
    this._start = startTime;
    this._last = startTime;
    this._level = initialLevel;
    this._min = initialLevel;
    this._max = initialLevel;
  }

  /** Changes the level at `time` (>= the previous time), integrating the old level up to it. */
  set(time: number, level: number): void {
    // `!(>=)` also rejects NaN, which would otherwise silently poison the area.
    if (!(time >= this._last)) backwards('set', time, this._last);
    this._area += this._level * (time - this._last);
    this._last = time;
    this._level = level;
    // Levels held for zero time (same-instant events) still count: a momentary stockout is real.
    if (level < this._min) this._min = level;
    if (level > this._max) this._max = level;
  }

  /** Changes the level by `delta` at `time`. */
  add(time: number, delta: number): void {
    this.set(time, this._level + delta);
  }

  /** The current level. */
  get level(): number {
    return this._level;
  }

  /** Time the current window started. */
  get startTime(): number {
    return this._start;
  }

  /** Time of the last change (or of the window start). */
  get lastTime(): number {
    return this._last;
  }

  /** Integral of the level from the window start to `upToTime` (>= the last change time). */
  area(upToTime: number = this._last): number {
    if (!(upToTime >= this._last)) backwards('area', upToTime, this._last);
    return this._area + this._level * (upToTime - this._last);
  }

  /** area(upToTime) / (upToTime − window start); 0 for an empty window. */
  mean(upToTime: number = this._last): number {
    const elapsed = upToTime - this._start;
    const a = this.area(upToTime);
    return elapsed > 0 ? a / elapsed : 0;
  }

  /** Smallest level held in the window, including the level at its start. */
  get min(): number {
    return this._min;
  }

  /** Largest level held in the window, including the level at its start. */
  get max(): number {
    return this._max;
  }

  /** Starts a new window at `time`, keeping the current level (used at the end of warm-up). */
  reset(time: number): void {
    if (!(time >= this._last)) backwards('reset', time, this._last);
    this._start = time;
    this._last = time;
    this._area = 0;
    this._min = this._level;
    this._max = this._level;
  }
}

// Kept out of the methods so the hot path stays small enough to inline.
function backwards(method: string, time: number, last: number): never {
  throw new RangeError(`TimeWeighted.${method}: time ${time} is before the last change at time ${last}; times must not go backwards`);
}
