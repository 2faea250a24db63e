import type { Problem } from './errors.js';
import { referenceProblems } from './references.js';
import { scenarioSchema, type ScenarioDoc } from './schema.js';
import { problemsFromZod } from './zod-issues.js';

/** A checked document: the validated one (schema defaults filled) when there were no problems. */
export interface Checked {
  doc: ScenarioDoc | null;
  problems: Problem[];
}

/** Step 2: the schema, then references across the document; every problem found, not the first. */
export function validate(data: unknown): Checked {
  const result = scenarioSchema.safeParse(data);
  const problems = [...(result.success ? [] : problemsFromZod(result.error.issues, data)), ...referenceProblems(data)];
  return { doc: result.success && problems.length === 0 ? result.data : null, problems };
}
