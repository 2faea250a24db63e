import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioReference } from '../../../sim/scenario/index.js';

const referenceFile = new URL('../../../docs/scenario-reference.md', import.meta.url);
const REGENERATE = 'UPDATE_REFERENCE=1 npx vitest run test/unit/scenario/reference.test.ts';
const generated = scenarioReference();

// The committed file is regenerated on request, so the page users read and the schema agree.
if (process.env.UPDATE_REFERENCE === '1') {
  mkdirSync(new URL('.', referenceFile), { recursive: true });
  writeFileSync(referenceFile, generated);
}

type Json = Record<string, any>;
const schema = scenarioJsonSchema() as Json;

/** Every field of the JSON Schema (a property, or the value of a map), with its path, wherever it sits. */
function fields(node: unknown, path: string, found: { path: string; node: Json }[] = []): { path: string; node: Json }[] {
  if (Array.isArray(node)) node.forEach((child, i) => fields(child, `${path}[${i}]`, found));
  if (typeof node !== 'object' || node === null) return found;
  const json = node as Json;
  for (const [key, child] of Object.entries((json.properties ?? {}) as Json)) {
    found.push({ path: `${path}.${key}`, node: child });
  }
  const value = json.additionalProperties;
  if (typeof value === 'object' && value !== null && Object.keys(value).length > 0) found.push({ path: `${path}.<name>`, node: value });
  for (const [key, child] of Object.entries(json)) fields(child, `${path}/${key}`, found);
  return found;
}

const everyField = fields(schema, '');

describe('the scenario reference (docs/scenario-reference.md)', () => {
  it('is what scenarioReference() generates', () => {
    const committed = readFileSync(referenceFile, 'utf8');
    expect(committed === generated, `docs/scenario-reference.md is stale; regenerate it with: ${REGENERATE}`).toBe(true);
  });

  it('is the same every time it is generated', () => {
    expect(scenarioReference()).toBe(generated);
  });

  it('has a section per top-level block and per union, and a sub-table per policy and distribution', () => {
    for (const block of ['time', 'run', 'machines', 'items', 'demand', 'strategies']) expect(generated).toContain(`\n## \`${block}\`\n`);
    expect(generated).toContain('\n## Replenishment policies\n');
    expect(generated).toContain('\n## Distributions\n');
    for (const type of ['sQ', 'sS', 'RS', 'baseStock', 'kanban', 'batch', 'continuous', 'makeToOrder', 'none']) {
      expect(generated).toMatch(new RegExp(`\\n### \`${type}\`: `));
    }
    for (const family of ['constant', 'exponential', 'normal', 'lognormal', 'gamma', 'uniform', 'triangular', 'poisson', 'discrete', 'empirical']) {
      expect(generated).toContain(`\n### \`${family}\`\n`);
    }
  });

  it('prints bounds, defaults and enums from the schema', () => {
    expect(generated).toContain('| `run.replications` | integer | `10` | ≥ 1, ≤ 100,000 |');
    expect(generated).toContain('| `items.<item>.holdingCost` | number | `0` | ≥ 0, ≤ 1e12 |');
    expect(generated).toContain('| `items.<item>.unmet` | one of `backorder`, `lost` | `backorder` |');
    expect(generated).toContain('| `time.horizon` | number | *required* | > 0, ≤ 1e9 |');
  });

  it('has no empty cell and nothing unrendered', () => {
    expect(generated).not.toMatch(/\[object Object\]|undefined|NaN/);
    for (const line of generated.split('\n').filter((l) => l.startsWith('|'))) {
      expect(line, line).not.toMatch(/\|\s*\|/);
    }
  });
});

describe('the descriptions of the scenario schema', () => {
  it('finds the fields it checks', () => {
    expect(everyField.length).toBeGreaterThan(80);
  });

  it('describe every field, leaves and objects alike', () => {
    const missing = everyField.filter(({ node }) => typeof node.description !== 'string' || node.description.trim() === '').map(({ path }) => path);
    expect(missing, 'fields without a description (add one with .meta({ description }) in sim/scenario/schema*.ts)').toEqual([]);
  });

  it('state each default of a plain value as the schema has it', () => {
    const wrong = everyField
      .filter(({ node }) => ['number', 'string'].includes(typeof node.default))
      .filter(({ node }) => {
        const value = node.default as number | string;
        const written = typeof value === 'number' ? [String(value), value.toLocaleString('en-US')] : [value];
        return !written.some((text) => (node.description as string).includes(`default ${text}`));
      })
      .map(({ path, node }) => `${path}: default ${node.default}, described as "${node.description}"`);
    expect(wrong).toEqual([]);
  });
});
