import type { Simulation } from '../engine/index.js';
import { streamKey, type Distribution, type Rng } from '../random/index.js';
import { Fifo } from '../engine/index.js';
import { DEFAULT_MAX_QUEUE } from './limits.js';
import { REMEDY, machineQueueTooLong, type EventSource } from './messages.js';
import type { StockPoint } from './stock-point.js';
import type { ShiftCalendar } from './calendar.js';
import type { TimelineRecorder } from './machine-timeline.js';
import type { StepSeriesRecorder } from '../stats/index.js';

/** Indices of the states a server's time is split into. */
export const BUSY = 0;
export const SETUP = 1;
export const DOWN = 2;
export const STARVED = 3;
export const BLOCKED = 4;
export const IDLE = 5;
/** Time the machine's calendar has it closed, whatever the server was doing. */
export const CLOSED = 6;
export const STATE_COUNT = 7;
/** Finished production orders kept for reuse at most, per machine. */
const MAX_SPARE = 64;

/** How a made item is produced, with its random streams resolved. */
export interface Recipe {
  stock: StockPoint;
  processTime: Distribution;
  processRng: Rng;
  setupTime: Distribution;
  setupRng: Rng;
  /** Components and the units of each taken as one unit starts. */
  bom: { stock: StockPoint; perUnit: number }[];
  /** Told of `units` leaving production for stock at `time`, of an order released at `released`. */
  deposited(units: number, released: number, time: number): void;
}

/** A production order: `quantity` units of one item, made one unit after another. */
interface ProductionOrder {
  recipe: Recipe;
  quantity: number;
  /** When the order was released (for flow times). */
  released: number;
  /** Called when the last unit is in stock. */
  onComplete: (() => void) | null;
}

export interface FailureModel {
  upTime: Distribution;
  repairTime: Distribution;
}

/**
 * Identical servers taking production orders first come, first served; see DESIGN.md, Machines.
 * With a calendar they set up and process only while it is open: work in hand at closing resumes
 * at the next opening, and no order or unit is started while closed. Repairs, waits for components
 * and for storage run on regardless; every server's closed time is booked CLOSED, so the other
 * states' times are of open time.
 */
export class Machine {
  readonly servers: Server[] = [];
  /** Server-time spent in each state within the measured window. */
  readonly stateTime = new Float64Array(STATE_COUNT);
  unitsProduced = 0;
  private readonly queue = new Fifo<ProductionOrder>();
  /** Orders done, kept for the next ones: a make-to-order item releases one per customer, and an object each was garbage. */
  private readonly spare: ProductionOrder[] = [];
  /** An event waits for the next opening to hand the orders that came while closed to idle servers. */
  private wakePending = false;
  /** Counts the events the servers schedule (setups, units, failures, repairs). */
  readonly source: EventSource;
  /** Records what each server does over the whole run, for a chart (the first replication, when series are asked for). */
  timeline: TimelineRecorder | null = null;
  /** Records the units waiting in the queue over the whole run, for a replay (when asked for); null otherwise. */
  queueSeries: StepSeriesRecorder | null = null;
  private queuedUnits = 0;

  constructor(
    readonly name: string,
    readonly sim: Simulation,
    serverCount: number,
    failures: FailureModel | null,
    streams: (name: string) => Rng,
    /** Production orders that may wait at once: more means the machine cannot keep up, and the run stops. */
    private readonly maxQueue = DEFAULT_MAX_QUEUE,
    /** The shift calendar it works by; null: always open. */
    readonly calendar: ShiftCalendar | null = null,
  ) {
    this.source = { label: `machines.${name}`, remedy: REMEDY.machine, events: 0 };
    for (let k = 0; k < serverCount; k++) {
      const rngs = failures === null ? null : { up: streams(streamKey('up', name, k)), repair: streams(streamKey('repair', name, k)) };
      this.servers.push(new Server(this, k, failures, rngs));
    }
  }

  /**
   * Queues a production order of `quantity` units of `recipe`, allocating its components; an idle
   * server (lowest index first) takes it at once. `onComplete` runs when its last unit is in stock.
   */
  release(recipe: Recipe, quantity: number, onComplete: (() => void) | null): void {
    if (this.queue.size >= this.maxQueue) throw machineQueueTooLong(this.name, this.maxQueue, this.sim.now);
    const bom = recipe.bom;
    for (let i = 0; i < bom.length; i++) bom[i].stock.allocated += bom[i].perUnit * quantity;
    const order = this.spare.pop() ?? { recipe, quantity, released: 0, onComplete };
    order.recipe = recipe;
    order.quantity = quantity;
    order.released = this.sim.now;
    order.onComplete = onComplete;
    this.queue.push(order);
    if (this.queueSeries !== null) this.queueSeries.record(this.sim.now, (this.queuedUnits += quantity));
    if (this.isClosed()) {
      this.wakeAtOpening();
      return;
    }
    // An index loop, not for…of: cheaper on this path, taken for every order.
    for (let i = 0; i < this.servers.length; i++) {
      if (this.servers[i].state === IDLE) {
        this.servers[i].takeNextOrder();
        return;
      }
    }
  }

