import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { LINK_LIMITS, checkShape, decodeShareState, encodeShareState, inflateAtMost, type ShareState } from '../../../sim/index.js';

/** A hash as the page writes it, from any JSON value (or raw bytes). */
function hashOf(value: unknown): string {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(JSON.stringify(value), 'utf8');
  return `#s=${deflateRawSync(bytes).toString('base64url')}`;
}

const STATE: ShareState = { scenario: 'jit-eoq-batch', text: 'name: x\n', overrides: { 'items.widget.policy.quantity': 300 }, replications: 12 };

/** Counts the bytes every DecompressionStream hands out while `run` runs. */
async function countingInflated<T>(run: () => Promise<T>): Promise<{ result: T; bytes: number }> {
  const Real = globalThis.DecompressionStream;
  let bytes = 0;
  class Counting {
    readonly writable: WritableStream<BufferSource>;
    readonly readable: ReadableStream<Uint8Array>;
    constructor(format: CompressionFormat) {
      const inner = new Real(format);
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            bytes += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
    }
  }
  globalThis.DecompressionStream = Counting as unknown as typeof DecompressionStream;
  try {
    return { result: await run(), bytes };
  } finally {
    globalThis.DecompressionStream = Real;
  }
}

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('share links', () => {
  it('reopen exactly the state they were made from', async () => {
    const decoded = await decodeShareState(await encodeShareState(STATE));
    expect(decoded).toEqual({ kind: 'state', state: STATE });
  });

  it('leave a hash that is not a Sawtooth link alone', async () => {
    for (const hash of ['', '#', '#top', '#S=abc', '#s']) expect(await decodeShareState(hash)).toEqual({ kind: 'none' });
  });

  it('refuse a hash longer than 256 kB without inflating it', async () => {
    const hash = `#s=${'A'.repeat(LINK_LIMITS.hashChars + 1)}`;
    const { result, bytes } = await countingInflated(() => decodeShareState(hash));
    expect(result).toEqual({ kind: 'refused', reason: expect.stringMatching(/long, and the page opens links of up to 256 kB/) });
    expect(bytes).toBe(0);
  });

  it('stop inflating a link as soon as it passes 2 MB, never inflating the whole bomb', async () => {
    // 160 kB of link that inflates to 150 MB of JSON text.
    const bomb = deflateRawSync(Buffer.concat([Buffer.from('{"scenario":"x","text":"'), Buffer.alloc(150_000_000, 0x61), Buffer.from('"}')]), { level: 9 });
    const hash = `#s=${bomb.toString('base64url')}`;
    expect(hash.length).toBeLessThan(LINK_LIMITS.hashChars);
    const { result, bytes } = await countingInflated(() => decodeShareState(hash));
    expect(result).toEqual({ kind: 'refused', reason: expect.stringMatching(/unpacks to more than 2 MB/) });
    // What was inflated: the limit and at most one slice's worth (about 1 MB) beyond it.
    expect(bytes).toBeLessThan(LINK_LIMITS.inflatedBytes + 1.1 * 1024 * 1024);
  });

  it('inflate a link up to the limit whole', async () => {
    const text = 'x'.repeat(LINK_LIMITS.inflatedBytes - 100);
    const inflated = await inflateAtMost(deflateRawSync(Buffer.from(text)), LINK_LIMITS.inflatedBytes);
    expect(inflated && Buffer.from(inflated).toString()).toBe(text);
  });

  it('refuse damaged links with a reason: cut short, altered, not JSON, not a state', async () => {
    const good = await encodeShareState(STATE);
    const cases: [string, RegExp][] = [
      [good.slice(0, good.length - 12), /damaged/],
      [`${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`, /damaged|not a Sawtooth|names no scenario|not readable/],
      ['#s=%%%', /damaged/],
      ['#s=A', /damaged/],
      [hashOf('not json at all'), /not readable/],
      [hashOf([1, 2, 3]), /not a Sawtooth scenario/],
      [hashOf({ scenario: 1, overrides: {}, replications: 1 }), /names no scenario/],
      [hashOf({ scenario: 'x', overrides: [], replications: 1 }), /settings are not/],
      [hashOf({ scenario: 'x', overrides: {}, replications: 0.5 }), /replications/],
      [hashOf({ scenario: 'x', overrides: { a: { nested: 1 } }, replications: 1 }), /not a number, a short text or true\/false/],
      [hashOf({ scenario: 'x', overrides: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`p${i}`, i])), replications: 1 }), /501 settings/],
      [hashOf({ scenario: 'x', text: 'y'.repeat(1024 * 1024 + 1), overrides: {}, replications: 1 }), /of text/],
    ];
    for (const [hash, reason] of cases) {
      const decoded = await decodeShareState(hash);
      expect(decoded.kind, hash.slice(0, 40)).toBe('refused');
      expect(decoded.kind === 'refused' && decoded.reason, hash.slice(0, 40)).toMatch(reason);
    }
  });

  it('keep a setting named __proto__ as a setting, polluting nothing', async () => {
    const decoded = await decodeShareState(hashOf({ scenario: 'x', overrides: JSON.parse('{"__proto__": {"polluted": 1}}'), replications: 1 }));
    expect(decoded.kind).toBe('refused'); // an object is not a setting's value
    const state = checkShape(JSON.parse('{"scenario": "x", "overrides": {"__proto__": 5, "constructor": "y"}, "replications": 3}'))!;
    expect(Object.hasOwn(state.overrides, '__proto__')).toBe(true);
    expect(Object.entries(state.overrides)).toEqual([
      ['__proto__', 5],
      ['constructor', 'y'],
    ]);
    expect(Object.getPrototypeOf(state.overrides)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bring replications above the slider down to its 100', () => {
    expect(checkShape({ scenario: 'x', overrides: {}, replications: 1000 })?.replications).toBe(100);
  });
});
