// Names of random streams. A key is parts joined by ':'; inside a part that comes from the user
// (an item, a machine, a demand line's name) each of \ : # @ gets a backslash, so two different
// lists of parts never give the same key: an item named `a#2` cannot draw the numbers of item
// `a`'s second demand line. Names without those characters are left as they are, so the keys,
// and with them the random numbers, of scenarios written before escaping did not change.

const SEPARATOR = /[\\:#@]/g;

/** `name` fit to be one part of a stream key: `\`, `:`, `#` and `@` each get a backslash. */
export function escapeKeyPart(name: string): string {
  return name.replace(SEPARATOR, '\\$&');
}

/** The key of a random stream: every part escaped, then joined by ':' (`streamKey('up', 'press', 0)` is `up:press:0`). */
export function streamKey(...parts: (string | number)[]): string {
  return parts.map((part) => escapeKeyPart(String(part))).join(':');
}

/**
 * A demand line's stream id, escaped: `item` for the item's first line, `item#k` for its k-th,
 * `item@name` for a line with a name (which keeps its numbers when lines move).
 */
export function demandStreamId(item: string, line: number | { name: string }): string {
  if (typeof line !== 'number') return `${escapeKeyPart(item)}@${escapeKeyPart(line.name)}`;
  if (!(Number.isInteger(line) && line >= 1)) throw new RangeError(`demandStreamId: line must be a whole number >= 1, got ${line}`);
  return line === 1 ? escapeKeyPart(item) : `${escapeKeyPart(item)}#${line}`;
}

/** The key of one draw of a demand line, from its id (demandStreamId, not escaped again): `demand:widget#2:quantity`. */
export function demandStreamKey(id: string, draw: 'interarrival' | 'quantity' | 'profile' | 'resample'): string {
  return `demand:${id}:${draw}`;
}
