// vega's own packages, which ship no types of their own; the page imports them only in
// ui/shims/vega-slim.js (and the chart tests, to know which transforms it registers).
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
