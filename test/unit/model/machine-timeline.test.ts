import { describe, expect, it } from 'vitest';
import { ShiftCalendar } from '../../../sim/model/calendar.js';
import { TimelineRecorder, type MachineTimeline } from '../../../sim/model/machine-timeline.js';
import { runScenario } from '../../../sim/scenario/index.js';
import { buildCalendar } from '../../../sim/scenario/calendars.js';

// The machine timeline of the first replication: slices of the run, each showing the state that
// held most of it, closed time from the calendar, bars that tile [0, horizon] per server.

const WEEK = 168;
const plant = (calendar: string, horizon: number): string => `
name: timeline
time: { unit: hour, horizon: ${horizon}, warmup: ${WEEK} }
run: { replications: 1, seed: 5 }
calendars:
  dayShift: { hours: { mon-fri: "08:00-16:00" } }
machines:
  press: { servers: 2${calendar} }
items:
  job:
    make: { machine: press, processTime: { exponential: { mean: 1.5 } } }
    policy: { type: makeToOrder }
demand:
  - item: job
    interarrival: { exponential: { mean: 5 } }
`;

function expectTiles(timeline: MachineTimeline, servers: number, horizon: number): void {
  for (let server = 0; server < servers; server++) {
    const bars = timeline.bars.filter((b) => b.server === server);
    expect(bars[0].start).toBe(0);
    expect(bars.at(-1)!.end).toBeCloseTo(horizon, 6);
    for (let i = 1; i < bars.length; i++) {
      expect(bars[i].start).toBeCloseTo(bars[i - 1].end, 9);
      expect(bars[i].state).not.toBe(bars[i - 1].state);
    }
  }
}

describe('the machine timeline', () => {
  it('shows every night and weekend of a day shift as closed, and the open hours as work or idle time', () => {
    const horizon = 4 * WEEK;
    const run = runScenario(plant(', calendar: dayShift', horizon), { series: { maxPoints: 2000 } });
    const timeline = run.series!.machines.press;
    // On a calendar, slices of an hour: every shift and night shows when zoomed in.
    expect(timeline.slice).toBe(1);
    expectTiles(timeline, 2, horizon);
    const closed = timeline.bars.filter((b) => b.server === 0 && b.state === 'closed').reduce((sum, b) => sum + b.end - b.start, 0);
    // 128 of every 168 hours are closed, and the shift's edges fall on slice edges.
    expect(closed / horizon).toBeCloseTo(128 / 168, 9);
    // Week 2, Tuesday 03:00 is closed; Tuesday 11:00 is not.
    const at = (t: number) => timeline.bars.find((b) => b.server === 0 && b.start <= t && t < b.end)!.state;
    expect(at(WEEK + 24 + 3)).toBe('closed');
    expect(at(WEEK + 24 + 11)).not.toBe('closed');
  });

  it('has no closed time without a calendar, and busy time close to the utilization', () => {
    const horizon = 20 * WEEK;
    const run = runScenario(plant('', horizon), { series: { maxPoints: 2000 } });
    const timeline = run.series!.machines.press;
    expectTiles(timeline, 2, horizon);
    expect(timeline.bars.some((b) => b.state === 'closed')).toBe(false);
    expect(timeline.bars.some((b) => b.state === 'busy')).toBe(true);
  });

  it('gives each slice the state that held most of it, counting closed parts as closed', () => {
    const calendar = new ShiftCalendar(buildCalendar({ hours: { 'mon-fri': '08:00-16:00' }, holidays: [] }, 24));
    const recorder = new TimelineRecorder(1, 48, 4, calendar);
    // Busy from 6:00 to 20:00 on Monday, in slices of 12 h: 0–12 holds 4 h of open busy time and 8
    // closed (idle before 8:00 is closed too), 12–24 the same, and Tuesday's idle slices are 8 h closed, 4 h idle.
    recorder.record(0, 5, 0, 6);
    recorder.record(0, 0, 6, 20);
    recorder.record(0, 5, 20, 48);
    expect(recorder.finish().bars).toEqual([{ server: 0, state: 'closed', start: 0, end: 48 }]);
    const open = new TimelineRecorder(1, 48, 4, null);
    open.record(0, 5, 0, 6);
    open.record(0, 0, 6, 20);
    open.record(0, 5, 20, 48);
    // 0–12: 6 idle, 6 busy (a tie goes to the first state, busy); 12–24: 8 busy, 4 idle; then idle.
    expect(open.finish().bars).toEqual([
      { server: 0, state: 'busy', start: 0, end: 24 },
      { server: 0, state: 'idle', start: 24, end: 48 },
    ]);
  });
});
