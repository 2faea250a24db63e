import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { ScenarioError, toIssues, type Locate, type Problem } from './errors.js';
import { MSG, yamlReason } from './messages.js';
import type { Path } from './paths.js';

/** A parsed scenario file: its plain data and where each path sits in the text. */
export interface Parsed {
  data: unknown;
  locate: Locate;
}

/** Step 1: YAML (JSON is YAML) into plain data; throws ScenarioError listing every syntax error. */
export function parse(text: string, file: string): Parsed {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const locate: Locate = (path) => lineOf(doc, lines, path);
  if (doc.errors.length > 0) {
    const problems: Problem[] = doc.errors.map((error) => {
      const { line, col } = lines.linePos(error.pos[0]);
      return { path: [], text: MSG.yamlSyntax(yamlReason(error.code, error.message)), at: { file, line, column: col } };
    });
    throw new ScenarioError(toIssues(problems, file, locate));
  }
  return { data: doc.toJS(), locate };
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

/** A --set value as YAML: "12" → 12, "eoq" → 'eoq', "{exponential: {mean: 2}}" → an object; '' stays ''. */
export function parseValue(text: string): unknown {
  if (text.trim() === '') return '';
  return parse(text, '--set').data;
}
