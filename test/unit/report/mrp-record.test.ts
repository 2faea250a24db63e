import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../sim/model/index.js';
import { mrpRecordRows } from '../../../sim/report/index.js';
import { buildStrategy, loadScenario } from '../../../sim/scenario/index.js';

// MRP-01's item A (validation/planning-cases.md): lot-for-lot, on hand 50, planned lead time 2 weeks.
const A = {
  gross: [20, 30, 20, 40, 30, 20, 30, 25],
  scheduled: [0, 0, 0, 0, 0, 0, 0, 0],
  projected: [30, 0, 0, 0, 0, 0, 0, 0],
  net: [0, 0, 20, 40, 30, 20, 30, 25],
  plannedReceipts: [0, 0, 20, 40, 30, 20, 30, 25],
  plannedReleases: [20, 40, 30, 20, 30, 25, 0, 0],
  pastDue: 0,
};

describe('mrpRecordRows(record, bucket, time)', () => {
  it('lays out the six rows of the record in the order planners read them, each with its values', () => {
    const { rows } = mrpRecordRows(A, 7, 0);
    expect(rows.map((r) => r.label)).toEqual([
      'Gross requirements',
      'Scheduled receipts',
      'Projected on hand',
      'Net requirements',
      'Planned order receipts',
      'Planned order releases',
    ]);
    expect(rows.map((r) => r.key)).toEqual(['gross', 'scheduled', 'projected', 'net', 'plannedReceipts', 'plannedReleases']);
    expect(rows[2].values).toEqual([30, 0, 0, 0, 0, 0, 0, 0]);
    expect(rows[5].values).toEqual([20, 40, 30, 20, 30, 25, 0, 0]);
  });

  it("labels the columns by the start of each bucket, from the run's own time", () => {
    expect(mrpRecordRows(A, 7, 0).times).toEqual([0, 7, 14, 21, 28, 35, 42, 49]);
    expect(mrpRecordRows(A, 0.5, 28).times).toEqual([28, 28.5, 29, 29.5, 30, 30.5, 31, 31.5]);
  });

  it('puts the past-due quantity released at once beside the planned releases, and nowhere else', () => {
    const { rows } = mrpRecordRows({ ...A, pastDue: 12 }, 7, 14);
    expect(rows.map((r) => r.pastDue)).toEqual([null, null, null, null, null, 12]);
    expect(mrpRecordRows(A, 7, 14).rows[5].pastDue).toBe(0);
  });

  it('copies the values: the plan it came from is never changed through the table', () => {
    const record = { ...A, gross: [...A.gross] };
    mrpRecordRows(record, 7, 0).rows[0].values[0] = 999;
    expect(record.gross[0]).toBe(20);
  });

  it('reads a record the plant recorded: one column per bucket of the planning horizon', () => {
    const file = 'test/fixtures/mrp-chair.yaml';
    const scenario = loadScenario(readFileSync(file, 'utf8'), { file });
    const plant = buildStrategy(scenario, 'MRP (push)').plant;
    const planning = simulatePlant(plant, { seed: 1, series: { maxPoints: 50 } }).series!.planning!;
    const run = planning.runs[4];
    const table = mrpRecordRows(run.items.chair, planning.bucket, run.time);
    expect(run.time).toBe(28);
    expect(table.times).toEqual([28, 35, 42, 49, 56, 63]);
    expect(table.rows.every((r) => r.values.length === plant.planning.horizon)).toBe(true);
    expect(table.rows[0].values).toEqual(run.items.chair.gross);
  });
});
