import { LineCounter, YAMLError, isCollection, isNode, isScalar, parseDocument, visit, type Document } from 'yaml';
import { ScenarioError, toIssues, type Locate, type Problem } from './errors.js';
import { RESERVED_KEYS } from './json.js';
import { MSG, aliasReason, yamlReason } from './messages.js';
import type { Path, Segment } from './paths.js';

/** A parsed scenario file: its plain data and where each path sits in the text. */
export interface Parsed {
  data: unknown;
  locate: Locate;
}

// yaml's default alias limit (100) refuses a real file that uses one anchor in 100 places; 10,000
// is far above what a scenario repeats and still far below a bomb. The library counts aliases,
// not the values they copy (an alias of a 10,000-value list used 10,000 times passes it), so the
// data is also measured as the later steps will walk it: values after expansion, and depth.
const MAX_ALIAS_COUNT = 10_000;
// Values after alias expansion: a written value takes at least a couple of characters, so a file
// may hold as many values as characters (a 100,000-item plant: 1.4 million), and a bomb that
// expands a short text far beyond that, or beyond a million, is refused.
const MIN_MAX_VALUES = 1_000_000;
const MAX_DEPTH = 100;
const MAX_SHAPE_PROBLEMS = 20;

/** Step 1: YAML (JSON is YAML) into plain data; throws ScenarioError listing every syntax error. */
export function parse(text: string, file: string): Parsed {
  const lines = new LineCounter();
  // yaml's own duplicate-key check compares every key with every other of its map (quadratic:
  // a minute for 40,000 items); ours below uses a set.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const locate: Locate = (path) => lineOf(doc, lines, path);
  const fail = (problems: Problem[]): never => {
    throw new ScenarioError(toIssues(problems, file, locate));
  };
  if (doc.errors.length > 0) fail(syntaxProblems(doc, lines, file));
  const keys = collectionKeyProblems(doc, lines, file);
  if (keys.length > 0) fail(keys);
  const data = toData(doc, fail);
  const shape = shapeProblems(data, Math.max(MIN_MAX_VALUES, text.length));
  if (shape.length > 0) fail(shape);
  return { data, locate };
}

function syntaxProblems(doc: Document, lines: LineCounter, file: string): Problem[] {
  return doc.errors.map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return { path: [], text: MSG.yamlSyntax(yamlReason(error.code, error.message)), at: { file, line, column: col } };
  });
}

// yaml turns a list or map used as a key into a string and warns on the process's stderr, past
// our messages: refuse it in the file's words instead. Duplicate keys are found here too.
function collectionKeyProblems(doc: Document, lines: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (node: { range?: [number, number, number] | null }): Problem['at'] => {
    const { line, col } = lines.linePos(node.range?.[0] ?? 0);
    return { file, line, column: col };
  };
  visit(doc, {
    Pair: (_, pair) => {
      if (isCollection(pair.key)) problems.push({ path: [], text: MSG.collectionKey(), at: at(pair.key) });
    },
    Map: (_, map) => {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) problems.push({ path: [], text: MSG.yamlSyntax(MSG.duplicateKey()), at: at(pair.key) });
        seen.add(pair.key.value);
      }
    },
  });
  return problems;
}

// Alias errors surface only while yaml builds the data (an unknown anchor, too many aliases):
// they are the file's problems, not ours.
function toData(doc: Document, fail: (problems: Problem[]) => never): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof YAMLError) {
      return fail([{ path: [], text: MSG.yamlAliases(aliasReason(error.message, MAX_ALIAS_COUNT)) }]);
    }
    throw error;
  }
}

// One walk over the data as the later steps see it (aliases expanded): reserved keys, a value
// that contains itself (`&a [*a]`, which every later step would follow for ever), nesting and
// size. The path is one array pushed and popped, copied only into a problem.
/** Problems of plain data as parse checks it: reserved keys, a value inside itself, depth, size. */
export function shapeProblems(data: unknown, maxValues = MIN_MAX_VALUES): Problem[] {
  const problems: Problem[] = [];
  const ancestors = new Set<object>();
  const path: Segment[] = [];
  let values = 0;
  const report = (text: string, at: Path = path): void => void problems.push({ path: [...at], text });
  const walk = (value: unknown): void => {
    if (problems.length >= MAX_SHAPE_PROBLEMS) return;
    if (++values > maxValues) return report(MSG.tooManyValues(maxValues), []);
    if (value === null || typeof value !== 'object') return;
    if (ancestors.has(value)) return report(MSG.selfContaining());
    if (path.length >= MAX_DEPTH) return report(MSG.tooDeep(MAX_DEPTH));
    ancestors.add(value);
    for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      path.push(key);
      if (typeof key === 'string' && RESERVED_KEYS.has(key)) report(MSG.reservedKey(key));
      else walk(child);
      path.pop();
      if (values > maxValues) return;
    }
    ancestors.delete(value);
  };
  walk(data);
  return problems;
}

// The line of the node at the deepest prefix of `path` that exists in the file, so a problem
// in a value the file does not hold (a default, an override) still points somewhere near.
function lineOf(doc: Document, lines: LineCounter, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * A --set value as YAML: "12" → 12, "eoq" → 'eoq', "{exponential: {mean: 2}}" → an object; '' stays ''.
 * `label` names the value in messages (`--set items.a.buy`).
 */
export function parseValue(text: string, label = '--set'): unknown {
  if (text.trim() === '') return '';
  return parse(text, label).data;
}
