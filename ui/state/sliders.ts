import { applyStrategy, buildStrategy, type PlantSpec, type PolicySpec, type Scenario } from '../../sim/index.js';

/** One slider: a number at a scenario path (strategy patch or base), with a sensible range. */
export interface SliderDef {
  /** The override path, e.g. `strategies.JIT.items.widget.policy.cards` or `items.steel.buy.leadTime`. */
  path: string;
  label: string;
  /** Which strategies it changes: one name, or every strategy that uses the base value. */
  strategies: string[];
  value: number;
  min: number;
  max: number;
  step: number;
}

const POLICY_FIELDS: Record<PolicySpec['type'], string[]> = {
  sQ: ['reorderPoint', 'quantity'],
  sS: ['reorderPoint', 'orderUpTo'],
  RS: ['every', 'orderUpTo'],
  baseStock: ['level'],
  kanban: ['cards', 'containerSize'],
  batch: ['lotSize', 'every'],
  continuous: ['rate'],
  makeToOrder: [],
  none: [],
};

const WHOLE = new Set(['reorderPoint', 'quantity', 'orderUpTo', 'level', 'cards', 'containerSize', 'lotSize']);
const DISTRIBUTION_MEAN = ['exponential', 'normal', 'lognormal', 'gamma', 'poisson'];

function get(doc: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);
}

/** The strategy's own path when its patch sets this value, else the base path (shared by strategies). */
function ownerPath(scenario: Scenario, strategy: string, path: (string | number)[]): string {
  const patched = get(scenario.patches[strategy], path) !== undefined;
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1);
  return patched ? `strategies.${strategy}.${text}` : text;
}

/** Where the mean of a distribution written in a document lives: the number itself, constant or kind.mean. */
function meanPath(spec: unknown): (string | number)[] | null {
  if (typeof spec === 'number') return [];
  if (spec === null || typeof spec !== 'object') return null;
  if ('constant' in spec) return ['constant'];
  const kind = DISTRIBUTION_MEAN.find((k) => k in spec);
  return kind ? [kind, 'mean'] : null;
}

function range(value: number, whole: boolean): Pick<SliderDef, 'min' | 'max' | 'step'> {
  const top = Math.max(whole ? 10 : 1, value * 3);
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const max = Math.ceil(top / magnitude) * magnitude;
  if (whole) return { min: 0, max, step: 1 };
  const step = Number((max / 1000).toPrecision(1));
  return { min: step, max, step };
}

/**
 * The main numbers of every strategy as sliders: policy parameters, lead times, setup times and
 * demand gaps. A value a strategy patches gets one slider per strategy; a base value one shared slider.
 * `plants` are the strategies' built plants when the caller has them (each is built otherwise).
 */
export function slidersFor(scenario: Scenario, plants: Record<string, PlantSpec> = {}): SliderDef[] {
  const byPath = new Map<string, SliderDef>();
  const add = (strategy: string, path: (string | number)[], label: string, value: number, whole: boolean): void => {
    const key = ownerPath(scenario, strategy, path);
    const existing = byPath.get(key);
    if (existing) {
      existing.strategies.push(strategy);
      return;
    }
    byPath.set(key, { path: key, label, strategies: [strategy], value, ...range(value, whole) });
  };
  for (const strategy of scenario.strategies) {
    const doc = applyStrategy(scenario.document, strategy) as Record<string, any>;
    const plant = Object.hasOwn(plants, strategy) ? plants[strategy] : buildStrategy(scenario, strategy).plant;
    for (const [name, item] of Object.entries(plant.items)) {
      for (const field of POLICY_FIELDS[item.policy.type]) {
        const value = (item.policy as unknown as Record<string, number>)[field];
        add(strategy, ['items', name, 'policy', field], `${name} ${field}`, value, WHOLE.has(field));
      }
      const lead = meanPath(doc.items?.[name]?.buy?.leadTime);
      if (item.buy && lead) add(strategy, ['items', name, 'buy', 'leadTime', ...lead], `${name} lead time`, item.buy.leadTime.mean, false);
      const setup = meanPath(doc.items?.[name]?.make?.setupTime);
      if (item.make && setup && item.make.setupTime.mean > 0) {
        add(strategy, ['items', name, 'make', 'setupTime', ...setup], `${name} setup time`, item.make.setupTime.mean, false);
      }
    }
    (doc.demand ?? []).forEach((line: Record<string, unknown>, i: number) => {
      if (typeof line.every === 'number') add(strategy, ['demand', i, 'every'], `${line.item}: time between orders`, line.every, false);
      const gap = meanPath(line.interarrival);
      const spec = plant.demand[i];
      if (gap && spec?.kind === 'stream') add(strategy, ['demand', i, 'interarrival', ...gap], `${line.item}: mean time between orders`, spec.interarrival.mean, false);
    });
  }
  return [...byPath.values()];
}
