import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demandStreamId, demandStreamKey, streamKey } from '../../../sim/random/index.js';

// Names made of the characters that matter, so that a collision would be found at once.
const NAME = fc.string({ unit: fc.constantFrom('a', '2', '\\', ':', '#', '@'), maxLength: 5 });
const NON_EMPTY = NAME.filter((name) => name !== '');

/** Splits an escaped text at each `separator` no backslash escapes (escapes kept). */
function splitAt(text: string, separator: string): string[] {
  const parts = [''];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === separator) parts.push('');
    else parts[parts.length - 1] += text[i] === '\\' ? text[i] + text[++i] : text[i];
  }
  return parts;
}

/** One part without its escapes; throws at a separator no backslash escapes (it would be ambiguous). */
function unescapePart(part: string): string {
  let out = '';
  for (let i = 0; i < part.length; i++) {
    if (part[i] === '\\') out += part[++i];
    else if (':#@'.includes(part[i])) throw new Error(`a bare ${part[i]} in ${part}`);
    else out += part[i];
  }
  return out;
}

/** A key read back into the parts it was built from. */
const splitKey = (key: string): string[] => splitAt(key, ':').map(unescapePart);

/** A demand line's id read back: `item`, `item#k` or `item@name`. */
function readDemandId(id: string): { item: string; line: number | { name: string } } {
  const [item, ...numbered] = splitAt(id, '#');
  if (numbered.length === 1) return { item: unescapePart(item), line: Number(numbered[0]) };
  const [plain, ...named] = splitAt(id, '@');
  if (named.length === 1) return { item: unescapePart(plain), line: { name: unescapePart(named[0]) } };
  return { item: unescapePart(id), line: 1 };
}

describe('streamKey, demandStreamId, demandStreamKey', () => {
  it('are byte for byte the names of before for names without \\ : # @', () => {
    expect(streamKey('leadTime', 'steel')).toBe('leadTime:steel');
    expect(streamKey('process', 'widget')).toBe('process:widget');
    expect(streamKey('setup', 'widget')).toBe('setup:widget');
    expect(streamKey('up', 'press', 0)).toBe('up:press:0');
    expect(streamKey('repair', 'press', 1)).toBe('repair:press:1');
    expect(demandStreamKey(demandStreamId('widget', 1), 'interarrival')).toBe('demand:widget:interarrival');
    expect(demandStreamKey(demandStreamId('widget', 2), 'quantity')).toBe('demand:widget#2:quantity');
    expect(demandStreamKey(demandStreamId('seal-kit', 3), 'interarrival')).toBe('demand:seal-kit#3:interarrival');
  });

  it('escape \\ : # @ inside names with a backslash', () => {
    expect(streamKey('leadTime', 'a:b')).toBe('leadTime:a\\:b');
    expect(streamKey('up', 'x\\y', 0)).toBe('up:x\\\\y:0');
    expect(demandStreamId('a#2', 1)).toBe('a\\#2');
    expect(demandStreamId('a', 2)).toBe('a#2');
    expect(demandStreamId('a@b', { name: 'x#1' })).toBe('a\\@b@x\\#1');
    expect(demandStreamId('widget', { name: 'export' })).toBe('widget@export');
  });

  it('demandStreamId numbers lines from 1 and refuses anything else', () => {
    expect(() => demandStreamId('a', 0)).toThrow('demandStreamId: line must be a whole number >= 1, got 0');
    expect(() => demandStreamId('a', 1.5)).toThrow(RangeError);
  });

  it('can be read back into their parts, so no two lists of parts share a key', () => {
    fc.assert(
      fc.property(fc.array(NAME, { minLength: 1, maxLength: 4 }), (parts) => {
        expect(splitKey(streamKey(...parts))).toEqual(parts);
      }),
    );
  });

  it('give demand lines ids that are one part of a key and can be read back, so no two lines share one', () => {
    const line = fc.oneof(
      fc.integer({ min: 1, max: 12 }),
      NON_EMPTY.map((name) => ({ name })),
    );
    fc.assert(
      fc.property(NON_EMPTY, line, (item, l) => {
        const id = demandStreamId(item, l);
        expect(splitAt(id, ':')).toHaveLength(1);
        expect(readDemandId(id)).toEqual({ item, line: l });
      }),
    );
  });
});
