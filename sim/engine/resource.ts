import { Fifo } from './fifo.js';
import { invalidCapacity, releaseNotHeld } from './errors.js';
import type { Waitable, Waiter } from './waitable.js';

type RequestState = 'queued' | 'granted' | 'released' | 'withdrawn';

/** A claim on one server of a resource; yield it from a process to wait until it is granted. */
export class Request implements Waitable {
  state: RequestState = 'queued';
  private waiter: Waiter | null = null;

  constructor(readonly resource: Resource) {}

  get granted(): boolean {
    return this.state === 'granted';
  }

  subscribe(waiter: Waiter): void {
    if (this.state === 'granted') waiter.wake(this);
    else this.waiter = waiter;
  }

  /** An interrupted waiter leaves the queue; a granted request stays held until released. */
  unsubscribe(waiter: Waiter): void {
    if (this.waiter !== waiter) return;
    this.waiter = null;
    this.resource.withdraw(this);
  }

  /** Called by the resource when a server frees up for this request. */
  grant(): void {
    this.state = 'granted';
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter !== null) waiter.wake(this);
  }
}

/** `capacity` identical servers with one first-come-first-served queue. */
export class Resource {
  private readonly queue = new Fifo<Request>();
  private _inUse = 0;
  private _queueLength = 0;

  constructor(readonly capacity = 1) {
    if (!Number.isInteger(capacity) || capacity < 1) throw invalidCapacity(capacity);
  }

  /** Servers currently held. */
  get inUse(): number {
    return this._inUse;
  }

  /** Requests waiting for a server. */
  get queueLength(): number {
    return this._queueLength;
  }

  /** Claims a server: granted at once when one is free, otherwise queued in arrival order. */
  request(): Request {
    const request = new Request(this);
    if (this._inUse < this.capacity) {
      this._inUse++;
      request.state = 'granted';
    } else {
      this.queue.push(request);
      this._queueLength++;
    }
    return request;
  }

  /** Gives back a granted server (to the next live request in the queue) or withdraws a queued one. */
  release(request: Request): void {
    if (request.state === 'queued') {
      this.withdraw(request);
      return;
    }
    if (request.state !== 'granted' || request.resource !== this) throw releaseNotHeld();
    request.state = 'released';
    const next = this.dequeue();
    if (next === undefined) this._inUse--;
    else next.grant();
  }

  /** Takes a queued request out of line; it is skipped lazily when it reaches the head. */
  withdraw(request: Request): void {
    if (request.state !== 'queued') return;
    request.state = 'withdrawn';
    this._queueLength--;
  }

  /** The next live request: withdrawn ones are skipped as they reach the head. */
  private dequeue(): Request | undefined {
    for (let request = this.queue.shift(); request !== undefined; request = this.queue.shift()) {
      if (request.state === 'queued') {
        this._queueLength--;
        return request;
      }
    }
    return undefined;
  }
}
