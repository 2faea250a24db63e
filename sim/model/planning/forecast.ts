// Forecasts per planning bucket that learn bucket by bucket from the demand observed so far
// (DESIGN "Planning", the Forecasts bullet). The recursions and initialisations are FC-01's in
// validation/planning-cases.md (Nahmias ch. 2; Hyndman & Athanasopoulos, FPP ch. 8).
// Buckets are counted from 0: after `observe` has been called n times, bucket n is the next one.

/** The what-if levers every method takes: `bias` multiplies the forecast, `noise` is a relative error sd. */
export interface ForecastLevers {
  /** Multiplier on every forecast, > 0; 1.2 = 20% too high. Default 1. */
  bias?: number;
  /** Standard deviation of a relative error: each value is × (1 + noise · z), z standard normal. Default 0. */
  noise?: number;
}

/** A forecasting method, with the scenario's field names (`trace` already read from its file). */
export type ForecastMethod = ForecastLevers &
  (
    | { method: 'naive' }
    | { method: 'movingAverage'; window: number }
    | { method: 'exponentialSmoothing'; alpha: number }
    | { method: 'holt'; alpha: number; beta: number }
    | { method: 'holtWinters'; alpha: number; beta: number; gamma: number; season: number }
    | { method: 'perfect' }
    | { method: 'trace'; values: readonly number[] }
  );

/** What a forecaster needs from its caller besides the method. */
export interface ForecasterOptions {
  /** `perfect` only: the actual demand of a bucket (0-based), seen ahead of time. */
  future?: (bucket: number) => number;
  /** A standard normal draw; required when noise > 0, so that without noise the forecaster is deterministic. */
  normal?: () => number;
}

/** A forecaster fed one bucket's actual demand at a time. */
export interface Forecaster {
  /** Records the actual demand of the next bucket (buckets in order, from the first). */
  observe(demand: number): void;
  /** The forecasts of the next h buckets, made after the last observed one; every value finite and ≥ 0. */
  forecast(h: number): number[];
  /** How many buckets have been observed: the index of the next bucket. */
  readonly observed: number;
}

/** A method's own recursion, before bias, noise and clipping. */
interface Recursion {
  observe(demand: number): void;
  /** Forecasts for buckets next, next + 1, … next + h − 1. */
  ahead(next: number, h: number): number[];
}

/**
 * A forecaster for one item. Before any observation the learning methods forecast 0 (nothing is
 * known yet); `trace` and `perfect` give their values from bucket 0. Bad parameters throw a RangeError
 * naming the parameter.
 */
export function createForecaster(method: ForecastMethod, options: ForecasterOptions = {}): Forecaster {
  const bias = method.bias ?? 1;
  const noise = method.noise ?? 0;
  if (!(Number.isFinite(bias) && bias > 0)) fail(method.method, 'bias', 'a finite number > 0', bias);
  if (!(Number.isFinite(noise) && noise >= 0)) fail(method.method, 'noise', 'a finite number >= 0', noise);
  const relativeError = relativeErrorOf(method.method, noise, options.normal);
  const recursion = recursionOf(method, options);
  let observed = 0;
  return {
    observe(demand: number): void {
      if (!(Number.isFinite(demand) && demand >= 0)) fail(method.method, 'demand', 'a finite number >= 0', demand);
      recursion.observe(demand);
      observed += 1;
    },
    forecast(h: number): number[] {
      if (!(Number.isInteger(h) && h >= 0)) fail(method.method, 'h', 'an integer >= 0', h);
      // Demand is never negative, so neither is its forecast: a falling trend, a negative
      // seasonal or a large negative error stops at 0 (the states themselves are not clipped).
      return recursion.ahead(observed, h).map((value) => Math.max(0, value * bias * relativeError()));
    },
    get observed(): number {
      return observed;
    },
  };
}

