// Stands in for `vega` in the page's build (see vite.config.ts): vega's own module
// (node_modules/vega/build/vega.module.js) with the same exports, registering only the transforms
// the page's charts compile to (vega-transforms, vega-view-transforms, vega-encode). Left out:
// geo, force, hierarchy, label, regression, voronoi, word cloud and crossfilter, about 34 kB gzip
// of the first script; and map projections (vega-projection, d3-geo: see d3-geo-none.js). test/unit/ui/vega-slim.test.ts holds the exports and the version to vega's,
// and every chart spec test checks that the transforms its charts need are registered here.
import { extend } from 'vega-util';
import { transforms } from 'vega-dataflow';
import * as tx from 'vega-transforms';
import * as vtx from 'vega-view-transforms';
import * as encode from 'vega-encode';

export * from 'vega-util';
export {
  Dataflow,
  EventStream,
  MultiPulse,
  Operator,
  Parameters,
  Pulse,
  Transform,
  changeset,
  definition,
  ingest,
  isTuple,
  transform,
  transforms,
  tupleid,
} from 'vega-dataflow';
export * from 'vega-statistics';
export * from 'vega-time';
export * from 'vega-loader';
export * from 'vega-scenegraph';
export { interpolate, interpolateColors, interpolateRange, quantizeInterpolator, scale, scheme } from 'vega-scale';
export { View } from 'vega-view';
export { defaultLocale, numberFormatDefaultLocale as formatLocale, locale, resetDefaultLocale, timeFormatDefaultLocale as timeFormatLocale } from 'vega-format';
export { expressionFunction } from 'vega-functions';
export { parse } from 'vega-parser';
export { context as runtimeContext } from 'vega-runtime';
export { codegenExpression, parseExpression } from 'vega-expression';
export { parseSelector } from 'vega-event-selector';

extend(transforms, tx, vtx, encode);

/** Vega's registry of map projections: the page has none. */
export function projection(type) {
  throw new Error(`projection ${String(type)}: the page's Vega draws no maps (ui/shims/vega-slim.js)`);
}

export const version = '6.4.0';
