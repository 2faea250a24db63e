// Paths into a scenario document: ['items', 'steel', 'policy'] is written `items.steel.policy`,
// ['demand', 0, 'item'] is written `demand[0].item`. Messages, --set and the editor all use this form.

/** One step of a path: an object key or a list index. */
export type Segment = string | number;
/** A path into a scenario document, outermost key first. */
export type Path = readonly Segment[];

/** Writes a path the way users type it: `items.steel.policy`, `demand[0].item`. */
export function formatPath(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** Splits `items.steel.policy` or `demand[0].item` (also `demand.0.item`) into segments; null when malformed. */
export function parsePath(text: string): Segment[] | null {
  const segments: Segment[] = [];
  for (const part of text.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match || (match[1] === '' && match[2] === '')) return null;
    if (match[1] !== '') segments.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments.length > 0 && typeof segments[0] === 'string' ? segments : null;
}

/** The value at a path, or undefined when any step is missing. */
export function getPath(doc: unknown, path: Path): unknown {
  let value = doc;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<Segment, unknown>)[segment];
  }
  return value;
}

/** True when `inner` is `outer` or lies below it. */
export function isWithin(inner: Path, outer: Path): boolean {
  return outer.length <= inner.length && outer.every((segment, i) => String(segment) === String(inner[i]));
}