/** Bias = mean of (D − F) over all buckets; MAPE = mean of |D − F| / D as a fraction (0.2 = 20%), over buckets with D > 0 only. */
export function forecastErrors(actual: readonly number[], forecast: readonly number[]): { bias: number; mape: number } {
  if (actual.length !== forecast.length) {
    throw new RangeError(`forecastErrors: forecast must have one value per actual (${actual.length}), got ${forecast.length}`);
  }
  let errorSum = 0;
  let percentSum = 0;
  let withDemand = 0;
  actual.forEach((d, i) => {
    errorSum += d - forecast[i];
    // A bucket without demand has no percentage error: it is left out of MAPE, not counted as 0 or ∞.
    if (d > 0) {
      percentSum += Math.abs(d - forecast[i]) / d;
      withDemand += 1;
    }
  });
  // NaN when undefined: no buckets (bias), or no bucket with demand (MAPE).
  return { bias: errorSum / actual.length, mape: percentSum / withDemand };
}

/** 1 + noise · z, a fresh z per value; exactly 1, drawing nothing, without noise. */
function relativeErrorOf(method: string, noise: number, normal: (() => number) | undefined): () => number {
  if (noise === 0) return () => 1;
  if (normal === undefined) fail(method, 'noise', '0 unless a standard normal source is given', noise);
  return () => 1 + noise * normal();
}

function recursionOf(method: ForecastMethod, options: ForecasterOptions): Recursion {
  switch (method.method) {
    case 'naive':
      return exponentialSmoothing(1);
    case 'movingAverage':
      checkInteger(method.method, 'window', method.window, 1);
      return movingAverage(method.window);
    case 'exponentialSmoothing':
      checkAlpha(method.method, method.alpha);
      return exponentialSmoothing(method.alpha);
    case 'holt':
      checkAlpha(method.method, method.alpha);
      checkUnit(method.method, 'beta', method.beta);
      return holt(method.alpha, method.beta);
    case 'holtWinters':
      return holtWinters(checkHoltWinters(method));
    case 'perfect': {
      const future = options.future;
      if (future === undefined) throw new RangeError('perfect: future must be given: the forecaster reads the coming actual demand from it');
      return { observe() {}, ahead: (next, h) => Array.from({ length: h }, (_, k) => future(next + k)) };
    }
    case 'trace':
      checkTrace(method.values);
      return trace(method.values);
  }
}

const flat = (h: number, value: number): number[] => new Array<number>(h).fill(value);
const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** The mean of the last `window` buckets; before `window` buckets, the mean of those there are. */
function movingAverage(window: number): Recursion {
  const recent: number[] = [];
  return {
    observe(demand) {
      recent.push(demand);
      if (recent.length > window) recent.shift();
    },
    // Summed afresh each time rather than kept as a running sum, which would drift in floating point.
    ahead: (_next, h) => flat(h, mean(recent)),
  };
}

/** F(t+1) = α·D(t) + (1 − α)·F(t) with F2 = D1 (FC-01); α = 1 is the naive forecast F(t+1) = D(t). */
function exponentialSmoothing(alpha: number): Recursion {
  let level: number | undefined;
  return {
    observe(demand) {
      level = level === undefined ? demand : alpha * demand + (1 - alpha) * level;
    },
    ahead: (_next, h) => flat(h, level ?? 0),
  };
}

/**
 * Holt's linear trend as FC-01: L1 = D1, T1 = D2 − D1, then the recursion from bucket 2 on, so
 * the first trend forecast is F3. After one bucket (no trend yet) the forecast is flat at D1.
 */
function holt(alpha: number, beta: number): Recursion {
  let count = 0;
  let level = 0;
  let trend = 0;
  return {
    observe(demand) {
      count += 1;
      if (count === 1) {
        level = demand;
        return;
      }
      if (count === 2) trend = demand - level;
      const previous = level;
      level = alpha * demand + (1 - alpha) * (level + trend);
      trend = beta * (level - previous) + (1 - beta) * trend;
    },
    ahead: (_next, h) => Array.from({ length: h }, (_, k) => level + (k + 1) * trend),
  };
}

interface HoltWintersParameters {
  alpha: number;
  beta: number;
  gamma: number;
  season: number;
}

