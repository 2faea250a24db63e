/**
 * A drawn inline SVG as standalone markup (for a file or a report): at its full size (the page may show it shrunk to fit),
 * Lit's template markers left out. Text is escaped by the serializer, so no name can end a comment
 * or open an element; everything the drawing needs is in its attributes, none in the page's styles.
 */
export function svgFile(drawn: SVGSVGElement): string {
  const copy = drawn.cloneNode(true) as SVGSVGElement;
  for (const side of ['width', 'height'] as const) {
    const full = drawn.dataset[side];
    if (full !== undefined) copy.setAttribute(side, full);
  }
  for (const attribute of ['class', 'aria-describedby', 'data-width', 'data-height']) copy.removeAttribute(attribute);
  return new XMLSerializer().serializeToString(copy).replace(/<!--[\s\S]*?-->/g, '');
}
