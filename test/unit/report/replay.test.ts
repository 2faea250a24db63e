// A replay's frame: each stock level, machine state and queue at an instant of the first
// replication, read from its down-sampled series, and honest about where that is approximate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildStrategy,
  loadScenario,
  planReplications,
  replayFrame,
  replayStrategies,
  replayTimeText,
  runExperiment,
  type ExperimentResult,
} from '../../../sim/index.js';
import { simulatePlant } from '../../../sim/model/index.js';

/**
 * A plant whose levels are known by hand. widget: 10 on hand, one sold a day (t = 1, 2, …), 10
 * more ordered when it falls to 2 and arriving 2 days later, so on hand is 10 − (⌊t⌋ mod 10).
 * press: a lot of 2 released every day (t = 0, 1, …) takes 1.4 days, so lot k starts at 1.4k and
 * the lots released by t and not started wait. lathe: a lot of 1 a day takes 0.7 days: busy
 * from k to k + 0.7, idle until k + 1.
 */
const HAND = `name: Hand
time: { unit: day, horizon: 25.5, warmup: 0 }
run: { replications: 1, seed: 1 }
machines:
  press: {}
  lathe: {}
items:
  widget:
    initial: 10
    buy: { leadTime: 2, orderCost: 1 }
    policy: { type: sQ, reorderPoint: 2, quantity: 10 }
  part:
    make: { machine: press, processTime: 0.7 }
    policy: { type: batch, lotSize: 2, every: 1 }
  gear:
    make: { machine: lathe, processTime: 0.7 }
    policy: { type: batch, lotSize: 1, every: 1 }
demand:
  - item: widget
    every: 1
`;

const hand = loadScenario(HAND, { file: 'hand.yaml' });
/** Enough points that nothing of this short run is dropped: every level is exact. */
const fine = runExperiment(hand, { series: { maxPoints: 2000, replay: true } });
/** Three buckets of 8.5 days: each keeps only its lowest, highest and last level. */
const coarse = runExperiment(hand, { series: { maxPoints: 11, replay: true } });

