// The page's Vega has vega's types (ui/shims/vega-slim.js re-exports vega's modules).
export * from 'vega';
