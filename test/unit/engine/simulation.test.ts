import { describe, expect, it } from 'vitest';
import { Simulation, SimulationStalledError } from '../../../sim/engine/index.js';

type Trace = [string, number][];

describe('Simulation', () => {
  it('runs callbacks in (time, scheduling order) and traces them', () => {
    const sim = new Simulation();
    const trace: Trace = [];
    const log = (name: string) => () => trace.push([name, sim.now]);
    sim.schedule(2, log('b'));
    sim.schedule(1, log('a'));
    sim.schedule(2, log('c'));
    sim.schedule(0, () => {
      log('zero')();
      sim.schedule(0, log('zero-again'));
    });
    sim.run();
    expect(trace).toEqual([
      ['zero', 0],
      ['zero-again', 0],
      ['a', 1],
      ['b', 2],
      ['c', 2],
    ]);
  });

  it('fires events at the until time and leaves the clock there', () => {
    const sim = new Simulation();
    const trace: Trace = [];
    for (const t of [1, 2, 3]) sim.scheduleAt(t, () => trace.push(['e', sim.now]));
    sim.run({ until: 2 });
    expect(trace).toEqual([
      ['e', 1],
      ['e', 2],
    ]);
    expect(sim.now).toBe(2);
    sim.run({ until: 10 });
    expect(trace).toEqual([
      ['e', 1],
      ['e', 2],
      ['e', 3],
    ]);
    expect(sim.now).toBe(10);
  });

  it('does not run a cancelled event', () => {
    const sim = new Simulation();
    const trace: Trace = [];
    const event = sim.schedule(1, () => trace.push(['cancelled', sim.now]));
    sim.schedule(2, () => trace.push(['kept', sim.now]));
    sim.cancel(event);
    sim.run();
    expect(trace).toEqual([['kept', 2]]);
  });

  it('steps one event at a time and reports when the calendar is empty', () => {
    const sim = new Simulation();
    sim.schedule(1.5, () => {});
    expect(sim.peek()).toBe(1.5);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(1.5);
    expect(sim.step()).toBe(false);
    expect(sim.peek()).toBe(Infinity);
  });

  it('stop() ends a run after the current event', () => {
    const sim = new Simulation();
    const trace: Trace = [];
    sim.schedule(1, () => {
      trace.push(['stopper', sim.now]);
      sim.stop();
    });
    sim.schedule(2, () => trace.push(['later', sim.now]));
    sim.run({ until: 5 });
    expect(trace).toEqual([['stopper', 1]]);
    expect(sim.now).toBe(1);
  });

  it('names the bad value of a negative delay and the time', () => {
    const sim = new Simulation();
    sim.schedule(12.5, () => sim.schedule(-1, () => {}));
    expect(() => sim.run()).toThrow('negative delay -1 at t=12.5');
  });

  it('rejects NaN and infinite delays and scheduling in the past', () => {
    const sim = new Simulation({ start: 3 });
    expect(() => sim.schedule(Number.NaN, () => {})).toThrow('invalid delay NaN at t=3');
    expect(() => sim.schedule(Infinity, () => {})).toThrow('invalid delay Infinity');
    expect(() => sim.scheduleAt(2, () => {})).toThrow('cannot schedule at t=2: the clock is already at t=3');
    expect(() => sim.run({ until: 1 })).toThrow('before the current time');
  });

  it('stops a zero-delay loop with a clear error instead of hanging', () => {
    const sim = new Simulation({ maxEventsPerInstant: 1000 });
    const loop = (): void => {
      sim.schedule(0, loop);
    };
    sim.schedule(7, loop);
    expect(() => sim.run()).toThrow(SimulationStalledError);
    expect(sim.now).toBe(7);
  });

  it('says how many events ran at which instant when it stops a stalled run', () => {
    const sim = new Simulation({ maxEventsPerInstant: 1000 });
    const spin = (): void => void sim.schedule(0, spin);
    sim.schedule(7, spin);
    expect(() => sim.run()).toThrow(/1000 events at t=7 without time advancing/);
  });

  it('allows many events at one instant below the guard', () => {
    const sim = new Simulation({ maxEventsPerInstant: 100 });
    let fired = 0;
    for (let i = 0; i < 100; i++) sim.schedule(1, () => fired++);
    sim.schedule(2, () => fired++);
    sim.run();
    expect(fired).toBe(101);
  });
});
