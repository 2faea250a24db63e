import { StepSeriesRecorder, Tally, TimeWeighted } from '../stats/index.js';
import { Fifo } from '../engine/index.js';
import { DEFAULT_MAX_QUEUE } from './limits.js';
import { backlogTooLong } from './messages.js';

/** Demand not filled at once, waiting first come, first served for stock. */
interface Backorder {
  remaining: number;
  arrival: number;
  /** Customer orders count toward deliveries and customer waits; machine withdrawals do not. */
  customer: boolean;
  /** Called when the last unit arrives (a machine waiting for a component). */
  onFilled: (() => void) | null;
}

/** Where the stock point reports what the plant-wide KPIs need. */
export interface StockPointListener {
  /** `units` delivered to customers at `time`. */
  delivered(units: number, time: number): void;
  /** A customer order was filled in full, `wait` after it arrived (0 when at once). */
  customerFilled(wait: number): void;
  /** On-hand stock changed by `delta` (for WIP of intermediate stock). */
  onHandChanged(delta: number, time: number): void;
}

/**
 * One item's stock: on hand, on order, backorders and the counters of its KPIs.
 * Invariant: stock on hand is positive only when nothing is backordered.
 */
export class StockPoint {
  onHand: number;
  onOrder = 0;
  backordered = 0;
  /** Units promised to released production orders of the items made from this one, not yet taken (MRP nets them: an allocation). */
  allocated = 0;
  private readonly queue = new Fifo<Backorder>();
  private spaceWaiters: (() => void)[] = [];

  readonly onHandLevel: TimeWeighted;
  readonly backorderLevel: TimeWeighted;
  readonly customerWait = new Tally();
  demandedUnits = 0;
  filledAtOnceUnits = 0;
  stockoutEvents = 0;
  stockoutUnits = 0;
  lostUnits = 0;
  /** Customer orders taken (at their due time), and those filled in full by it: at once, or by a receipt at that very instant. */
  customerOrders = 0;
  onTimeOrders = 0;
  /** Down-sampled level series for charts, recorded while running when asked for. */
  onHandSeries: StepSeriesRecorder | null = null;
  backorderSeries: StepSeriesRecorder | null = null;
  /** The replenishment policy's continuous-review hook, told how far each demand lowered the position. */
  afterDemand: ((positionDrop: number) => void) | null = null;
  /** A periodic review's hook: runs a review due at this instant before the demand takes stock. */
  beforeDemand: (() => void) | null = null;

  constructor(
    readonly name: string,
    initial: number,
    readonly capacity: number,
    private readonly lostSales: boolean,
    private readonly listener: StockPointListener,
    /** Backorders that may wait at once: more means the plant cannot keep up, and the run stops. */
    private readonly maxQueue = DEFAULT_MAX_QUEUE,
  ) {
    this.onHand = initial;
    this.onHandLevel = new TimeWeighted(0, initial);
    this.backorderLevel = new TimeWeighted(0, 0);
  }

  /** Inventory position: on hand + on order − backorders. */
  get position(): number {
    return this.onHand + this.onOrder - this.backordered;
  }

  /** True when one more unit would exceed the storage limit. */
  get full(): boolean {
    return this.onHand + 1 > this.capacity;
  }

  /**
   * Takes `quantity` from stock at `time` (a customer order, or a machine's withdrawal that calls
   * `onFilled` once complete); then tells the policy how far the position fell.
   */
  demand(quantity: number, time: number, customer: boolean, onFilled: (() => void) | null): void {
    if (this.beforeDemand !== null) this.beforeDemand();
    const drop = this.take(quantity, time, customer, onFilled);
    // Blocked machines resume only now: a deposit in the middle of `take` would skip the backorder queue.
    if (this.spaceWaiters.length > 0 && !this.full) this.wakeSpaceWaiters();
    if (this.afterDemand !== null) this.afterDemand(drop);
  }

  /** What is missing is backordered, or lost for a customer of a lost-sales item; returns the fall in position. */
  private take(quantity: number, time: number, customer: boolean, onFilled: (() => void) | null): number {
    this.demandedUnits += quantity;
    if (customer) this.customerOrders++;
    const taken = Math.min(this.onHand, quantity);
    const missing = quantity - taken;
    if (taken > 0) this.changeOnHand(-taken, time);
    this.filledAtOnceUnits += taken;
    if (customer && taken > 0) this.listener.delivered(taken, time);
    if (missing <= 0) {
      if (customer) {
        this.onTimeOrders++;
        this.customerWait.add(0);
        this.listener.customerFilled(0);
      }
      if (onFilled !== null) onFilled();
      return quantity;
    }
    this.stockoutEvents++;
    this.stockoutUnits += missing;
    if (customer && this.lostSales) {
      this.lostUnits += missing;
      return taken;
    }
    if (this.queue.size >= this.maxQueue) throw backlogTooLong(this.name, this.maxQueue, time);
    this.queue.push({ remaining: missing, arrival: time, customer, onFilled });
    this.backordered += missing;
    this.backordersChanged(time);
    return quantity;
  }

  /** Puts `quantity` into stock at `time`, filling backorders first come, first served. */
  receive(quantity: number, time: number): void {
    let available = quantity;
    while (available > 0 && this.queue.size > 0) {
      const waiting = this.queue.peek()!;
      const filled = Math.min(available, waiting.remaining);
      available -= filled;
      waiting.remaining -= filled;
      this.backordered -= filled;
      if (waiting.customer) this.listener.delivered(filled, time);
      if (waiting.remaining > 0) break;
      this.queue.shift();
      if (waiting.customer) {
        if (time === waiting.arrival) this.onTimeOrders++;
        this.customerWait.add(time - waiting.arrival);
        this.listener.customerFilled(time - waiting.arrival);
      }
      if (waiting.onFilled !== null) waiting.onFilled();
    }
    if (available !== quantity) this.backordersChanged(time);
    if (available > 0) this.changeOnHand(available, time);
  }

  /** Customer orders still (partly) waiting at `time`, and the sum of their waits so far (censored waits). */
  waitingCustomers(time: number): { count: number; waitSum: number } {
    let count = 0;
    let waitSum = 0;
    this.queue.forEach((waiting) => {
      if (!waiting.customer) return;
      count++;
      waitSum += time - waiting.arrival;
    });
    return { count, waitSum };
  }

  /** Calls `resume` once there is room for one more unit (a machine blocked on full storage). */
  waitForSpace(resume: () => void): void {
    this.spaceWaiters.push(resume);
  }

  /** Starts a new measurement window at `time` (end of warm-up). */
  resetStatistics(time: number): void {
    this.onHandLevel.reset(time);
    this.backorderLevel.reset(time);
    this.customerWait.reset();
    this.demandedUnits = 0;
    this.filledAtOnceUnits = 0;
    this.stockoutEvents = 0;
    this.stockoutUnits = 0;
    this.lostUnits = 0;
    this.customerOrders = 0;
    this.onTimeOrders = 0;
  }

  private backordersChanged(time: number): void {
    this.backorderLevel.set(time, this.backordered);
    if (this.backorderSeries !== null) this.backorderSeries.record(time, this.backordered);
  }

  private changeOnHand(delta: number, time: number): void {
    this.onHand += delta;
    this.onHandLevel.set(time, this.onHand);
    if (this.onHandSeries !== null) this.onHandSeries.record(time, this.onHand);
    this.listener.onHandChanged(delta, time);
  }

  private wakeSpaceWaiters(): void {
    const waiters = this.spaceWaiters;
    this.spaceWaiters = [];
    for (const resume of waiters) resume();
  }
}
