import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createForecaster, forecastErrors, type ForecastMethod } from '../../../../sim/model/planning/forecast.js';

// FC-01 in validation/planning-cases.md.
const DEMAND = [10, 12, 8, 11, 13, 9];

/** F1..F(n+1): the one-bucket-ahead forecast made before each bucket, and one after the last. */
function oneStepForecasts(method: ForecastMethod, demand: readonly number[]): number[] {
  const forecaster = createForecaster(method);
  const forecasts = [forecaster.forecast(1)[0]];
  for (const d of demand) {
    forecaster.observe(d);
    forecasts.push(forecaster.forecast(1)[0]);
  }
  return forecasts;
}

function expectClose(actual: readonly number[], expected: readonly number[], digits: number): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(actual[i], `value ${i}`).toBeCloseTo(e, digits));
}

describe('FC-01: forecasting methods on a short series', () => {
  it('a moving average of 3 forecasts F4..F7 = 10, 10.33333, 10.66667, 11', () => {
    const f = oneStepForecasts({ method: 'movingAverage', window: 3 }, DEMAND);
    expectClose(f.slice(3), [10, 10.33333, 10.66667, 11], 5);
  });

  it('a moving average averages what it has before the window is full', () => {
    const f = oneStepForecasts({ method: 'movingAverage', window: 3 }, DEMAND);
    expectClose(f.slice(0, 3), [0, 10, 11], 12);
  });

  it('exponential smoothing with α = 0.3 and F2 = D1 forecasts F2..F7 = 10, 10.6, 9.82, 10.174, 11.0218, 10.41526', () => {
    const f = oneStepForecasts({ method: 'exponentialSmoothing', alpha: 0.3 }, DEMAND);
    expectClose(f.slice(1), [10, 10.6, 9.82, 10.174, 11.0218, 10.41526], 5);
  });

  it('Holt with α = 0.5, β = 0.3, L1 = D1, T1 = D2 − D1 forecasts F3..F7 = 14, 12.1, 12.485, 13.75475, 11.67641', () => {
    const f = oneStepForecasts({ method: 'holt', alpha: 0.5, beta: 0.3 }, DEMAND);
    expectClose(f.slice(2), [14, 12.1, 12.485, 13.75475, 11.67641], 5);
  });

  it('Holt forecasts D1 after one bucket, before it knows a trend', () => {
    expect(oneStepForecasts({ method: 'holt', alpha: 0.5, beta: 0.3 }, DEMAND).slice(0, 2)).toEqual([0, 10]);
  });

  it('the SES errors over F2..F6 have bias 0.27684 and MAPE 20.8194%', () => {
    const f = oneStepForecasts({ method: 'exponentialSmoothing', alpha: 0.3 }, DEMAND);
    const { bias, mape } = forecastErrors(DEMAND.slice(1), f.slice(1, 6));
    expect(bias).toBeCloseTo(0.27684, 5);
    expect(mape).toBeCloseTo(0.208194, 6);
  });
});

describe('forecasts over several buckets', () => {
  it('naive repeats the last bucket', () => {
    const forecaster = createForecaster({ method: 'naive' });
    DEMAND.forEach((d) => forecaster.observe(d));
    expect(forecaster.forecast(3)).toEqual([9, 9, 9]);
  });

  it('Holt draws the trend line L + k·T', () => {
    const forecaster = createForecaster({ method: 'holt', alpha: 0.5, beta: 0.3 });
    [10, 12].forEach((d) => forecaster.observe(d));
    expect(forecaster.forecast(3)).toEqual([14, 16, 18]);
  });

  it('a falling trend stops at 0', () => {
    const forecaster = createForecaster({ method: 'holt', alpha: 0.5, beta: 0.3 });
    [30, 20].forEach((d) => forecaster.observe(d));
    expect(forecaster.forecast(4)).toEqual([10, 0, 0, 0]);
  });

  it('forecast(0) is empty, and the count of observed buckets is kept', () => {
    const forecaster = createForecaster({ method: 'naive' });
    forecaster.observe(4);
    expect(forecaster.forecast(0)).toEqual([]);
    expect(forecaster.observed).toBe(1);
  });
});

describe('Holt–Winters (additive)', () => {
  const season = [5, -3, 8, -10, 1];
  const exact = (t: number): number => 50 + 2 * t + season[t % season.length];
  const series = (from: number, n: number): number[] => Array.from({ length: n }, (_, k) => exact(from + k));
  const method: ForecastMethod = { method: 'holtWinters', alpha: 0.4, beta: 0.2, gamma: 0.3, season: 5 };

  it('reproduces a linear trend plus a season once two seasons initialise it', () => {
    const forecaster = createForecaster(method);
    series(0, 10).forEach((d) => forecaster.observe(d));
    expectClose(forecaster.forecast(12), series(10, 12), 9);
  });

  it('keeps reproducing it as it goes on learning', () => {
    const forecaster = createForecaster(method);
    series(0, 23).forEach((d) => forecaster.observe(d));
    expectClose(forecaster.forecast(7), series(23, 7), 9);
  });

  it('forecasts the mean so far before two full seasons', () => {
    const forecaster = createForecaster(method);
    series(0, 3).forEach((d) => forecaster.observe(d));
    expectClose(forecaster.forecast(2), [(exact(0) + exact(1) + exact(2)) / 3, (exact(0) + exact(1) + exact(2)) / 3], 12);
  });
});

