// Hostile links and saved sessions: mutated, cut, padded and random input fed to the page's state
// code (share-link decode, saved-session restore) and to its loader. Nothing may throw or hang.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSession } from '../../../ui/state/saved-edits.js';
import { STATE_LIMITS, decodeShareState, encodeShareState, type DecodedLink, type ShareState } from '../../../sim/index.js';
import { loadForPage } from '../../../ui/worker/load-scenario.js';

const FILE = 'scenarios/jit-eoq-batch.yaml';
const YAML = readFileSync(FILE, 'utf8');
const STATE: ShareState = {
  scenario: 'jit-eoq-batch',
  text: YAML,
  overrides: { 'items.widget.policy.quantity': 300, 'strategies.JIT.items.widget.policy.cards': 3 },
  replications: 12,
};
const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];

/** Rejects if `promise` takes longer than `ms`: a hang is a failure, not a slow test. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

/** What every answer must be: one of three kinds, and a state within the limits. */
function expectWellFormed(decoded: DecodedLink): void {
  expect(['none', 'state', 'refused']).toContain(decoded.kind);
  if (decoded.kind === 'refused') expect(decoded.reason.length).toBeGreaterThan(0);
  if (decoded.kind !== 'state') return;
  const { state } = decoded;
  expect(typeof state.scenario).toBe('string');
  expect(state.text === undefined || state.text.length <= STATE_LIMITS.textChars).toBe(true);
  expect(Number.isInteger(state.replications) && state.replications >= 1 && state.replications <= STATE_LIMITS.replications).toBe(true);
  for (const value of Object.values(state.overrides)) expect(['number', 'string', 'boolean']).toContain(typeof value);
}

type Mutation =
  | { kind: 'replace'; at: number; ch: string }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'repeat'; from: number; to: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), ch: fc.constantFrom(...ALPHABET, '=', '%', '+', '/', ' ', '\u2028', '#') }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('repeat' as const), from: fc.nat(), to: fc.nat() }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = (n: number) => (out.length === 0 ? 0 : n % out.length);
    if (m.kind === 'replace') out = out.slice(0, at(m.at)) + m.ch + out.slice(at(m.at) + 1);
    else if (m.kind === 'cut') out = out.slice(0, at(m.at));
    else if (m.kind === 'insert') out = out.slice(0, at(m.at)) + m.text + out.slice(at(m.at));
    else {
      const [a, b] = [at(m.from), at(m.to)].sort((x, y) => x - y);
      out = out.slice(0, b) + out.slice(a, b) + out.slice(b);
    }
  }
  return out;
}

describe('share links under fuzzing', () => {
  let good = '';
  beforeAll(async () => {
    good = await encodeShareState(STATE);
  });

  it('never throw or hang on a mutated link', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        expectWellFormed(await within(decodeShareState(mutate(good, mutations)), 5000));
      }),
      { numRuns: 300 },
    );
  });

  it('never throw or hang on flipped bytes of the compressed state', async () => {
    const bytes = Buffer.from(good.slice(3), 'base64url');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 8 }), async (flips) => {
        const copy = Buffer.from(bytes);
        for (const { at, bit } of flips) copy[at % copy.length] ^= 1 << bit;
        expectWellFormed(await within(decodeShareState(`#s=${copy.toString('base64url')}`), 5000));
      }),
      { numRuns: 300 },
    );
  });

  it('never throw on any JSON a link may carry', async () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          scenario: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'jit-eoq-batch')),
          text: fc.option(fc.string(), { nil: undefined }),
          overrides: fc.dictionary(fc.string(), fc.jsonValue()),
          replications: fc.oneof(fc.integer(), fc.double()),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        expectWellFormed(await within(decodeShareState(`#s=${deflateRawSync(Buffer.from(JSON.stringify(v) ?? 'null')).toString('base64url')}`), 5000));
      }),
      { numRuns: 300 },
    );
  });

  it('never throw on random text after #s=', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (tail) => {
        expectWellFormed(await within(decodeShareState(`#s=${tail}`), 5000));
      }),
      { numRuns: 300 },
    );
  });
});

describe('saved sessions under fuzzing', () => {
  const store = new Map<string, string>();
  beforeAll(() => {
    (globalThis as { localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> }).localStorage = {
      getItem: (key) => store.get(key) ?? null,
      setItem: (key, value) => void store.set(key, value),
      removeItem: (key) => void store.delete(key),
    };
  });
  afterAll(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('never throw on a mutated or random saved session', () => {
    const saved = JSON.stringify(STATE);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(mutation, { minLength: 1, maxLength: 6 }).map((m) => mutate(saved, m)),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        ),
        (text) => {
          store.set('sawtooth:session', text);
          expectWellFormed(loadSession());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reopen an intact session, and give none when nothing is saved', () => {
    store.set('sawtooth:session', JSON.stringify(STATE));
    expect(loadSession()).toEqual({ kind: 'state', state: STATE });
    store.clear();
    expect(loadSession()).toEqual({ kind: 'none' });
  });

  it('give none when storage is blocked', () => {
    const blocked = globalThis.localStorage;
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadSession()).toEqual({ kind: 'none' });
    (globalThis as { localStorage?: unknown }).localStorage = blocked;
  });
});

describe('the page loader under fuzzing', () => {
  const files = new Map([['scenarios/data/demand.csv', 'time,quantity\n1,2\n']]);

  it('never throws or hangs on a mutated scenario (aliases, anchors, cut lines and repeats included)', () => {
    const yamlMutation = fc.oneof(
      mutation,
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.constantFrom(
          '&a ',
          '*a',
          ' *a',
          '[*a, *a]',
          '\n  x: &b [*b]\n',
          '{',
          '"\\u2028"',
          ': ',
          '\n- ',
          '<<: *a',
          '!!js/function ',
          '0x',
          '1e400',
          '__proto__: ',
          'constructor: ',
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(yamlMutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        const started = performance.now();
        const response = loadForPage({ id: 1, text: mutate(YAML, mutations), file: FILE, files });
        expect(['loaded', 'invalid', 'refused', 'failed']).toContain(response.kind);
        expect(performance.now() - started).toBeLessThan(5000);
      }),
      { numRuns: 200 },
    );
  });
});
