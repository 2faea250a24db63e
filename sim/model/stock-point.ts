import { StepSeriesRecorder, TimeWeighted, WaitSample } from '../stats/index.js';
import { Fifo } from '../engine/index.js';
import { DEFAULT_MAX_QUEUE } from './limits.js';
import { backlogTooLong } from './messages.js';

/** Filled backorders kept for reuse at most, per stock point. */
const MAX_SPARE = 64;

/** Demand not filled at once, waiting for stock. */
interface Backorder {
  remaining: number;
  arrival: number;
  /** Customer orders count toward deliveries and customer waits; machine withdrawals and transfers do not. */
  customer: boolean;
  /** Called when the last unit arrives (a machine waiting for a component). */
  onFilled: (() => void) | null;
  /** Called with every part of it shipped (a transfer order to a downstream stock point); null otherwise. */
  onShipped: ((units: number) => void) | null;
}

/** A transfer order from a downstream stock point: who asks (for rationing) and where each shipment goes. */
export interface Shipment {
  requester: string;
  onShipped: (units: number) => void;
}

/**
 * How stock that arrives is shared among those waiting for it: first come, first served; by
 * `priority` (the downstream stock points named first are served first, everyone else after them,
 * each class first come, first served); or `proportional` to what each still waits for when there
 * is not enough for all.
 */
export type Allocation = { kind: 'fifo' } | { kind: 'priority'; priority: readonly string[] } | { kind: 'proportional' };

/** Where the stock point reports what the plant-wide KPIs need. */
export interface StockPointListener {
  /** `units` delivered to customers at `time`. */
  delivered(units: number, time: number): void;
  /** A customer order was filled in full, `wait` after it arrived (0 when at once); null when nobody asks. */
  customerFilled: ((wait: number) => void) | null;
  /** On-hand stock changed by `delta` (for WIP of intermediate stock). */
  onHandChanged(delta: number, time: number): void;
  /** `units` were demanded at `time` (a customer order, a machine's withdrawal, a transfer order), filled or not. */
  demanded(units: number, time: number): void;
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
  /** Units shipped to this stock point by its transfer source and not yet arrived. */
  inTransit = 0;
  /** Units customers wait for here (the part of `backordered` that is theirs). */
  customerBackordered = 0;
  /** Units demanded since time 0, never reset (policies that forecast demand per period read it). */
  totalDemanded = 0;
  /** Of those, units customers ordered. */
  totalCustomerDemanded = 0;
  /** Called after every demand here, after the policy's own hook (an echelon policy upstream watches its echelon). */
  readonly watchers: (() => void)[] = [];
  /** Waiting demand, one queue per priority class (one queue unless allocation is by priority). */
  private readonly queues: Fifo<Backorder>[];
  /** Priority classes by requester (allocation by priority), or null: one class. */
  private readonly ranks: Map<string, number> | null = null;
  private readonly proportional: boolean;
  private waitingCount = 0;
  /** Backorders filled, kept for the next ones: a make-to-order item backorders every customer, and an object each was garbage. */
  private readonly spare: Backorder[] = [];
  private spaceWaiters: (() => void)[] = [];

