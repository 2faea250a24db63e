import { describe, expect, it } from 'vitest';
import { Interrupt, Resource, Simulation, type ProcessBody } from '../../../sim/engine/index.js';

type Trace = [string, number][];

function customer(sim: Simulation, server: Resource, name: string, service: number, trace: Trace): ProcessBody {
  return (function* () {
    const request = server.request();
    yield request;
    trace.push([`${name} starts`, sim.now]);
    yield sim.timeout(service);
    server.release(request);
    trace.push([`${name} leaves`, sim.now]);
  })();
}

describe('Resource', () => {
  it('serves requests first come, first served on one server', () => {
    const sim = new Simulation();
    const server = new Resource(1);
    const trace: Trace = [];
    sim.process(customer(sim, server, 'a', 2, trace));
    sim.process(customer(sim, server, 'b', 1, trace));
    sim.schedule(1, () => sim.process(customer(sim, server, 'c', 1, trace)));
    sim.run();
    expect(trace).toEqual([
      ['a starts', 0],
      ['a leaves', 2],
      ['b starts', 2],
      ['b leaves', 3],
      ['c starts', 3],
      ['c leaves', 4],
    ]);
  });

  it('runs up to capacity requests at once', () => {
    const sim = new Simulation();
    const servers = new Resource(2);
    const trace: Trace = [];
    for (const name of ['a', 'b', 'c']) sim.process(customer(sim, servers, name, 2, trace));
    sim.schedule(1, () => {
      expect(servers.inUse).toBe(2);
      expect(servers.queueLength).toBe(1);
    });
    sim.run();
    expect(trace).toEqual([
      ['a starts', 0],
      ['b starts', 0],
      ['a leaves', 2],
      ['b leaves', 2],
      ['c starts', 2],
      ['c leaves', 4],
    ]);
    expect(servers.inUse).toBe(0);
  });

  it('lets an interrupted waiter leave the queue so the next one is served', () => {
    const sim = new Simulation();
    const server = new Resource(1);
    const trace: Trace = [];
    sim.process(customer(sim, server, 'a', 5, trace));
    const impatient = sim.process(
      (function* (): ProcessBody {
        try {
          yield server.request();
        } catch (error) {
          if (error instanceof Interrupt) trace.push(['impatient gives up', sim.now]);
        }
      })(),
    );
    sim.process(customer(sim, server, 'c', 1, trace));
    sim.schedule(1, () => impatient.interrupt('timeout'));
    sim.run();
    expect(trace).toEqual([
      ['a starts', 0],
      ['impatient gives up', 1],
      ['a leaves', 5],
      ['c starts', 5],
      ['c leaves', 6],
    ]);
    expect(server.queueLength).toBe(0);
  });

  it('rejects a bad capacity and a release of a request not held', () => {
    expect(() => new Resource(0)).toThrow('capacity must be a whole number >= 1, got 0');
    expect(() => new Resource(1.5)).toThrow('got 1.5');
    const server = new Resource(1);
    const held = server.request();
    server.release(held);
    expect(() => server.release(held)).toThrow('not held');
  });
});
