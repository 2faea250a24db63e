// With time.start the page's charts over time put dates on a temporal axis (UTC, the same in every
// time zone) and their tooltips show sim's date text; without it they stay in time units.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { chainStages, loadScenario, runExperiment, type ExperimentResult } from '../../../sim/index.js';
import type { Spec } from '../../../ui/charts/common.js';
import { dashboardCharts } from '../../../ui/charts/dashboard.js';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/mrp-chair.yaml');
const BEER = resolve(import.meta.dirname, '../../../scenarios/beer-game.yaml');

function run(file: string, edit: (text: string) => string): { result: ExperimentResult; stages: string[] } {
  const scenario = loadScenario(edit(readFileSync(file, 'utf8')), { file });
  return { result: runExperiment(scenario, { replications: 1, series: { maxPoints: 200 } }), stages: chainStages(scenario) };
}

interface TimeChart {
  spec: Spec;
  x: Record<string, unknown>;
  values: Record<string, unknown>[];
}

/** Each time chart's spec, its x encoding and its data, by chart id. */
function timeCharts(result: ExperimentResult, stages: string[] = []): Record<string, TimeChart> {
  const charts = dashboardCharts(result, 'chair', {}, result.time.unit, '€', {}, stages);
  const out: Record<string, TimeChart> = {};
  for (const { id, spec } of charts) {
    const s = spec as Spec & {
      data: { values: Record<string, unknown>[] };
      encoding?: { x: unknown };
      layer?: { encoding: { x?: unknown } }[];
      spec?: { encoding?: { x: unknown }; layer?: { encoding: { x?: unknown } }[] };
    };
    const x = s.encoding?.x ?? s.layer?.[0].encoding.x ?? s.spec?.encoding?.x ?? s.spec?.layer?.[0].encoding.x;
    if (['stock', 'stockouts', 'throughput', 'forecast', 'load', 'orders'].includes(id))
      out[id] = { spec, x: x as Record<string, unknown>, values: s.data.values };
  }
  return out;
}

describe('charts over time of a dated scenario', () => {
  const dated = (text: string) =>
    text.replace('time: { unit: day, horizon: 196, warmup: 28 }', 'time: { unit: day, horizon: 196, warmup: 28, start: 2025-01-06 }');

  it('put dates on a temporal UTC axis, times as epoch milliseconds from time.start, dates in tooltips', () => {
    const { result } = run(FIXTURE, dated);
    expect(result.time.start).toBe('2025-01-06');
    const charts = timeCharts(result);
    expect(Object.keys(charts)).toEqual(['stock', 'stockouts', 'throughput', 'forecast', 'load']);
    const day0 = Date.UTC(2025, 0, 6);
    for (const [id, { x, values }] of Object.entries(charts)) {
      expect(x, id).toMatchObject({ field: 't', type: 'temporal', scale: { type: 'utc' } });
      const timed = values.filter((v) => typeof v.t === 'number');
      expect(timed.length, id).toBeGreaterThan(0);
      for (const v of timed) {
        const ms = v.t as number;
        expect(ms, id).toBeGreaterThanOrEqual(day0);
        expect(ms, id).toBeLessThanOrEqual(day0 + 196 * 86_400_000);
        expect(v.date, id).toBe(new Date(ms).toISOString().slice(0, 10));
      }
    }
    expect(charts.stock.x.title).toBe('date (2025)');
    // The planning charts span the run: 6 January 2025 to 196 days later.
    const end = { year: 2025, month: 7, date: 21, hours: 0, minutes: 0, utc: true };
    expect(charts.forecast.x.scale).toEqual({ type: 'utc', domainMin: { ...end, month: 1, date: 6 }, domainMax: end });
    // As Vega reads it: UTC dates (months from 0), not datetime(ms), which would take the milliseconds for a year.
    const scales = (compile(charts.forecast.spec as TopLevelSpec).spec.scales ?? []) as { name: string; domainMin?: unknown; domainMax?: unknown }[];
    expect(scales.find((sc) => sc.name === 'x')).toMatchObject({
      domainMin: { signal: 'utc(2025, 0, 6, 0, 0, 0, 0)' },
      domainMax: { signal: 'utc(2025, 6, 21, 0, 0, 0, 0)' },
    });
    expect(charts.load.values.every((v) => (v.end as number) > (v.t as number))).toBe(true);
  });

  it('stay in time units on a quantitative axis without time.start', () => {
    const { result } = run(FIXTURE, (t) => t);
    expect(result.time.start).toBeUndefined();
    for (const [id, { x, values }] of Object.entries(timeCharts(result))) {
      expect(x, id).toMatchObject({ field: 't', type: 'quantitative' });
      expect(String(x.title), id).toMatch(/\(day\)$/);
      expect(values.some((v) => 'date' in v)).toBe(false);
    }
  });

  it('date the orders by stage, and show the time of day in an hour unit', () => {
    const { result, stages } = run(BEER, (t) => t.replace('unit: week', 'unit: hour, start: 2025-12-31'));
    const { orders } = timeCharts(result, stages);
    expect(orders.x).toMatchObject({ type: 'temporal', title: 'date (2025–2026)', scale: { type: 'utc' } });
    const at = (t: number) => orders.values.find((v) => v.t === Date.UTC(2025, 11, 31) + t * 3_600_000)?.date;
    expect(at(0)).toBe('2025-12-31 00:00');
    expect(at(24 + 11)).toBe('2026-01-01 11:00');
  });
});
