import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_PLAY_TURNS, checkShape, decodeShareState, encodeShareState, type ShareState } from '../../../sim/index.js';

// A game travels in the share link (and the saved session) as the orders given so far.
function hashOf(value: unknown): string {
  return `#s=${deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8')).toString('base64url')}`;
}

const STATE: ShareState = { scenario: 'beer-game', overrides: {}, replications: 30 };

describe('a game in a share link', () => {
  it('comes back as it went, a finished game of 36 orders included', async () => {
    const orders = Array.from({ length: 36 }, (_, i) => (i % 5) * 2.5);
    const decoded = await decodeShareState(await encodeShareState({ ...STATE, play: orders }));
    expect(decoded).toEqual({ kind: 'state', state: { ...STATE, play: orders } });
    expect(await decodeShareState(await encodeShareState({ ...STATE, play: [] }))).toEqual({ kind: 'state', state: { ...STATE, play: [] } });
    // A link without a game has none.
    expect(await decodeShareState(await encodeShareState(STATE))).toEqual({ kind: 'state', state: STATE });
  });

  it('is refused, in words, when it is not a list of orders the page can replay', async () => {
    const refused = async (play: unknown) => decodeShareState(hashOf({ ...STATE, play }));
    expect(await refused('4,4,4')).toEqual({ kind: 'refused', reason: 'its game is not a list of orders' });
    expect(await refused([4, -1])).toEqual({ kind: 'refused', reason: 'its game has an order that is not a number of units of 0 or more' });
    expect(await refused([4, '8'])).toMatchObject({ kind: 'refused' });
    expect(await refused([4, null])).toMatchObject({ kind: 'refused' });
    expect(await refused([1e300])).toMatchObject({ kind: 'refused' });
    expect(await refused({ length: 2, 0: 4, 1: 4 })).toMatchObject({ kind: 'refused' });
    expect(await refused(new Array(MAX_PLAY_TURNS + 1).fill(4))).toEqual({
      kind: 'refused',
      reason: `its game has ${MAX_PLAY_TURNS + 1} orders, and a game has at most ${MAX_PLAY_TURNS} turns`,
    });
  });

  it('is copied, not shared, by the shape check', () => {
    const play = [4, 8];
    const checked = checkShape({ ...STATE, play })!;
    expect(checked.play).toEqual([4, 8]);
    expect(checked.play).not.toBe(play);
  });
});
