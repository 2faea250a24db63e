/** A scheduled callback. `seq` breaks ties between equal times: first scheduled, first run. */
export interface ScheduledEvent {
  readonly time: number;
  readonly seq: number;
  readonly action: () => void;
  /** Set by `cancel`; the calendar drops cancelled events when they reach the top (lazy deletion). */
  cancelled: boolean;
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

/**
 * The event calendar: a binary min-heap keyed by (time, seq), in the manner of tinyqueue.
 * Sift loops move one saved item instead of swapping pairs; nothing scans or splices the array.
 */
export class EventCalendar {
  private readonly heap: ScheduledEvent[] = [];
  private nextSeq = 0;

  /** Number of events held, cancelled ones included until they surface. */
  get size(): number {
    return this.heap.length;
  }

  /** Adds `action` at absolute `time`; returns the event so it can be cancelled. */
  push(time: number, action: () => void): ScheduledEvent {
    const event: ScheduledEvent = { time, seq: this.nextSeq++, action, cancelled: false };
    const heap = this.heap;
    let pos = heap.length;
    heap.push(event);
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const current = heap[parent];
      if (!before(event, current)) break;
      heap[pos] = current;
      pos = parent;
    }
    heap[pos] = event;
    return event;
  }

  /** The earliest live event without removing it, or undefined when none is left. */
  peek(): ScheduledEvent | undefined {
    this.dropCancelledTop();
    return this.heap[0];
  }

  /** Removes and returns the earliest live event, or undefined when none is left. */
  pop(): ScheduledEvent | undefined {
    this.dropCancelledTop();
    return this.removeTop();
  }

  private dropCancelledTop(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.removeTop();
  }

  private removeTop(): ScheduledEvent | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    const length = heap.length;
    if (length === 0) return top;
    const half = length >> 1;
    let pos = 0;
    while (pos < half) {
      let child = 2 * pos + 1;
      const right = child + 1;
      if (right < length && before(heap[right], heap[child])) child = right;
      if (!before(heap[child], last)) break;
      heap[pos] = heap[child];
      pos = child;
    }
    heap[pos] = last;
    return top;
  }
}
