// Stands in for @stdlib/assert-has-generator-support in the page's build (see vite.config.ts).
// The original probes for `function*` with eval, which the page's Content-Security-Policy forbids
// (the probe is caught, but reported as a violation, and stdlib would then pick its fallback code
// in the page and its generator code in Node). Every browser the page supports has generators.
'use strict';

module.exports = function hasGeneratorSupport() {
  return true;
};