/**
 * Additive Holt–Winters, the textbook form of FPP §8.3 (additive, not multiplicative: it stays
 * defined when a season's demand is 0):
 *   L(t) = α(D(t) − S(t−m)) + (1 − α)(L(t−1) + T(t−1))
 *   T(t) = β(L(t) − L(t−1)) + (1 − β)T(t−1)
 *   S(t) = γ(D(t) − L(t−1) − T(t−1)) + (1 − γ)S(t−m)
 *   F(t+k) = L(t) + k·T(t) + S(t+k−m), the latest seasonal of that bucket's phase.
 * Initialised from the first two seasons, the classical way (Nahmias's Winters method, additive):
 * trend = (mean of season 2 − mean of season 1) / m; the trend line through the first season's
 * mean at its middle; each phase's seasonal = the mean of its two deviations from that line;
 * level = the line at the end of season 2. This reproduces a series that is exactly a linear
 * trend plus a season. Before 2·m buckets the forecast is flat at the mean of those observed.
 */
function holtWinters({ alpha, beta, gamma, season: m }: HoltWintersParameters): Recursion {
  const firstSeasons: number[] = [];
  const seasonal = new Array<number>(m).fill(0);
  let level = 0;
  let trend = 0;
  const initialise = (): void => {
    const firstMean = mean(firstSeasons.slice(0, m));
    trend = (mean(firstSeasons.slice(m)) - firstMean) / m;
    const line = (bucket: number): number => firstMean + trend * (bucket - (m - 1) / 2);
    for (let p = 0; p < m; p++) seasonal[p] = (firstSeasons[p] - line(p) + firstSeasons[p + m] - line(p + m)) / 2;
    level = line(2 * m - 1);
  };
  let count = 0;
  return {
    observe(demand) {
      const bucket = count++;
      if (bucket < 2 * m) {
        firstSeasons.push(demand);
        if (count === 2 * m) initialise();
        return;
      }
      const phase = bucket % m;
      const previous = level;
      level = alpha * (demand - seasonal[phase]) + (1 - alpha) * (previous + trend);
      seasonal[phase] = gamma * (demand - previous - trend) + (1 - gamma) * seasonal[phase];
      trend = beta * (level - previous) + (1 - beta) * trend;
    },
    ahead(next, h) {
      if (next < 2 * m) return flat(h, mean(firstSeasons));
      return Array.from({ length: h }, (_, k) => level + (k + 1) * trend + seasonal[(next + k) % m]);
    },
  };
}

/** A planner's own forecast per bucket; past its last value, the last value holds. */
function trace(values: readonly number[]): Recursion {
  return { observe() {}, ahead: (next, h) => Array.from({ length: h }, (_, k) => values[Math.min(next + k, values.length - 1)]) };
}

function fail(method: string, parameter: string, expected: string, value: unknown): never {
  throw new RangeError(`${method}: ${parameter} must be ${expected}, got ${String(value)}`);
}

function checkAlpha(method: string, alpha: number): void {
  // α = 0 would never learn: the forecast would stay at its first value.
  if (!(alpha > 0 && alpha <= 1)) fail(method, 'alpha', 'in (0, 1]', alpha);
}

function checkUnit(method: string, parameter: string, value: number): void {
  if (!(value >= 0 && value <= 1)) fail(method, parameter, 'in [0, 1]', value);
}

function checkInteger(method: string, parameter: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) fail(method, parameter, `an integer >= ${min}`, value);
}

function checkHoltWinters(p: HoltWintersParameters): HoltWintersParameters {
  checkAlpha('holtWinters', p.alpha);
  checkUnit('holtWinters', 'beta', p.beta);
  // FPP's usual restriction 0 ≤ γ ≤ 1 − α: beyond it the seasonal and level corrections
  // can overreact together, so errors grow from bucket to bucket. The 1e-12 lets γ = 1 − α through
  // when 1 − α rounds below the γ a file wrote.
  if (!(p.gamma >= 0 && p.gamma <= 1 - p.alpha + 1e-12)) fail('holtWinters', 'gamma', `in [0, 1 − alpha] = [0, ${1 - p.alpha}]`, p.gamma);
  checkInteger('holtWinters', 'season', p.season, 2);
  return p;
}

function checkTrace(values: readonly number[]): void {
  if (values.length === 0) fail('trace', 'values', 'at least one value', '[]');
  values.forEach((v, i) => {
    if (!(Number.isFinite(v) && v >= 0)) fail('trace', `values[${i}]`, 'a finite number >= 0', v);
  });
}