describe('replayFrame on a plant known by hand', () => {
  it('gives the sawtooth of stock at every half day: 10 − (⌊t⌋ mod 10), exact', () => {
    for (let k = 0; k < 25; k++) {
      const { onHand, backorders } = replayFrame(fine, 'base', k + 0.5).items.widget;
      expect(onHand.value, `t = ${k + 0.5}`).toBe(10 - (k % 10));
      expect(onHand.exact).toBe(true);
      expect(onHand.text).toBe(String(10 - (k % 10)));
      expect(onHand.range).toBe('');
      // Nothing was ever backordered: no backlog to show.
      expect(backorders).toBeNull();
    }
  });

  it("gives a machine's queue: the units of the lots released and not started", () => {
    const waiting = (t: number) => {
      let lots = 0;
      for (let k = 0; k <= Math.floor(t); k++) if (1.4 * k > t) lots++;
      return 2 * lots;
    };
    for (const t of [0.5, 1.2, 3.5, 9.5, 10.5, 17.3, 25.4]) {
      const { queue } = replayFrame(fine, 'base', t).machines.press;
      expect(queue.value, `t = ${t}`).toBe(waiting(t));
      expect(queue.exact).toBe(true);
    }
    expect(replayFrame(fine, 'base', 10.5).machines.press.queue.value).toBe(6);
    expect(replayFrame(fine, 'base', 10.5).machines.lathe.queue.value).toBe(0);
  });

  it("gives a machine's state from its timeline: the lathe busy for 0.7 of each day, idle after", () => {
    for (const k of [0, 3, 12, 24]) {
      const busy = replayFrame(fine, 'base', k + 0.35).machines.lathe;
      expect(busy.states).toEqual(['busy']);
      expect(busy.stateText).toBe('busy');
      expect(busy.slice.from).toBeLessThanOrEqual(k + 0.35);
      expect(busy.slice.to).toBeGreaterThan(k + 0.35);
      expect(replayFrame(fine, 'base', k + 0.85).machines.lathe.states).toEqual(['idle']);
    }
    // Overloaded, the press never rests.
    expect(replayFrame(fine, 'base', 12.85).machines.press.states).toEqual(['busy']);
  });

  it('says where a level is approximate: within a bucket it gives the level the series draws and the range the bucket kept', () => {
    const frame = replayFrame(coarse, 'base', 3.5);
    // Bucket [0, 8.5) kept 10 at t = 0 (its highest) and 2 at t = 8 (its lowest and last); 9…3 in between are gone.
    expect(frame.bucket).toEqual({ from: 0, to: 8.5 });
    expect(frame.items.widget.onHand).toEqual({ value: 10, min: 2, max: 10, exact: false, text: '≈10', range: '2–10' });
    expect(frame.notes.join(' ')).toMatch(/≈: the replay keeps, per 8\.5 day of the run, each level's lowest, highest and last value/);
    // A bucket where the level held still is exact even when coarse: bucket [17, 25.5) ends on 5 after the order at 18 lifted it.
    const late = replayFrame(coarse, 'base', 25.5).items.widget.onHand;
    expect(late.value).toBe(5);
    expect(late.min).toBeLessThanOrEqual(5);
  });

  it('has no ≈ note when every level shown is exact', () => {
    expect(replayFrame(fine, 'base', 9.5).notes.join(' ')).not.toMatch(/≈/);
  });
});

describe('replayFrame at the edges of the run', () => {
  it('at time 0 shows the initial stock and the run range', () => {
    const frame = replayFrame(fine, 'base', 0);
    expect(frame.time).toBe(0);
    expect(frame.clamped).toBe(false);
    expect(frame.range).toEqual({ from: 0, to: 25.5, unit: 'day' });
    expect(frame.items.widget.onHand.value).toBe(10);
    expect(frame.timeText).toBe('day 0.00 of 25.5');
  });

  it('at the horizon shows the levels the run ended with', () => {
    const frame = replayFrame(fine, 'base', 25.5);
    expect(frame.clamped).toBe(false);
    expect(frame.items.widget.onHand.value).toBe(5);
    // Lots 0…17 are done by 25.2 (36 units); the lathe's 25 lots of 0…24 are in stock.
    expect(frame.items.part.onHand.value).toBe(36);
    expect(frame.items.gear.onHand.value).toBe(25);
    expect(frame.machines.press.states).toEqual(['busy']);
  });

  it('beyond the run shows its nearer end and says so', () => {
    const after = replayFrame(fine, 'base', 100);
    expect(after.time).toBe(25.5);
    expect(after.clamped).toBe(true);
    expect(after.items).toEqual(replayFrame(fine, 'base', 25.5).items);
    expect(after.notes[0]).toBe('The run covers day 0 to 25.5: this is its end.');
    const before = replayFrame(fine, 'base', -3);
    expect(before.time).toBe(0);
    expect(before.clamped).toBe(true);
    expect(before.notes[0]).toBe('The run covers day 0 to 25.5: this is its start.');
  });

  it('refuses a time that is not a number, a strategy the results do not have, and results without the replay series', () => {
    expect(() => replayFrame(fine, 'base', Number.NaN)).toThrow(/the time is NaN/);
    expect(() => replayFrame(fine, 'JIT', 1)).toThrow(/no strategy "JIT" in the results; expected one of base/);
    const charts = runExperiment(hand, { series: { maxPoints: 2000 } });
    expect(() => replayFrame(charts, 'base', 1)).toThrow(/kept no replay series/);
    expect(replayStrategies(charts)).toEqual([]);
    expect(replayStrategies(fine)).toEqual(['base']);
  });
});

describe('what a replay records', () => {
  it('is asked for: series for charts alone (the CLI --series JSON) carry no replay field', () => {
    const charts = runExperiment(hand, { series: { maxPoints: 2000 } });
    expect(Object.keys(charts.strategies[0].series!)).not.toContain('replay');
    expect(fine.strategies[0].series!.replay!.buckets).toBe(666);
    // The replay's recording changes no number of the run.
    expect(charts.strategies[0].kpis).toEqual(fine.strategies[0].kpis);
  });

  it("keeps each machine's queue within the series' bounds", () => {
    const points = coarse.strategies[0].series!.replay!.queues.press.t.length;
    expect(points).toBeLessThanOrEqual(11);
  });
});

describe('replayFrame on a bundled scenario', () => {
  const file = 'scenarios/jit-eoq-batch.yaml';
  const scenario = loadScenario(readFileSync(file, 'utf8'), { file });
  const series = { maxPoints: 300, replay: true };
  const result: ExperimentResult = runExperiment(scenario, { replications: 1, series, strategies: ['EOQ'] });

  /** The widget's level after every event of the first replication of EOQ, watched event by event. */
  const watched = (() => {
    const [task] = planReplications(scenario, { replications: 1, series, strategies: ['EOQ'] });
    const times: number[] = [];
    const levels: number[] = [];
    simulatePlant(buildStrategy(scenario, 'EOQ').plant, {
      seed: task.seed,
      series,
      observer: {
        afterEvent: (now, stocks) => {
          if (times.length > 0 && times[times.length - 1] === now) levels[levels.length - 1] = stocks.get('widget')!.onHand;
          else {
            times.push(now);
            levels.push(stocks.get('widget')!.onHand);
          }
        },
      },
    });
    return (t: number) => {
      let i = times.length - 1;
      while (i > 0 && times[i] > t) i--;
      return levels[i];
    };
  })();

  it('brackets the true level at every instant, and equals it where it says it is exact', () => {
    // The same replication at two resolutions: 99 buckets of 3.7 days, and 6,666 of 0.055 day (a few events each).
    const fineRun = runExperiment(scenario, { replications: 1, series: { maxPoints: 20_000, replay: true }, strategies: ['EOQ'] });
    for (const [run, least] of [
      [result, 0],
      [fineRun, 50],
    ] as const) {
      let exact = 0;
      for (let t = 0.37; t < 365; t += 1.13) {
        const level = replayFrame(run, 'EOQ', t).items.widget.onHand;
        const truth = watched(t);
        expect(truth, `t = ${t}`).toBeGreaterThanOrEqual(level.min);
        expect(truth, `t = ${t}`).toBeLessThanOrEqual(level.max);
        if (level.exact) {
          exact++;
          expect(level.value, `t = ${t}`).toBe(truth);
        }
      }
      expect(exact).toBeGreaterThanOrEqual(least);
    }
  });

  it('gives the press one state per server and its queue', () => {
    const frame = replayFrame(result, 'EOQ', 200);
    expect(frame.machines.press.states).toHaveLength(1);
    expect(['busy', 'setup', 'down', 'starved', 'blocked', 'idle']).toContain(frame.machines.press.states[0]);
    expect(frame.machines.press.queue.value).toBeGreaterThanOrEqual(0);
  });

  it('names the buffers between machines with their content and storage limit, given the plant', () => {
    const line = 'scenarios/bottleneck-line.yaml';
    const bottleneck = loadScenario(readFileSync(line, 'utf8'), { file: line });
    const run = runExperiment(bottleneck, { replications: 1, series: { maxPoints: 600, replay: true }, strategies: ['Buffers of 20'] });
    const frame = replayFrame(run, 'Buffers of 20', 300, bottleneck.compiled['Buffers of 20']);
    expect(Object.keys(frame.buffers)).toEqual(['cut', 'welded']);
    expect(frame.buffers.cut.capacity).toBe(20);
    expect(frame.buffers.cut.content).toEqual(frame.items.cut.onHand);
    expect(frame.buffers.welded.content.max).toBeLessThanOrEqual(20);
    expect(replayFrame(run, 'Buffers of 20', 300).buffers).toEqual({});
  });
});

describe('replayTimeText', () => {
  it('gives the time in the run’s unit, and the date first when the run is dated', () => {
    expect(replayTimeText({ unit: 'week', horizon: 36 }, 3.5)).toBe('week 3.50 of 36');
    expect(replayTimeText({ unit: 'day', horizon: 365 }, 123.45)).toBe('day 123.5 of 365');
    expect(replayTimeText({ unit: 'day', horizon: 364, start: '2025-01-06' }, 10.5)).toBe('2025-01-16 (day 10.5 of 364)');
  });
});
