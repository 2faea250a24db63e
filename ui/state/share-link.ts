// Share links: the codec lives in sim (sim/report/share-link.ts), so `sawtooth link` makes exactly the page's links.
export {
  LINK_LIMITS,
  STATE_LIMITS,
  inflateAtMost,
  encodeShareState,
  decodeShareState,
  shapeProblem,
  checkShape,
  shareWithFiles,
  leftOutMessage,
} from '../../sim/index.js';
export type { ShareState, DecodedLink } from '../../sim/index.js';