  /** The next order in line, or null. */
  nextOrder(): ProductionOrder | null {
    const order = this.queue.shift() ?? null;
    if (order !== null && this.queueSeries !== null) {
      // An empty queue holds 0 units exactly, whatever the rounding of fractional lots left.
      this.queuedUnits = this.queue.size === 0 ? 0 : this.queuedUnits - order.quantity;
      this.queueSeries.record(this.sim.now, this.queuedUnits);
    }
    return order;
  }

  /** Starts recording the queue's units (empty at the start of the run). */
  recordQueue(recorder: StepSeriesRecorder): void {
    this.queueSeries = recorder;
    this.queuedUnits = 0;
    recorder.record(0, 0);
  }

  /** Keeps a finished order for reuse. */
  recycle(order: ProductionOrder): void {
    order.onComplete = null;
    if (this.spare.length < MAX_SPARE) this.spare.push(order);
  }

  /** True when the calendar has the machine closed now. */
  isClosed(): boolean {
    return this.calendar !== null && !this.calendar.isOpen(this.sim.now);
  }

  /** Hands the waiting orders to idle servers at the next opening (once, however many orders come meanwhile). */
  wakeAtOpening(): void {
    if (this.wakePending || this.queue.size === 0) return;
    this.wakePending = true;
    this.source.events++;
    this.sim.scheduleAt(this.calendar!.nextOpening(this.sim.now), this.wake);
  }

  private readonly wake = (): void => {
    this.wakePending = false;
    for (const server of this.servers) {
      if (this.queue.size === 0) return;
      if (server.state === IDLE) server.takeNextOrder();
    }
  };

  /** Starts a new measurement window at `time`. */
  resetStatistics(time: number): void {
    for (const server of this.servers) {
      this.timeline?.record(server.index, server.state, server.since, time);
      server.since = time;
    }
    this.stateTime.fill(0);
    this.unitsProduced = 0;
  }

  /** Books every server's current state up to `time` (end of the run). */
  closeStatistics(time: number): void {
    for (const server of this.servers) server.enter(server.state, time);
  }
}

/** One server: a small state machine driven by scheduled callbacks, bound once. */
class Server {
  state = IDLE;
  since = 0;
  private order: ProductionOrder | null = null;
  private unitsLeft = 0;
  private unitSize = 0;
  private work = 0; // processing time left on the current unit
  private setupLeft = 0; // open time left of the current setup (with a calendar)
  private upLeft = Infinity; // processing time until the next failure
  private pendingComponents = 0;
  private requesting = false;

  constructor(
    private readonly machine: Machine,
    readonly index: number,
    private readonly failures: FailureModel | null,
    private readonly rngs: { up: Rng; repair: Rng } | null,
  ) {
    if (failures !== null && rngs !== null) this.upLeft = failures.upTime.sample(rngs.up);
  }

  /** Books the time spent in the current state (its closed part as CLOSED) and switches to `state`. */
  enter(state: number, time: number): void {
    const calendar = this.machine.calendar;
    if (this.machine.timeline !== null) this.machine.timeline.record(this.index, this.state, this.since, time);
    if (calendar === null) {
      this.machine.stateTime[this.state] += time - this.since;
    } else {
      const open = Math.min(time - this.since, calendar.openTimeBetween(this.since, time));
      this.machine.stateTime[this.state] += open;
      this.machine.stateTime[CLOSED] += time - this.since - open;
    }
    this.since = time;
    this.state = state;
  }

  takeNextOrder(): void {
    const closed = this.machine.isClosed();
    const order = closed ? null : this.machine.nextOrder();
    const sim = this.machine.sim;
    if (order === null) {
      this.order = null;
      this.enter(IDLE, sim.now);
      if (closed) this.machine.wakeAtOpening();
      return;
    }
    this.order = order;
    this.unitsLeft = order.quantity;
    const setup = order.recipe.setupTime.sample(order.recipe.setupRng);
    if (setup > 0) {
      this.enter(SETUP, sim.now);
      this.machine.source.events++;
      if (this.machine.calendar === null) {
        sim.schedule(setup, this.startUnit);
      } else {
        this.setupLeft = setup;
        this.continueSetup();
      }
    } else {
      this.startUnit();
    }
  }

