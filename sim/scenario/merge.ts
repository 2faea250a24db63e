// Strategy patches: JSON Merge Patch (RFC 7386), except that a policy or a distribution in a
// patch replaces the base one whole (merging {exponential} into {uniform} would make nonsense).
import { isObject, own, record, type Json } from './json.js';
import type { Path } from './paths.js';

/** Keys whose value is a distribution, anywhere in a scenario. */
export const DISTRIBUTION_KEYS: ReadonlySet<string> = new Set(['interarrival', 'quantity', 'leadTime', 'processTime', 'setupTime', 'upTime', 'repairTime']);

/** The document strategy `name` runs: the base without `strategies`, with that strategy's patch merged in. */
export function applyStrategy(doc: object, name: string): object {
  const { strategies, ...base } = doc as Json;
  const patch = isObject(strategies) ? own(strategies, name) : undefined;
  return mergePatch(base, patch ?? {});
}

/** RFC 7386 merge of `patch` onto `target` (both left unchanged), with whole replacement of policies and distributions. */
export function mergePatch(target: unknown, patch: unknown, path: Path = []): object {
  return merge(target, patch, path) as object;
}

// The result has no prototype: a `__proto__` key that reaches here (parse refuses it in files,
// but mergePatch is public) stays a plain key instead of becoming every object's prototype.
function merge(target: unknown, patch: unknown, path: Path): unknown {
  if (!isObject(patch)) return patch;
  const result: Json = Object.assign(record(), isObject(target) && !replacesWhole(path) ? target : {});
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = merge(result[key], value, [...path, key]);
  }
  return result;
}

// `items.*.policy` and every distribution key. (`demand` is a list: RFC 7386 replaces it whole anyway.)
function replacesWhole(path: Path): boolean {
  const last = path.at(-1);
  if (path.length === 3 && path[0] === 'items' && last === 'policy') return true;
  return typeof last === 'string' && DISTRIBUTION_KEYS.has(last);
}
