// The engine: a discrete-event core and an optional process layer on top of it.
//
// Core (what the plant model in sim/model is written on): an event calendar of callbacks
// (calendar.ts) and the Simulation that runs it (simulation.ts) with its guards (event budget,
// stalls), plus Fifo, the one first-in-first-out queue every waiting line uses.
//
// Process layer (optional; SimPy-style, for models written as processes — the validation queue
// network in test/models and the engine benchmarks use it): a Process is a generator that
// yields a Timeout or a Waitable, the single waiting abstraction that Signals, resource Requests
// and other Processes implement. The plant model does not use it: its callbacks allocate no
// generator per customer, which keeps a replication about twice as fast (npm run bench).
export { Simulation } from './simulation.js';
export type { SimulationOptions, RunOptions } from './simulation.js';
export { EventCalendar } from './calendar.js';
export type { EventHandle } from './calendar.js';
export { Process, Timeout } from './process.js';
export type { ProcessBody } from './process.js';
export { Resource, Request } from './resource.js';
export { Signal } from './signal.js';
export { Fifo } from './fifo.js';
export { Interrupt, SimulationStalledError, SimulationTooLargeError } from './errors.js';
export { fromErrorData, isErrorData, toErrorData } from './errors.js';
export type { SimulationErrorData } from './errors.js';
export { isWaitable } from './waitable.js';
export type { Waitable, Waiter } from './waitable.js';