  /** A setup in open time: it pauses at closing and goes on at the next opening. */
  private readonly continueSetup = (): void => {
    const sim = this.machine.sim;
    const { start, end } = this.machine.calendar!.period(sim.now);
    if (start > sim.now) {
      this.machine.source.events++;
      sim.scheduleAt(start, this.continueSetup);
    } else if (this.setupLeft <= end - start) {
      sim.schedule(this.setupLeft, this.startUnit);
    } else {
      this.setupLeft -= end - start;
      this.machine.source.events++;
      sim.scheduleAt(this.machine.calendar!.nextOpening(end), this.continueSetup);
    }
  };

  private readonly startUnit = (): void => {
    const order = this.order!;
    // A fractional remainder (an order of 412.5 units) is made as a part unit in part of the time.
    if (this.unitsLeft <= 1e-9) {
      const onComplete = order.onComplete;
      this.order = null;
      this.machine.recycle(order);
      if (onComplete !== null) onComplete();
      this.takeNextOrder();
      return;
    }
    // No unit starts (and takes its components) while the machine is closed.
    if (this.machine.isClosed()) {
      this.machine.source.events++;
      this.machine.sim.scheduleAt(this.machine.calendar!.nextOpening(this.machine.sim.now), this.startUnit);
      return;
    }
    this.unitSize = Math.min(1, this.unitsLeft);
    const bom = order.recipe.bom;
    if (bom.length === 0) {
      this.beginProcessing();
      return;
    }
    const now = this.machine.sim.now;
    // Starved (for no time, if every component is there) before asking: a component made to order
    // on this same machine releases its order inside `demand`, and must not find this server idle.
    this.enter(STARVED, now);
    this.pendingComponents = bom.length;
    this.requesting = true;
    for (const line of bom) {
      line.stock.allocated -= line.perUnit * this.unitSize;
      line.stock.demand(line.perUnit * this.unitSize, now, false, this.componentArrived);
    }
    this.requesting = false;
    if (this.pendingComponents === 0) this.beginProcessing();
  };

  private readonly componentArrived = (): void => {
    if (--this.pendingComponents === 0 && !this.requesting) this.beginProcessing();
  };

  private beginProcessing(): void {
    const recipe = this.order!.recipe;
    this.enter(BUSY, this.machine.sim.now);
    this.work = recipe.processTime.sample(recipe.processRng) * this.unitSize;
    this.continueProcessing();
  }

  private continueProcessing(): void {
    this.machine.source.events++;
    const calendar = this.machine.calendar;
    if (calendar !== null) {
      // Processing runs in open time: up to the closing, then on at the next opening.
      const now = this.machine.sim.now;
      const { start, end } = calendar.period(now);
      if (start > now) {
        this.machine.sim.scheduleAt(start, this.resume);
        return;
      }
      const open = end - now;
      if (Math.min(this.upLeft, this.work) > open) {
        this.work -= open;
        this.upLeft -= open;
        this.machine.sim.scheduleAt(calendar.nextOpening(end), this.resume);
        return;
      }
    }
    if (this.upLeft < this.work) this.machine.sim.schedule(this.upLeft, this.fail);
    else this.machine.sim.schedule(this.work, this.unitProcessed);
  }

  private readonly resume = (): void => this.continueProcessing();

  private readonly fail = (): void => {
    this.work -= this.upLeft;
    this.enter(DOWN, this.machine.sim.now);
    this.machine.source.events++;
    this.machine.sim.schedule(this.failures!.repairTime.sample(this.rngs!.repair), this.repaired);
  };

  private readonly repaired = (): void => {
    this.upLeft = this.failures!.upTime.sample(this.rngs!.up);
    this.enter(BUSY, this.machine.sim.now);
    this.continueProcessing();
  };

  private readonly unitProcessed = (): void => {
    this.upLeft -= this.work;
    this.work = 0;
    this.deposit();
  };

  private readonly deposit = (): void => {
    const stock = this.order!.recipe.stock;
    const now = this.machine.sim.now;
    if (stock.onHand + this.unitSize > stock.capacity) {
      if (this.state !== BLOCKED) this.enter(BLOCKED, now);
      stock.waitForSpace(this.deposit);
      return;
    }
    const units = this.unitSize;
    this.unitsLeft -= units;
    this.machine.unitsProduced += units;
    stock.onOrder -= units;
    this.order!.recipe.deposited(units, this.order!.released, now);
    stock.receive(units, now);
    this.startUnit();
  };
}
