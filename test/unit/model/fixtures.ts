import type { DemandSpec, ItemSpec, PlantSpec, PolicySpec } from '../../../sim/model/index.js';
import { constant, type Distribution } from '../../../sim/random/index.js';

/** The design's defaults of every item: no costs, no storage limit, backorders, nothing on hand. */
const ITEM_DEFAULTS = {
  holdingCost: 0,
  capacity: Infinity,
  unmet: 'backorder',
  backorderCost: 0,
  lostSaleCost: 0,
  initial: 0,
  transfer: null,
  allocation: { kind: 'fifo' },
} as const;

/** A bought item with every default of the design; override what the test is about. */
export function boughtItem(policy: PolicySpec, overrides: Partial<ItemSpec> = {}, leadTime: Distribution = constant(0)): ItemSpec {
  return {
    ...ITEM_DEFAULTS,
    buy: { leadTime, orderCost: 0, unitCost: 0 },
    make: null,
    policy,
    ...overrides,
  };
}

/** A made item on `machine` with every default of the design. */
export function madeItem(
  machine: string,
  processTime: Distribution,
  policy: PolicySpec,
  overrides: Partial<ItemSpec> = {},
  bom: Record<string, number> = {},
  setupTime: Distribution = constant(0),
): ItemSpec {
  return {
    ...ITEM_DEFAULTS,
    buy: null,
    make: { machine, processTime, setupTime, setupCost: 0, bom },
    policy,
    ...overrides,
  };
}

/** Customer demand for `item`: one order of `quantity` every gap. */
export function demandFor(item: string, interarrival: Distribution, quantity: Distribution = constant(1)): DemandSpec {
  return { kind: 'stream', item, name: item, interarrival, quantity, changes: [], profile: null, dueIn: 0 };
}

/** A plant with the design's defaults; `time.bucket` (the variance buckets) is 1 unless given. */
export function plant(
  parts: Partial<Omit<PlantSpec, 'time'>> & Pick<PlantSpec, 'items'> & { time?: Omit<PlantSpec['time'], 'bucket'> & { bucket?: number } },
): PlantSpec {
  const { time, ...rest } = parts;
  return {
    machines: {},
    demand: [],
    planning: { bucket: 1, horizon: 8, frozen: 1 },
    forecasts: {},
    ...rest,
    time: { horizon: 100, warmup: 0, bucket: 1, ...time },
  };
}
