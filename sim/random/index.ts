// The public API of sim/random: seeded named streams and the distributions a scenario can name.
export { createStream } from './stream.js';
export type { Rng } from './stream.js';
export { streamKey } from './stream-key.js';
export { demandStreamId } from './stream-key.js';
export { demandStreamKey } from './stream-key.js';
export type { Distribution } from './distribution.js';
export type { Support } from './distribution.js';
export { DistributionParameterError } from './check.js';
export { constant } from './distributions/constant.js';
export { exponential } from './distributions/exponential.js';
export { normal } from './distributions/normal.js';
export { lognormal } from './distributions/lognormal.js';
export { gamma } from './distributions/gamma.js';
export { uniform } from './distributions/uniform.js';
export { triangular } from './distributions/triangular.js';
export { poisson } from './distributions/poisson.js';
export { discrete } from './distributions/discrete.js';
export { empirical } from './distributions/empirical.js';