  readonly onHandLevel: TimeWeighted;
  readonly backorderLevel: TimeWeighted;
  /** Customer orders filled in full in the window: the sum of their waits, and the waits themselves (for percentiles and their count). */
  customerWaitSum = 0;
  readonly customerWaits = new WaitSample();
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
    allocation: Allocation = { kind: 'fifo' },
  ) {
    this.proportional = allocation.kind === 'proportional';
    if (allocation.kind === 'priority') {
      this.ranks = new Map(allocation.priority.map((name, i) => [name, i]));
      this.queues = Array.from({ length: allocation.priority.length + 1 }, () => new Fifo<Backorder>());
    } else {
      this.queues = [new Fifo<Backorder>()];
    }
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
  demand(quantity: number, time: number, customer: boolean, onFilled: (() => void) | null, shipment: Shipment | null = null): void {
    if (this.beforeDemand !== null) this.beforeDemand();
    const drop = this.take(quantity, time, customer, onFilled, shipment);
    // Blocked machines resume only now: a deposit in the middle of `take` would skip the backorder queue.
    if (this.spaceWaiters.length > 0 && !this.full) this.wakeSpaceWaiters();
    if (this.afterDemand !== null) this.afterDemand(drop);
    for (let i = 0; i < this.watchers.length; i++) this.watchers[i]();
  }

  /** What is missing is backordered, or lost for a customer of a lost-sales item; returns the fall in position. */
  private take(quantity: number, time: number, customer: boolean, onFilled: (() => void) | null, shipment: Shipment | null): number {
    this.demandedUnits += quantity;
    this.totalDemanded += quantity;
    this.listener.demanded(quantity, time);
    if (customer) {
      this.customerOrders++;
      this.totalCustomerDemanded += quantity;
    }
    const taken = Math.min(this.onHand, quantity);
    const missing = quantity - taken;
    if (taken > 0) this.changeOnHand(-taken, time);
    this.filledAtOnceUnits += taken;
    if (customer && taken > 0) this.listener.delivered(taken, time);
    // A transfer ships what there is now (a partial shipment) and waits for the rest.
    if (shipment !== null && taken > 0) shipment.onShipped(taken);
    if (missing <= 0) {
      if (customer) {
        this.onTimeOrders++;
        this.customerWaits.add(0);
        if (this.listener.customerFilled !== null) this.listener.customerFilled(0);
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
    if (this.waitingCount >= this.maxQueue) throw backlogTooLong(this.name, this.maxQueue, time);
    const onShipped = shipment === null ? null : shipment.onShipped;
    const backorder = this.spare.pop() ?? { remaining: 0, arrival: 0, customer: false, onFilled: null, onShipped: null };
    backorder.remaining = missing;
    backorder.arrival = time;
    backorder.customer = customer;
    backorder.onFilled = onFilled;
    backorder.onShipped = onShipped;
    this.queues[this.ranks === null ? 0 : this.rankOf(shipment === null ? null : shipment.requester)].push(backorder);
    this.waitingCount++;
    this.backordered += missing;
    if (customer) this.customerBackordered += missing;
    this.backordersChanged(time);
    return quantity;
  }

  /** Puts `quantity` into stock at `time`, filling backorders by the allocation rule (first come, first served by default). */
  receive(quantity: number, time: number): void {
    let available = quantity;
    if (this.proportional && this.waitingCount > 1 && available < this.backordered) {
      // Rationing: each waiting demand gets the same share of what it still waits for; none completes.
      const share = available / this.backordered;
      this.queues[0].forEach((waiting) => this.ship(waiting, waiting.remaining * share, time));
      available = 0;
    } else {
      // Index loops, here and below, not for…of: the iterator's implicit try kept the callees of this hot path from being inlined.
      for (let q = 0; q < this.queues.length; q++) {
        const queue = this.queues[q];
        while (available > 0 && queue.size > 0) {
          const waiting = queue.peek()!;
          const filled = Math.min(available, waiting.remaining);
          available -= filled;
          this.ship(waiting, filled, time);
          if (waiting.remaining > 0) break;
          queue.shift();
          this.waitingCount--;
          this.completed(waiting, time);
          this.recycle(waiting);
        }
      }
    }
    if (available !== quantity) this.backordersChanged(time);
    if (available > 0) this.changeOnHand(available, time);
  }

  /** `units` go to a waiting demand. */
  private ship(waiting: Backorder, units: number, time: number): void {
    waiting.remaining -= units;
    this.backordered -= units;
    if (waiting.customer) {
      this.customerBackordered -= units;
      this.listener.delivered(units, time);
    }
    if (waiting.onShipped !== null) waiting.onShipped(units);
  }

  /** A waiting demand got its last unit. */
  private completed(waiting: Backorder, time: number): void {
    if (waiting.customer) {
      if (time === waiting.arrival) this.onTimeOrders++;
      const wait = time - waiting.arrival;
      this.customerWaitSum += wait;
      this.customerWaits.add(wait);
      if (this.listener.customerFilled !== null) this.listener.customerFilled(wait);
    }
    if (waiting.onFilled !== null) waiting.onFilled();
  }

  private recycle(backorder: Backorder): void {
    backorder.onFilled = null;
    backorder.onShipped = null;
    if (this.spare.length < MAX_SPARE) this.spare.push(backorder);
  }

  /** The priority class of a requester (a downstream stock point; null: a customer or a machine), with allocation by priority. */
  private rankOf(requester: string | null): number {
    const last = this.queues.length - 1;
    return requester === null ? last : (this.ranks!.get(requester) ?? last);
  }

  /** Customer orders still (partly) waiting at `time`: how many, the sum of their waits so far (censored waits) and those waits. */
  waitingCustomers(time: number): { count: number; waitSum: number; waits: number[] } {
    const waits: number[] = [];
    let waitSum = 0;
    for (const queue of this.queues) {
      queue.forEach((waiting) => {
        if (!waiting.customer) return;
        waits.push(time - waiting.arrival);
        waitSum += time - waiting.arrival;
      });
    }
    return { count: waits.length, waitSum, waits };
  }

  /** Calls `resume` once there is room for one more unit (a machine blocked on full storage). */
  waitForSpace(resume: () => void): void {
    this.spaceWaiters.push(resume);
  }

  /** Starts a new measurement window at `time` (end of warm-up). */
  resetStatistics(time: number): void {
    this.onHandLevel.reset(time);
    this.backorderLevel.reset(time);
    this.customerWaitSum = 0;
    this.customerWaits.reset();
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
