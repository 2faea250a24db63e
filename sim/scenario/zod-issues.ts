// zod's issues into our one-line problems: users never see zod's wording.
import type { z } from 'zod';
import { SOMETHING_VALID, atLeastWhat, atMostWhat, expected, isExpectation, oneOfWhat, typeWhat, unknownKey } from './messages.js';
import type { Problem } from './errors.js';
import { getPath, type Segment } from './paths.js';

type Issue = z.core.$ZodIssue;

/** One problem per zod issue (one per key for unknown keys), reading the bad value from `doc`. */
export function problemsFromZod(issues: readonly Issue[], doc: unknown): Problem[] {
  return issues.flatMap((issue) => fromIssue(issue, doc));
}

function fromIssue(issue: Issue, doc: unknown): Problem[] {
  const path = issue.path.map((s): Segment => (typeof s === 'number' ? s : String(s)));
  switch (issue.code) {
    case 'unrecognized_keys': {
      // strict() in schema-helpers.ts writes the message with the known keys.
      const text = issue.message.startsWith('unknown key') ? issue.message : unknownKey([]);
      return issue.keys.map((key) => ({ path: [...path, key], text }));
    }
    case 'custom':
      return [{ path, text: issue.message }];
    case 'invalid_key':
      return [{ path, text: expected(issue.issues[0] ? whatOf(issue.issues[0]) : SOMETHING_VALID, path.at(-1)) }];
    default:
      return [{ path, text: expected(whatOf(issue), getPath(doc, path)) }];
  }
}

/** What the schema expected, from an EXPECT text on the issue or from its code. */
function whatOf(issue: Issue): string {
  if (isExpectation(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return typeWhat(issue.expected);
    case 'too_small':
      return atLeastWhat(issue.origin, issue.minimum, issue.inclusive ?? true);
    case 'too_big':
      return atMostWhat(issue.origin, issue.maximum, issue.inclusive ?? true);
    case 'invalid_value':
      return oneOfWhat(issue.values);
    case 'invalid_union':
      return issue.discriminator !== undefined && 'options' in issue && issue.options ? oneOfWhat(issue.options) : SOMETHING_VALID;
    default:
      return SOMETHING_VALID;
  }
}
