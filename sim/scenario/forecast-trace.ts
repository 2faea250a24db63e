// A planner's own forecast (`forecasts.widget: { method: trace, file: forecast.csv }`): a CSV file
// with the header `bucket,forecast` and one row per planning bucket. Bucket k (a whole number
// counted from 0) covers time [k·planning.bucket, (k + 1)·planning.bucket); the rows run 0, 1, 2, …
// with none left out, each forecast a number from 0 to MAX_AMOUNT. Past the last row the last
// forecast holds. Read and cached like demand traces (traces.ts).
import { MAX_AMOUNT } from '../model/index.js';
import { MSG } from './messages.js';
import type { Path } from './paths.js';
import { parseRows, rowNumbers, type ParsedTrace, type TraceFormat } from './traces.js';

const COLUMNS = ['bucket', 'forecast'] as const;

/** A forecast per bucket, `bucket,forecast`: the values by bucket from 0. */
export const FORECAST_TRACE: TraceFormat<number[]> = {
  kind: 'forecast',
  parse: (text, file) => parseForecastTrace(text, file),
};

/** Parses a forecast file; each problem names the file and line (and `path`, the scenario's file key). */
export function parseForecastTrace(text: string, file: string, path: Path = []): ParsedTrace<number[]> {
  const values: number[] = [];
  // The bucket the next row must have. A row that cannot be read is taken for that bucket, and
  // after one out of place it moves past the highest bucket seen: one bad row is one problem, not
  // one for every row after it.
  let next = 0;
  const row = (line: string): string | null => {
    const numbers = rowNumbers(line);
    const expected = next;
    if (numbers === null || !(Number.isInteger(numbers[0]) && numbers[0] >= 0)) {
      next++;
      return numbers === null ? MSG.csvRow(COLUMNS.join(','), line) : MSG.csvBucket(numbers[0]);
    }
    const [bucket, forecast] = numbers;
    next = Math.max(next, bucket + 1);
    if (bucket > expected) return MSG.csvBucketGap(expected, bucket);
    if (bucket < expected) return MSG.csvBucketOrder(expected, bucket);
    if (!(forecast >= 0 && forecast <= MAX_AMOUNT)) return MSG.csvForecast(forecast);
    values.push(forecast);
    return null;
  };
  const problems = parseRows(text, file, path, COLUMNS, row);
  if (problems.length === 0 && values.length === 0) problems.push({ path, text: MSG.csvNoRows(COLUMNS.join(',')), at: { file, line: 1 } });
  return { value: values, problems };
}
