import { checkMaxPoints, StepSeriesRecorder, type StepSeries } from './step-series-recorder.js';

/**
 * Down-samples a step series to at most maxPoints (>= 5) points keeping every bucket's min and max.
 * A series that already fits is returned whole (copied). Otherwise [t0, tLast] is cut into
 * B = floor((maxPoints − 2) / 3) equal buckets and the result is exactly what a
 * StepSeriesRecorder(t0, tLast, maxPoints) fed the same records returns from finish():
 * the first point, then per bucket its min, max and last points in time order, each once.
 */
export function downsampleStep(times: ArrayLike<number>, values: ArrayLike<number>, maxPoints: number): StepSeries {
  const n = times.length;
  if (values.length !== n) {
    throw new RangeError(`downsampleStep: ${n} times but ${values.length} values; need one value per time`);
  }
  checkMaxPoints('downsampleStep', maxPoints);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(times[i])) throw new RangeError(`downsampleStep: times[${i}] is ${times[i]}; expected a finite number`);
    if (i > 0 && times[i] < times[i - 1]) {
      throw new RangeError(`downsampleStep: times[${i}] = ${times[i]} is before times[${i - 1}] = ${times[i - 1]}; times must not decrease`);
    }
    if (values[i] !== values[i]) throw new RangeError(`downsampleStep: values[${i}] is NaN`);
  }
  if (n <= maxPoints) return { t: Array.from(times), v: Array.from(values) };
  const recorder = new StepSeriesRecorder(times[0], times[n - 1], maxPoints);
  for (let i = 0; i < n; i++) recorder.record(times[i], values[i]);
  return recorder.finish();
}
