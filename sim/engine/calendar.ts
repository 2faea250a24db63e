/** A scheduled event, as `cancel` knows it: its sequence number, unique within its calendar. */
export type EventHandle = number;

/**
 * The event calendar: a binary min-heap keyed by (time, seq), in the manner of tinyqueue; `seq`
 * breaks ties between equal times (first scheduled, first run). Sift loops move one saved item
 * instead of swapping pairs; nothing scans or splices. The heap is kept in parallel arrays — times
 * and sequence numbers in typed arrays, actions beside them — so scheduling allocates nothing: an
 * object per event was most of a long run's garbage.
 */
export class EventCalendar {
  private times = new Float64Array(16);
  private seqs = new Float64Array(16);
  private actions: ((() => void) | undefined)[] = [];
  private length = 0;
  private nextSeq = 0;
  /** Handles of cancelled events that may still be held (lazy deletion: dropped when they reach the top). */
  private cancelled = new Set<EventHandle>();

  /** Number of events held, cancelled ones included until they surface. */
  get size(): number {
    return this.length;
  }

  /** Adds `action` at absolute `time`; returns its handle, for `cancel`. */
  push(time: number, action: () => void): EventHandle {
    const seq = this.nextSeq++;
    if (this.length === this.times.length) this.grow();
    const { times, seqs, actions } = this;
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const t = times[parent];
      if (t < time || (t === time && seqs[parent] < seq)) break;
      times[pos] = t;
      seqs[pos] = seqs[parent];
      actions[pos] = actions[parent];
      pos = parent;
    }
    times[pos] = time;
    seqs[pos] = seq;
    actions[pos] = action;
    return seq;
  }

  /** Cancels an event: it will not be popped. Cancelling one that was popped already does nothing. */
  cancel(handle: EventHandle): void {
    if (!(handle >= 0 && handle < this.nextSeq)) return;
    this.cancelled.add(handle);
    // Handles of events popped before they were cancelled would stay forever: forget them when they outnumber what is held.
    if (this.cancelled.size > this.length) this.forgetPopped();
  }

  /** Time of the earliest live event, or Infinity when none is left. */
  peekTime(): number {
    return this.hasLive() ? this.times[0] : Infinity;
  }

  /** True when a live event is left; `topTime` is then its time. */
  hasLive(): boolean {
    if (this.cancelled.size > 0) this.dropCancelledTop();
    return this.length > 0;
  }

  /**
   * Time of the earliest event, when `hasLive()` said there is one. Apart from `peekTime` for the
   * engine's loop: a time that may also be Infinity, a value rarely seen there, was boxed on every
   * read, an allocation per event.
   */
  get topTime(): number {
    return this.times[0];
  }

  /** Removes the earliest live event and returns its action (its time is what `peekTime` gave), or undefined when none is left. */
  pop(): (() => void) | undefined {
    if (this.cancelled.size > 0) this.dropCancelledTop();
    if (this.length === 0) return undefined;
    const action = this.actions[0];
    this.removeTop();
    return action;
  }

  private dropCancelledTop(): void {
    while (this.length > 0 && this.cancelled.delete(this.seqs[0])) this.removeTop();
  }

  private removeTop(): void {
    const { times, seqs, actions } = this;
    const length = --this.length;
    const lastTime = times[length];
    const lastSeq = seqs[length];
    const lastAction = actions[length];
    actions[length] = undefined; // let the closure be collected
    if (length === 0) return;
    const half = length >> 1;
    let pos = 0;
    while (pos < half) {
      let child = 2 * pos + 1;
      const right = child + 1;
      if (right < length && (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))) child = right;
      const t = times[child];
      if (t > lastTime || (t === lastTime && seqs[child] > lastSeq)) break;
      times[pos] = t;
      seqs[pos] = seqs[child];
      actions[pos] = actions[child];
      pos = child;
    }
    times[pos] = lastTime;
    seqs[pos] = lastSeq;
    actions[pos] = lastAction;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const seqs = new Float64Array(this.seqs.length * 2);
    times.set(this.times);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
  }

  private forgetPopped(): void {
    const held = new Set<EventHandle>();
    for (let i = 0; i < this.length; i++) if (this.cancelled.has(this.seqs[i])) held.add(this.seqs[i]);
    this.cancelled = held;
  }
}
