// Text widths for the diagram's boxes, measured with a canvas in the page's own font (an estimate
// where there is no canvas), each text measured once.
import { FONT } from './draw.js';
import { TEXT, estimateWidth, type Measure } from './node-box.js';

const MAX_KEPT = 5000;

/** A measure that asks a canvas once per text and style. */
export function canvasMeasure(): Measure {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  return (text, style) => {
    const key = `${style}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      if (context === null) width = estimateWidth(text, style);
      else {
        context.font = `${TEXT[style].weight} ${TEXT[style].size}px ${FONT}`;
        width = context.measureText(text).width;
      }
      if (widths.size >= MAX_KEPT) widths.clear();
      widths.set(key, width);
    }
    return width;
  };
}
