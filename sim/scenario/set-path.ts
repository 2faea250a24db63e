import { ScenarioError, toIssues, type Problem } from './errors.js';
import { RESERVED_KEYS } from './json.js';
import { MSG } from './messages.js';
import { parsePath, type Path, type Segment } from './paths.js';

/** A copy of `doc` with `value` at `path` (`items.widget.policy.quantity`, `demand[0].every`); throws ScenarioError. */
export function setPath(doc: object, path: string, value: unknown): object {
  const result = trySetPath(doc, path, value);
  if ('problem' in result) throw new ScenarioError(toIssues([result.problem], '--set', () => undefined));
  return result.doc;
}

/** setPath without throwing: the new document, or the problem with the path. */
export function trySetPath(doc: object, path: string, value: unknown): { doc: object } | { problem: Problem } {
  const segments = parsePath(path);
  if (segments === null) return { problem: { path: [], text: MSG.badPath(path) } };
  const reserved = segments.findIndex((segment) => typeof segment === 'string' && RESERVED_KEYS.has(segment));
  if (reserved >= 0) return { problem: { path: segments.slice(0, reserved + 1), text: MSG.reservedKey(String(segments[reserved])) } };
  try {
    return { doc: assign(doc, segments, 0, value) as object };
  } catch (error) {
    if (error instanceof BadIndex) return { problem: error.problem };
    throw error;
  }
}

class BadIndex extends Error {
  constructor(readonly problem: Problem) {
    super(problem.text);
  }
}

// Copies each container along the path, so the caller's document is never changed. A missing
// or non-object step becomes a new object (a list when the next step is an index): `--set
// items.x.buy.leadTime.exponential.mean=2` over `leadTime: 5` means the new distribution.
function assign(target: unknown, path: Path, depth: number, value: unknown): unknown {
  if (depth === path.length) return value;
  const segment = path[depth];
  const index = indexOf(segment);
  if (Array.isArray(target) && index !== null) {
    if (index > target.length) throw new BadIndex({ path: path.slice(0, depth + 1), text: MSG.badIndex(target.length, segment) });
    const copy = target.slice();
    copy[index] = assign(copy[index], path, depth + 1, value);
    return copy;
  }
  const isObject = target !== null && typeof target === 'object' && !Array.isArray(target);
  if (typeof segment === 'number' && !isObject) return assign([], path, depth, value);
  const base = (isObject ? target : {}) as Record<string, unknown>;
  const key = String(segment);
  return { ...base, [key]: assign(base[key], path, depth + 1, value) };
}

function indexOf(segment: Segment): number | null {
  if (typeof segment === 'number') return segment;
  return /^\d+$/.test(segment) ? Number(segment) : null;
}