describe('perfect and trace forecasts', () => {
  it('perfect reads the coming actuals from the bucket after the last observed', () => {
    const future = [10, 12, 8, 11, 13, 9, 7];
    const forecaster = createForecaster({ method: 'perfect' }, { future: (bucket) => future[bucket] });
    expect(forecaster.forecast(2)).toEqual([10, 12]);
    [10, 12, 8].forEach((d) => forecaster.observe(d));
    expect(forecaster.forecast(3)).toEqual([11, 13, 9]);
  });

  it('trace gives its values at the bucket indices, from the first before any observation, and holds the last', () => {
    const forecaster = createForecaster({ method: 'trace', values: [5, 6, 7] });
    expect(forecaster.forecast(2)).toEqual([5, 6]);
    forecaster.observe(100);
    expect(forecaster.forecast(4)).toEqual([6, 7, 7, 7]);
  });
});

describe('bias and noise', () => {
  it('bias multiplies every forecast', () => {
    const forecaster = createForecaster({ method: 'trace', values: [10, 20], bias: 1.2 });
    expectClose(forecaster.forecast(2), [12, 24], 12);
  });

  it('noise scales each value by 1 + noise · z, drawing one z per value', () => {
    const z = [1, -0.5, 20];
    let draws = 0;
    const forecaster = createForecaster({ method: 'trace', values: [10], noise: 0.1 }, { normal: () => z[draws++] });
    expectClose(forecaster.forecast(2), [11, 9.5], 12);
    expect(draws).toBe(2);
  });

  it('a large negative error stops at 0', () => {
    const forecaster = createForecaster({ method: 'trace', values: [10], noise: 0.5 }, { normal: () => -3 });
    expect(forecaster.forecast(1)).toEqual([0]);
  });
});

describe('forecast errors', () => {
  it('MAPE leaves out buckets without demand, bias counts them', () => {
    const { bias, mape } = forecastErrors([0, 10], [2, 8]);
    expect(bias).toBe(0);
    expect(mape).toBeCloseTo(0.2, 12);
  });

  it('refuses a forecast of another length', () => {
    expect(() => forecastErrors([1, 2], [1])).toThrow(RangeError);
  });
});

describe('bad parameters', () => {
  const cases: [string, ForecastMethod, string][] = [
    ['alpha 0', { method: 'exponentialSmoothing', alpha: 0 }, 'alpha'],
    ['alpha above 1', { method: 'holt', alpha: 1.5, beta: 0.1 }, 'alpha'],
    ['beta above 1', { method: 'holt', alpha: 0.5, beta: 2 }, 'beta'],
    ['window 0', { method: 'movingAverage', window: 0 }, 'window'],
    ['a fractional window', { method: 'movingAverage', window: 2.5 }, 'window'],
    ['season 1', { method: 'holtWinters', alpha: 0.3, beta: 0.1, gamma: 0.1, season: 1 }, 'season'],
    ['gamma above 1 − alpha', { method: 'holtWinters', alpha: 0.8, beta: 0.1, gamma: 0.5, season: 4 }, 'gamma'],
    ['an empty trace', { method: 'trace', values: [] }, 'values'],
    ['a negative trace value', { method: 'trace', values: [1, -1] }, 'values[1]'],
    ['bias 0', { method: 'naive', bias: 0 }, 'bias'],
    ['noise without a normal source', { method: 'naive', noise: 0.1 }, 'noise'],
  ];
  it.each(cases)('refuses %s with a RangeError naming the parameter', (_, method, parameter) => {
    expect(() => createForecaster(method)).toThrow(RangeError);
    expect(() => createForecaster(method)).toThrow(`${parameter} must be`);
  });

  it('refuses perfect without the future', () => {
    expect(() => createForecaster({ method: 'perfect' })).toThrow(/perfect: future must be given/);
  });

  it('refuses a negative demand and a negative horizon', () => {
    const forecaster = createForecaster({ method: 'naive' });
    expect(() => forecaster.observe(-1)).toThrow('demand must be');
    expect(() => forecaster.forecast(-1)).toThrow('h must be');
  });

  it('accepts gamma = 1 − alpha', () => {
    expect(() => createForecaster({ method: 'holtWinters', alpha: 0.7, beta: 0.1, gamma: 0.3, season: 4 })).not.toThrow();
  });
});

describe('properties', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  const positiveUnit = fc.double({ min: Number.EPSILON, max: 1, noNaN: true });
  const methods: fc.Arbitrary<ForecastMethod> = fc.oneof(
    fc.constant<ForecastMethod>({ method: 'naive' }),
    fc.integer({ min: 1, max: 10 }).map((window): ForecastMethod => ({ method: 'movingAverage', window })),
    positiveUnit.map((alpha): ForecastMethod => ({ method: 'exponentialSmoothing', alpha })),
    fc.tuple(positiveUnit, unit).map(([alpha, beta]): ForecastMethod => ({ method: 'holt', alpha, beta })),
    fc
      .tuple(positiveUnit, unit, unit, fc.integer({ min: 2, max: 6 }))
      .map(([alpha, beta, share, season]): ForecastMethod => ({ method: 'holtWinters', alpha, beta, gamma: share * (1 - alpha), season })),
    fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 5 }).map((values): ForecastMethod => ({ method: 'trace', values })),
  );

  it('forecasts are finite and never negative for any non-negative demand series', () => {
    fc.assert(
      fc.property(methods, fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { maxLength: 60 }), fc.integer({ min: 0, max: 20 }), (method, demand, h) => {
        const forecaster = createForecaster(method);
        const forecasts = [...forecaster.forecast(h)];
        for (const d of demand) {
          forecaster.observe(d);
          forecasts.push(...forecaster.forecast(h));
        }
        return forecasts.every((f) => Number.isFinite(f) && f >= 0);
      }),
    );
  });
});
