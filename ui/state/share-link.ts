/** What a shared link reopens: the scenario (bundled id, and its text when edited) and the settings. */
export interface ShareState {
  scenario: string;
  /** The YAML as the user edited it; absent when it is the bundled text. */
  text?: string;
  overrides: Record<string, number | string | boolean>;
  replications: number;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** The state as a URL hash: `#s=` + base64url of deflated JSON (scenario text included, so links are self-contained). */
export async function encodeShareState(state: ShareState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return `#s=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/**
 * Reads a state from a URL hash. The hash is untrusted: anything that is not exactly the expected
 * shape gives null (the page then opens its default); the text itself is validated later by the schema.
 */
export async function decodeShareState(hash: string): Promise<ShareState | null> {
  const match = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!match) return null;
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(match[1]), new DecompressionStream('deflate-raw')));
    return checkShape(JSON.parse(json));
  } catch {
    return null;
  }
}

/** `value` as a ShareState when it has exactly that shape, else null (for untrusted input). */
export function checkShape(value: unknown): ShareState | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.scenario !== 'string' || v.scenario.length > 200) return null;
  if (v.text !== undefined && (typeof v.text !== 'string' || v.text.length > 1_000_000)) return null;
  if (!Number.isInteger(v.replications) || (v.replications as number) < 1 || (v.replications as number) > 1000) return null;
  if (v.overrides === null || typeof v.overrides !== 'object' || Array.isArray(v.overrides)) return null;
  const overrides: ShareState['overrides'] = {};
  for (const [path, x] of Object.entries(v.overrides as Record<string, unknown>)) {
    if (!['number', 'string', 'boolean'].includes(typeof x) || path.length > 300) return null;
    overrides[path] = x as number | string | boolean;
  }
  return { scenario: v.scenario, text: v.text as string | undefined, overrides, replications: v.replications as number };
}
