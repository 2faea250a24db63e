// The MRP record as planners read it (Orlicky's table): one column per bucket of a planning run,
// the six rows in the order the netting computes them. The labels and the mapping from the plan's
// fields live here, once, for the page and anyone else who prints a record.
import type { PlanRecord } from '../model/index.js';

/** A row of the record: the plan's field, its label, one value per bucket, and the past-due cell (planned releases only). */
export interface MrpRecordRow {
  key: Exclude<keyof PlanRecord, 'pastDue'>;
  label: string;
  values: number[];
  /** Lots the run found past due and released at once (only the planned releases have one; null elsewhere). */
  pastDue: number | null;
}

/** One item's record of one planning run: the buckets' start times (the columns) and the six rows. */
export interface MrpRecordTable {
  times: number[];
  rows: MrpRecordRow[];
}

const ROWS: [MrpRecordRow['key'], string][] = [
  ['gross', 'Gross requirements'],
  ['scheduled', 'Scheduled receipts'],
  ['projected', 'Projected on hand'],
  ['net', 'Net requirements'],
  ['plannedReceipts', 'Planned order receipts'],
  ['plannedReleases', 'Planned order releases'],
];

/**
 * The record of the run at `time` with buckets of `bucket` time units: column k starts at
 * time + k·bucket; the past-due quantity sits beside the planned releases, released at once.
 */
export function mrpRecordRows(record: PlanRecord, bucket: number, time: number): MrpRecordTable {
  const buckets = Math.max(...ROWS.map(([key]) => record[key].length));
  return {
    times: Array.from({ length: buckets }, (_, k) => time + k * bucket),
    rows: ROWS.map(([key, label]) => ({ key, label, values: [...record[key]], pastDue: key === 'plannedReleases' ? record.pastDue : null })),
  };
}
