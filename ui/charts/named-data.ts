import type { Spec } from './common.js';

/** A spec split in two: its shape, with every inline data source named instead, and the values of each name. */
export interface SplitSpec {
  /** The spec with each `data: { values }` replaced by `data: { name }` (its other fields, a format, kept). */
  shape: Spec;
  /** The shape as text: two specs with the same key draw the same chart of different data. */
  key: string;
  /** The values of each named source, in the order the sources appear in the spec. */
  datasets: Map<string, unknown[]>;
}

/** The names given to a spec's inline data sources: `sawtooth_0`, `sawtooth_1`… (Vega-Lite's own are `source_0`, `data_0`…). */
const PREFIX = 'sawtooth_';

/**
 * Splits a spec's data from its shape, so a chart whose new spec has the same shape keeps its
 * Vega view and only its data change: compiling the spec and parsing a view cost more than
 * running the new data through it. Names follow the order of the sources in the spec, so the same
 * shape always names the same sources alike.
 */
export function splitData(spec: Spec): SplitSpec {
  const datasets = new Map<string, unknown[]>();
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && isInline(value)) {
        const name = `${PREFIX}${datasets.size}`;
        const { values, ...rest } = value;
        datasets.set(name, values);
        out.data = { ...rest, name };
      } else {
        out[key] = visit(value);
      }
    }
    return out;
  };
  const shape = visit(spec) as Spec;
  return { shape, key: JSON.stringify(shape), datasets };
}

function isInline(data: unknown): data is { values: unknown[] } {
  return data !== null && typeof data === 'object' && Array.isArray((data as { values?: unknown }).values);
}
