import { Resource, Simulation, type ProcessBody } from '../../sim/engine/index.js';
import { createStream, type Distribution } from '../../sim/random/index.js';
import { Tally, TimeWeighted } from '../../sim/stats/index.js';

export interface Station {
  servers: number;
  service: Distribution;
}

export interface NetworkOptions {
  interarrival: Distribution;
  stations: Station[];
  /** Customers measured after the warm-up ones. */
  customers: number;
  warmupCustomers: number;
  seed: number;
}

export interface NetworkResult {
  /** Mean wait in queue at each station. */
  waits: number[];
  /** Share of customers who waited at the first station. */
  waitedShare: number;
  /** Mean time from arrival to leaving the last station. */
  sojourn: number;
  /** Time-average number of customers in the network over the measured window. */
  inSystem: number;
  /** Customers that arrived per time unit in the measured window. */
  arrivalRate: number;
}

/**
 * A line of FIFO stations fed by a renewal arrival stream, written SimPy-style on the engine's
 * public API: one process per customer, one Resource per station. Measures after warm-up.
 */
export function runQueueNetwork(options: NetworkOptions): NetworkResult {
  const sim = new Simulation();
  const arrivals = createStream(options.seed, 'arrivals');
  const serviceRngs = options.stations.map((_, k) => createStream(options.seed, `service:${k}`));
  const resources = options.stations.map((station) => new Resource(station.servers));
  const waits = options.stations.map(() => new Tally());
  const sojourn = new Tally();
  const inSystem = new TimeWeighted(0, 0);
  let waited = 0;
  let measuring = false;
  let windowStart = 0;
  let arrived = 0;

  function* customer(measured: boolean): ProcessBody {
    const arrival = sim.now;
    inSystem.add(sim.now, 1);
    for (let k = 0; k < resources.length; k++) {
      const queued = sim.now;
      const request = resources[k].request();
      yield request;
      if (measured) {
        waits[k].add(sim.now - queued);
        if (k === 0 && sim.now > queued) waited++;
      }
      yield sim.timeout(options.stations[k].service.sample(serviceRngs[k]));
      resources[k].release(request);
    }
    inSystem.add(sim.now, -1);
    if (measured) sojourn.add(sim.now - arrival);
  }

  function* source(): ProcessBody {
    const total = options.warmupCustomers + options.customers;
    for (let n = 0; n < total; n++) {
      yield sim.timeout(options.interarrival.sample(arrivals));
      if (n === options.warmupCustomers) {
        measuring = true;
        windowStart = sim.now;
        inSystem.reset(sim.now);
      }
      if (measuring) arrived++;
      sim.process(customer(measuring));
    }
    sim.stop();
  }

  sim.process(source());
  sim.run();
  const end = sim.now;
  return {
    waits: waits.map((w) => w.mean),
    waitedShare: waited / options.customers,
    sojourn: sojourn.mean,
    inSystem: inSystem.mean(end),
    arrivalRate: arrived / (end - windowStart),
  };
}
