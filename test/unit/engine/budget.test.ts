import { describe, expect, it } from 'vitest';
import { Simulation, SimulationTooLargeError } from '../../../sim/engine/index.js';

type Trace = [string, number][];

/** A source that schedules itself every `gap` time units, forever. */
function storm(sim: Simulation, gap: number, trace: Trace): void {
  const tick = (): void => {
    trace.push(['tick', sim.now]);
    sim.schedule(gap, tick);
  };
  sim.schedule(gap, tick);
}

describe('Simulation budgets', () => {
  it('fires exactly maxEvents events, then stops the run as too large before the next one', () => {
    const sim = new Simulation({ maxEvents: 3 });
    const trace: Trace = [];
    storm(sim, 1, trace);
    expect(() => sim.run({ until: 100 })).toThrow(SimulationTooLargeError);
    expect(trace).toEqual([
      ['tick', 1],
      ['tick', 2],
      ['tick', 3],
    ]);
    expect(sim.eventsFired).toBe(3);
  });

  it('says which limit was exceeded, at what time, with a prefix callers can recognise', () => {
    const sim = new Simulation({ maxEvents: 5 });
    storm(sim, 0.5, []);
    let caught: unknown;
    try {
      sim.run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SimulationTooLargeError);
    const error = caught as SimulationTooLargeError;
    expect(error.limit).toBe('maxEvents');
    expect(error.message).toBe('simulation too large: more than 5 events fired by t=3; raise maxEvents if the run is meant to be this long');
  });

  it('runs a storm to its end below the budget, and has no budget unless asked', () => {
    const limited = new Simulation({ maxEvents: 10 });
    const trace: Trace = [];
    storm(limited, 1, trace);
    limited.run({ until: 10 });
    expect(trace).toHaveLength(10);
    const free = new Simulation();
    storm(free, 1 / 1024, []); // exact in binary: no rounding moves the last tick across `until`
    free.run({ until: 200 });
    expect(free.eventsFired).toBe(200 * 1024);
  });

  it('refuses to hold more than maxPending events on the calendar', () => {
    const sim = new Simulation({ maxPending: 4 });
    for (let i = 0; i < 4; i++) sim.schedule(i, () => {});
    expect(() => sim.schedule(9, () => {})).toThrow(/^simulation too large: more than 4 events waiting on the calendar at t=0/);
    sim.run();
    expect(sim.eventsFired).toBe(4);
    sim.schedule(1, () => {}); // room again once they have fired
  });
});
