/** Slots a queue starts with; it shrinks back to no fewer. */
const MIN_SLOTS = 16;

/**
 * A first-in, first-out queue on a ring buffer: no shift(), no splice, and nothing allocated while
 * it stays within its slots (a queue that fills and empties with every customer made a new array
 * each time it emptied). The ring doubles when full and halves when a quarter full, so the memory
 * follows what waits now, not everything that ever waited (a backlog that never empties in a long run).
 */
export class Fifo<T> {
  private items: (T | undefined)[] = new Array<T | undefined>(MIN_SLOTS).fill(undefined);
  private head = 0;
  private count = 0;

  /** Entries waiting. */
  get size(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.items.length) this.resize(this.items.length * 2);
    this.items[(this.head + this.count++) & (this.items.length - 1)] = item;
  }

  /** The oldest entry, left in place; undefined when empty. */
  peek(): T | undefined {
    return this.items[this.head];
  }

  /** Removes and returns the oldest entry; undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined; // let it be collected
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    if (this.items.length > MIN_SLOTS && this.count < this.items.length >> 2) this.resize(this.items.length >> 1);
    return item;
  }

  /** Calls `visit` on every entry, oldest first. */
  forEach(visit: (item: T) => void): void {
    for (let i = 0; i < this.count; i++) visit(this.items[(this.head + i) & (this.items.length - 1)] as T);
  }

  /** Slots the ring holds (for tests of its memory). */
  get slots(): number {
    return this.items.length;
  }

  /** Moves the entries, oldest first, into a ring of `slots` (a power of two, at least `count`). */
  private resize(slots: number): void {
    const items = new Array<T | undefined>(slots).fill(undefined);
    const mask = this.items.length - 1;
    for (let i = 0; i < this.count; i++) items[i] = this.items[(this.head + i) & mask];
    this.items = items;
    this.head = 0;
  }
}
