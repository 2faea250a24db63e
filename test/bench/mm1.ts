import { readFileSync } from 'node:fs';
import { Resource, Simulation, type ProcessBody } from '../../sim/engine/index.js';
import { planReplications, runTask } from '../../sim/experiment/index.js';
import { createStream, type Rng } from '../../sim/random/index.js';
import { loadScenario } from '../../sim/scenario/index.js';

/** M/M/1 outcome used to check that the three implementations simulate the same queue. */
export interface MM1Outcome {
  customers: number;
  meanWait: number;
  end: number;
}

const exp = (rng: Rng, mean: number): number => -mean * Math.log(1 - rng());

/**
 * The baseline: an M/M/1 loop on a hand-rolled typed-array heap keyed by (time, seq),
 * with no processes, no closures and no allocation per event.
 */
export function mm1Bare(customers: number, seed: number, arrivalMean = 1.25, serviceMean = 1): MM1Outcome {
  const capacity = 16;
  const times = new Float64Array(capacity);
  const seqs = new Float64Array(capacity);
  const kinds = new Int32Array(capacity);
  let size = 0;
  let nextSeq = 0;
  const push = (time: number, kind: number): void => {
    let pos = size++;
    const seq = nextSeq++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (times[parent] < time || (times[parent] === time && seqs[parent] < seq)) break;
      times[pos] = times[parent];
      seqs[pos] = seqs[parent];
      kinds[pos] = kinds[parent];
      pos = parent;
    }
    times[pos] = time;
    seqs[pos] = seq;
    kinds[pos] = kind;
  };
  const arrivals = createStream(seed, 'arrivals');
  const services = createStream(seed, 'service');
  const queue = new Float64Array(customers + 1); // arrival times, FIFO
  let head = 0;
  let tail = 0;
  let busy = false;
  let arrived = 0;
  let served = 0;
  let waitSum = 0;
  let now = 0;
  push(exp(arrivals, arrivalMean), 0);
  while (size > 0 && served < customers) {
    now = times[0];
    const kind = kinds[0];
    // pop: move the last item down from the root
    const lastTime = times[--size];
    const lastSeq = seqs[size];
    const lastKind = kinds[size];
    let pos = 0;
    const half = size >> 1;
    while (pos < half) {
      let child = 2 * pos + 1;
      const right = child + 1;
      if (right < size && (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))) child = right;
      if (times[child] > lastTime || (times[child] === lastTime && seqs[child] > lastSeq)) break;
      times[pos] = times[child];
      seqs[pos] = seqs[child];
      kinds[pos] = kinds[child];
      pos = child;
    }
    times[pos] = lastTime;
    seqs[pos] = lastSeq;
    kinds[pos] = lastKind;
    if (kind === 0) {
      if (++arrived < customers) push(now + exp(arrivals, arrivalMean), 0);
      if (busy) queue[tail++] = now;
      else {
        busy = true;
        served++;
        push(now + exp(services, serviceMean), 1);
      }
    } else if (head < tail) {
      waitSum += now - queue[head++];
      served++;
      push(now + exp(services, serviceMean), 1);
    } else busy = false;
  }
  return { customers: served, meanWait: waitSum / served, end: now };
}

/** The same queue on the engine's calendar with plain callbacks. */
export function mm1Callbacks(customers: number, seed: number, arrivalMean = 1.25, serviceMean = 1): MM1Outcome {
  const sim = new Simulation();
  const arrivals = createStream(seed, 'arrivals');
  const services = createStream(seed, 'service');
  const queue: number[] = [];
  let head = 0;
  let busy = false;
  let arrived = 0;
  let served = 0;
  let waitSum = 0;
  const depart = (): void => {
    if (head < queue.length) {
      waitSum += sim.now - queue[head++];
      startService();
    } else busy = false;
  };
  const startService = (): void => {
    served++;
    if (served >= customers) sim.stop();
    sim.schedule(exp(services, serviceMean), depart);
  };
  const arrive = (): void => {
    if (++arrived < customers) sim.schedule(exp(arrivals, arrivalMean), arrive);
    if (busy) queue.push(sim.now);
    else {
      busy = true;
      startService();
    }
  };
  sim.schedule(exp(arrivals, arrivalMean), arrive);
  sim.run();
  return { customers: served, meanWait: waitSum / served, end: sim.now };
}

/** The same queue written SimPy-style: a process per customer and a Resource. */
export function mm1Processes(customers: number, seed: number, arrivalMean = 1.25, serviceMean = 1): MM1Outcome {
  const sim = new Simulation();
  const arrivals = createStream(seed, 'arrivals');
  const services = createStream(seed, 'service');
  const server = new Resource(1);
  let served = 0;
  let waitSum = 0;
  function* customer(): ProcessBody {
    const arrival = sim.now;
    const request = server.request();
    yield request;
    waitSum += sim.now - arrival;
    if (++served >= customers) sim.stop();
    yield sim.timeout(exp(services, serviceMean));
    server.release(request);
  }
  function* source(): ProcessBody {
    for (let n = 0; n < customers; n++) {
      yield sim.timeout(exp(arrivals, arrivalMean));
      sim.process(customer());
    }
  }
  sim.process(source());
  sim.run();
  return { customers: served, meanWait: waitSum / served, end: sim.now };
}

/**
 * The same queue as the plant model runs it (test/bench/mm1-scenario.yaml: a machine making to
 * order), loaded once: what a replication of the CLI costs per customer. The mean wait is the time
 * in system, W = Wq + 1.
 */
export function mm1Plant(file: string): () => MM1Outcome {
  const scenario = loadScenario(readFileSync(file, 'utf8'), { file });
  const [task] = planReplications(scenario, { levelSamples: 500 });
  return () => {
    const run = runTask(scenario, task);
    return { customers: run.counts.customers, meanWait: run.kpis.avgCustomerWait, end: scenario.time.horizon };
  };
}
