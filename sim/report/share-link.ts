// The share link: a scenario and its settings, deflated into the URL hash. The page makes and opens these; `sawtooth link` makes the same.
import { MAX_AMOUNT, MAX_PLAY_TURNS } from '../model/index.js';
import { USER_FILE_LIMITS, filesProblem, sizeText, type UserFile } from './user-files.js';

/** What a shared link reopens: the scenario (bundled id, and its text when edited) and the settings. */
export interface ShareState {
  scenario: string;
  /** The YAML as the user edited it; absent when it is the bundled text. */
  text?: string;
  overrides: Record<string, number | string | boolean>;
  replications: number;
  /** CSV files the user gave the page that the scenario names (a link only, when they are small enough: see shareWithFiles). */
  files?: UserFile[];
  /** A challenge submission: the fingerprint of the challenge file it was made for (challengeFingerprint). */
  fingerprint?: string;
  /** A game of the scenario's play block: the orders given so far, one a turn (sim/experiment/play.ts). */
  play?: number[];
}

/**
 * What the page accepts from a link before it looks inside: the hash's length (base64url
 * characters after `#s=`) and what it may inflate to. A link of 1.2 MB that inflates to 900 MB is
 * refused after 2 MB, not after 900.
 */
export const LINK_LIMITS = { hashChars: 256 * 1024, inflatedBytes: 2 * 1024 * 1024 } as const;

/** Limits of the state itself (a link's or a saved session's), whatever its size on the wire. */
export const STATE_LIMITS = { scenarioChars: 200, textChars: 1024 * 1024, overrides: 500, pathChars: 300, valueChars: 1000, replications: 100 } as const;

/** A link's hash read: nothing to open, a state, or a refusal saying why in plain words. */
export type DecodedLink = { kind: 'none' } | { kind: 'state'; state: ShareState } | { kind: 'refused'; reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  // Written through a writer, not a Blob: the same code runs in the page and in Node (CompressionStream and Response are globals of both).
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>);
  void writer.close();
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}

// Deflate expands at most ~1032:1, so a slice of 1 kB never inflates to more than about 1 MB at once.
const SLICE = 1024;

/**
 * Inflates deflate-raw `bytes`, stopping as soon as the output passes `limit` bytes: the input goes
 * in small slices and the output is counted as it comes, so a bomb never inflates whole.
 * Returns null when the output would be larger than `limit`; throws on data that does not inflate.
 */
export async function inflateAtMost(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let tooLarge = false;
  const writing = (async () => {
    for (let i = 0; i < bytes.length && !tooLarge; i += SLICE) await writer.write(bytes.subarray(i, i + SLICE) as Uint8Array<ArrayBuffer>);
    if (!tooLarge) await writer.close();
  })();
  // A write refused because reading stopped (too large, or bad data) is not a second error.
  writing.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      tooLarge = true;
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The state as a URL hash: `#s=` + base64url of deflated JSON (scenario text included, so links are self-contained). */
export async function encodeShareState(state: ShareState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return `#s=${toBase64Url(await deflate(json))}`;
}

function kB(n: number): string {
  return n >= 1024 * 1024 ? `${Number((n / 1024 / 1024).toFixed(1))} MB` : `${Math.ceil(n / 1024)} kB`;
}

/**
 * Reads a state from a URL hash. The hash is untrusted: a hash that is not a Sawtooth link gives
 * `none`; a Sawtooth link that is too long, does not unpack, unpacks too far or is not exactly the
 * expected shape gives `refused` with the reason. The scenario text is checked later by the loader.
 * Never throws.
 */
export async function decodeShareState(hash: string): Promise<DecodedLink> {
  if (!hash.startsWith('#s=')) return { kind: 'none' };
  const body = hash.slice(3);
  const refused = (reason: string): DecodedLink => ({ kind: 'refused', reason });
  if (body.length > LINK_LIMITS.hashChars) return refused(`it is ${kB(body.length)} long, and the page opens links of up to ${kB(LINK_LIMITS.hashChars)}`);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) return refused('it is damaged (characters a Sawtooth link never has after #s=)');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(body);
  } catch {
    return refused('it is damaged (cut short or altered)');
  }
  let inflated: Uint8Array | null;
  try {
    inflated = await inflateAtMost(bytes, LINK_LIMITS.inflatedBytes);
  } catch {
    return refused('it is damaged (cut short or altered): its content does not unpack');
  }
  if (inflated === null) return refused(`it unpacks to more than ${kB(LINK_LIMITS.inflatedBytes)}, more than any scenario the page can run`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return refused('it is damaged: its content is not readable');
  }
  const problem = shapeProblem(value);
  return problem === null ? { kind: 'state', state: checkShape(value)! } : refused(problem);
}

