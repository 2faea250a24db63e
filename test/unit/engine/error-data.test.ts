import { describe, expect, it } from 'vitest';
import { Simulation, SimulationStalledError, SimulationTooLargeError, fromErrorData, isErrorData, toErrorData } from '../../../sim/engine/index.js';

describe('the stall and too-large errors as data', () => {
  it('carry a stable code beside their fields', () => {
    const stalled = new SimulationStalledError(4, 1000);
    expect([stalled.code, stalled.time, stalled.events]).toEqual(['stalled', 4, 1000]);
    const large = new SimulationTooLargeError('maxEvents', 'more than 5 events fired by t=3');
    expect([large.code, large.limit, large.detail]).toEqual(['too-large', 'maxEvents', 'more than 5 events fired by t=3']);
    expect(large.message).toBe('simulation too large: more than 5 events fired by t=3');
  });

  it('come back from their data, after a structured clone, as the same class with the same message', () => {
    for (const error of [new SimulationStalledError(2.5, 77), new SimulationTooLargeError('maxQueue', 'more than 50 orders wait for item "a"')]) {
      const data = structuredClone(toErrorData(error));
      expect(isErrorData(data)).toBe(true);
      const again = fromErrorData(data!);
      expect(again).toBeInstanceOf(error.constructor);
      expect(again.message).toBe(error.message);
      expect(again.name).toBe(error.name);
      expect(again.code).toBe(error.code);
      expect(toErrorData(again)).toEqual(toErrorData(error));
    }
  });

  it('are told apart from other errors and from errors that only look like them', () => {
    expect(toErrorData(new Error('simulation stalled: 5 events at t=0'))).toBeUndefined();
    expect(toErrorData(new RangeError('simulation too large: x'))).toBeUndefined();
    expect(toErrorData('stalled')).toBeUndefined();
    // What a worker thread gets back from structured cloning of the error itself: a plain Error, message only.
    expect(isErrorData(structuredClone(new SimulationStalledError(0, 9)))).toBe(false);
    expect(isErrorData(new SimulationStalledError(0, 9))).toBe(false);
    expect(isErrorData({ code: 'stalled', time: '0', events: 9 })).toBe(false);
    expect(isErrorData({ code: 'too-large', limit: 'maxEvents' })).toBe(false);
    expect(isErrorData(null)).toBe(false);
  });

  it('are what a stalling simulation throws', () => {
    const sim = new Simulation({ maxEventsPerInstant: 10 });
    const loop = (): void => void sim.schedule(0, loop);
    sim.schedule(0, loop);
    let caught: unknown;
    try {
      sim.run();
    } catch (error) {
      caught = error;
    }
    expect(toErrorData(caught)).toMatchObject({ code: 'stalled', time: 0 });
  });
});
