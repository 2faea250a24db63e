import { describe, expect, it } from 'vitest';
import { Interrupt, Simulation, type ProcessBody } from '../../../sim/engine/index.js';

type Trace = [string, number][];

describe('Process', () => {
  it('runs a generator that yields timeouts', () => {
    const sim = new Simulation();
    const trace: Trace = [];
    function* clock(name: string, tick: number): ProcessBody {
      for (;;) {
        trace.push([name, sim.now]);
        yield sim.timeout(tick);
      }
    }
    sim.process(clock('fast', 0.5));
    sim.process(clock('slow', 1));
    sim.run({ until: 2 });
    expect(trace).toEqual([
      // At t=1 and t=2 'slow' runs first: its wake-up was scheduled earlier than 'fast's.
      ['fast', 0],
      ['slow', 0],
      ['fast', 0.5],
      ['slow', 1],
      ['fast', 1],
      ['fast', 1.5],
      ['slow', 2],
      ['fast', 2],
    ]);
  });

  it('resumes with the timeout value and returns a value to a joining process', () => {
    const sim = new Simulation();
    const trace: Trace = [];
    const child = sim.process(
      (function* (): ProcessBody<string> {
        const got = yield sim.timeout(3, 'parcel');
        return `${got} delivered`;
      })(),
    );
    sim.process(
      (function* (): ProcessBody {
        const result = yield child;
        trace.push([result as string, sim.now]);
        const again = yield child;
        trace.push([`${again} (already done)`, sim.now]);
      })(),
    );
    sim.run();
    expect(trace).toEqual([
      ['parcel delivered', 3],
      ['parcel delivered (already done)', 3],
    ]);
    expect(child.done).toBe(true);
    expect(child.value).toBe('parcel delivered');
  });

  it('waits on a signal until it succeeds, then resumes every waiter in order', () => {
    const sim = new Simulation();
    const trace: Trace = [];
    const ready = sim.signal<string>();
    for (const name of ['a', 'b']) {
      sim.process(
        (function* (): ProcessBody {
          const value = yield ready;
          trace.push([`${name}:${value}`, sim.now]);
        })(),
      );
    }
    sim.schedule(4, () => ready.succeed('go'));
    sim.run();
    expect(trace).toEqual([
      ['a:go', 4],
      ['b:go', 4],
    ]);
    expect(() => ready.succeed('again')).toThrow('signal already triggered');
  });

  it('interrupts a process waiting on a timeout, which may resume the remaining work', () => {
    const sim = new Simulation();
    const trace: Trace = [];
    const worker = sim.process(
      (function* (): ProcessBody {
        let remaining = 10;
        while (remaining > 0) {
          const start = sim.now;
          try {
            yield sim.timeout(remaining);
            remaining = 0;
          } catch (error) {
            if (!(error instanceof Interrupt)) throw error;
            remaining -= sim.now - start;
            trace.push([`interrupted by ${error.reason}, ${remaining} left`, sim.now]);
            yield sim.timeout(2); // repair
          }
        }
        trace.push(['finished', sim.now]);
      })(),
    );
    sim.schedule(4, () => worker.interrupt('failure'));
    sim.run();
    expect(trace).toEqual([
      ['interrupted by failure, 6 left', 4],
      ['finished', 12],
    ]);
  });

  it('refuses to interrupt a finished process', () => {
    const sim = new Simulation();
    const quick = sim.process(
      (function* (): ProcessBody {
        yield sim.timeout(1);
      })(),
    );
    sim.run();
    expect(() => quick.interrupt()).toThrow('already finished');
  });

  it('names what a process yielded when it is not something to wait for', () => {
    const sim = new Simulation();
    sim.process(
      (function* (): ProcessBody {
        yield 5 as never;
      })(),
    );
    expect(() => sim.run()).toThrow('a process yielded 5 at t=0');
  });

  it('rejects a negative timeout with the value and the time', () => {
    const sim = new Simulation();
    sim.process(
      (function* (): ProcessBody {
        yield sim.timeout(2);
        yield sim.timeout(-3);
      })(),
    );
    expect(() => sim.run()).toThrow('negative delay -3 at t=2');
  });
});