/** Why `value` is not a ShareState (in words for a notice), or null when it is one. */
export function shapeProblem(value: unknown): string | null {
  const L = STATE_LIMITS;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'its content is not a Sawtooth scenario and settings';
  const v = value as Record<string, unknown>;
  if (typeof v.scenario !== 'string' || v.scenario.length > L.scenarioChars) return 'it names no scenario';
  if (v.text !== undefined && typeof v.text !== 'string') return 'its scenario text is not text';
  if (typeof v.text === 'string' && v.text.length > L.textChars)
    return `its scenario is ${kB(v.text.length)} of text, and the page opens up to ${kB(L.textChars)}`;
  if (v.files !== undefined) {
    const problem = filesProblem(v.files);
    if (problem !== null) return problem;
  }
  if (!Number.isInteger(v.replications) || (v.replications as number) < 1) return 'its number of replications is not a whole number of at least 1';
  if (v.fingerprint !== undefined && (typeof v.fingerprint !== 'string' || !/^[0-9a-f]{32}$/.test(v.fingerprint)))
    return 'its challenge fingerprint is damaged';
  if (v.play !== undefined) {
    const problem = playProblem(v.play);
    if (problem !== null) return problem;
  }
  if (v.overrides === null || typeof v.overrides !== 'object' || Array.isArray(v.overrides)) return 'its settings are not a list of values';
  const entries = Object.entries(v.overrides as Record<string, unknown>);
  if (entries.length > L.overrides) return `it has ${entries.length} settings, and the page takes up to ${L.overrides}`;
  for (const [path, x] of entries) {
    if (path.length > L.pathChars) return 'one of its settings has a path too long to be a scenario path';
    if (typeof x === 'string' ? x.length > L.valueChars : typeof x === 'number' ? !Number.isFinite(x) : typeof x !== 'boolean') {
      return `its setting ${path.slice(0, 60)} is not a number, a short text or true/false`;
    }
  }
  return null;
}

/**
 * `value` as a ShareState when it has exactly that shape, else null (for untrusted input).
 * Replications above the slider's reach are brought down to it; the overrides are own data
 * properties whatever their names (`__proto__` included).
 */
export function checkShape(value: unknown): ShareState | null {
  if (shapeProblem(value) !== null) return null;
  const v = value as {
    scenario: string;
    text?: string;
    overrides: Record<string, number | string | boolean>;
    replications: number;
    files?: UserFile[];
    fingerprint?: string;
    play?: number[];
  };
  const overrides = Object.fromEntries(Object.entries(v.overrides)) as ShareState['overrides'];
  return {
    scenario: v.scenario,
    ...(v.text === undefined ? {} : { text: v.text }),
    overrides,
    replications: Math.min(v.replications, STATE_LIMITS.replications),
    ...(v.files === undefined ? {} : { files: v.files.map(({ name, text }) => ({ name, text })) }),
    ...(v.fingerprint === undefined ? {} : { fingerprint: v.fingerprint }),
    ...(v.play === undefined ? {} : { play: [...v.play] }),
  };
}

/** Why a game's orders are not ones the page can replay, or null: at most a game's turns, each a number of units from 0 to MAX_AMOUNT. */
function playProblem(play: unknown): string | null {
  if (!Array.isArray(play)) return 'its game is not a list of orders';
  if (play.length > MAX_PLAY_TURNS) return `its game has ${play.length} orders, and a game has at most ${MAX_PLAY_TURNS} turns`;
  if (!play.every((q) => typeof q === 'number' && q >= 0 && q <= MAX_AMOUNT)) return 'its game has an order that is not a number of units of 0 or more';
  return null;
}

/**
 * The link of `state` carrying as many of `files` as fit in USER_FILE_LIMITS.linkChars of hash, the
 * smallest first; `left` are the files it does not carry, each with what the link would have been
 * with it, for the message that says the recipient must give them again.
 */
export async function shareWithFiles(state: ShareState, files: readonly UserFile[]): Promise<{ hash: string; left: { name: string; linkChars: number }[] }> {
  let hash = await encodeShareState(state);
  const carried: UserFile[] = [];
  const left: { name: string; linkChars: number }[] = [];
  for (const file of [...files].sort((a, b) => a.text.length - b.text.length)) {
    const next = { ...state, files: [...carried, file] };
    const withIt = await encodeShareState(next);
    // Within what a link may unpack to as well, or the page would refuse its own link.
    const unpacked = new TextEncoder().encode(JSON.stringify(next)).length;
    if (withIt.length - 3 <= USER_FILE_LIMITS.linkChars && unpacked <= LINK_LIMITS.inflatedBytes) {
      carried.push(file);
      hash = withIt;
    } else left.push({ name: file.name, linkChars: withIt.length - 3 });
  }
  return { hash, left };
}

/** What the share box says of the files a link does not carry: they are too large, and the recipient must give them again. */
export function leftOutMessage(left: readonly { name: string; linkChars: number }[]): string | null {
  if (left.length === 0) return null;
  const names = left.map((f) => f.name).join(', ');
  const one = left.length === 1;
  return (
    `This link does not carry ${names}: with ${one ? 'it' : 'them'} the link would be over ${sizeText(USER_FILE_LIMITS.linkChars)} ` +
    `(links carry files up to ${sizeText(USER_FILE_LIMITS.linkChars)} compressed). Whoever opens the link must choose or drop ${one ? 'that file' : 'those files'} on the page too.`
  );
}
