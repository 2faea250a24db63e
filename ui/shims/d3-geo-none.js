// Stands in for d3-geo in the page's build (see vite.config.ts): vega-functions imports three of its
// functions for Vega's geo expressions, which no chart of the page uses (it draws no maps). With
// vega-projection left out of ui/shims/vega-slim.js, d3-geo and d3-geo-projection leave the
// page's first script (about 11 kB gzip).
const noMaps = (name) => () => {
  throw new Error(`${name}: the page's Vega draws no maps (ui/shims/d3-geo-none.js)`);
};

export const geoArea = noMaps('geoArea');
export const geoBounds = noMaps('geoBounds');
export const geoCentroid = noMaps('geoCentroid');
