import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, loadScenario } from '../../sim/scenario/index.js';

// Hostile input, found by chance: the bundled scenarios, mutated line by line with the tokens
// that broke loading before (huge and odd numbers, reserved keys, YAML anchors and aliases,
// control characters, very long texts). Loading must give a scenario or a ScenarioError,
// never another error, and promptly.

const root = resolve(import.meta.dirname, '../..');
const bundled = readdirSync(join(root, 'scenarios')).filter((name) => name.endsWith('.yaml'));
const texts = bundled.map((name) => readFileSync(join(root, 'scenarios', name), 'utf8'));
const csv = readFileSync(join(root, 'scenarios', 'data', 'demand.csv'), 'utf8');

// Anchors, aliases and reserved keys are drawn more often: they need the right place to bite.
const HOSTILE = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '*a',
  '&a',
  '&a x',
  '&a {}',
  '*nope',
  '<<: *a',
  '[*a, *a, *a]',
  '&a [*a]',
];
const ODD = [
  '1e308',
  '-1e308',
  '-1',
  '0',
  '-0',
  '1e-320',
  '.nan',
  '.inf',
  '-.inf',
  '9007199254740993',
  '0x10',
  '1_000',
  '!!binary aGk=',
  '!!js/function "x"',
  '!custom 1',
  '"\u001b[2J\u001b]0;x\u0007"',
  '"\u0000"',
  '"a\\nb"',
  '"\u009b31m"',
  '"|"',
  '"a.b[0]"',
  'é€𝄞',
  'x'.repeat(20_000),
  `[${Array(2000).fill(1).join(', ')}]`,
  '[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]',
  '{}',
  '[]',
  '~',
  'null',
  'true',
  '',
  '"',
  "'",
  '{',
  '[',
  '- ',
  '? ',
  '---',
  '...',
  '%YAML 1.1',
  '\t',
  '#',
  'data/demand.csv',
  '/etc/passwd',
  '../../x.csv',
  'constructor.csv',
];

type Mutation =
  | { kind: 'delete' | 'duplicate'; line: number }
  | { kind: 'value' | 'key' | 'insert' | 'append'; line: number; token: string }
  | { kind: 'swap'; line: number; other: number };

const token = fc.oneof({ arbitrary: fc.constantFrom(...HOSTILE), weight: 2 }, { arbitrary: fc.constantFrom(...ODD), weight: 3 });
const line = fc.nat({ max: 200 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), line }),
  fc.record({ kind: fc.constantFrom('value' as const, 'key' as const, 'insert' as const, 'append' as const), line, token }),
  fc.record({ kind: fc.constant('swap' as const), line, other: line }),
);

// Keeps the line's indentation, so a mutation stays inside the structure it hit.
function mutate(text: string, mutations: Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const i = m.line % lines.length;
    const at = lines[i];
    const indent = /^\s*(- )?/.exec(at)?.[0] ?? '';
    const colon = at.indexOf(': ');
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, at);
        break;
      case 'value':
        lines[i] = colon >= 0 ? `${at.slice(0, colon + 2)}${m.token}` : `${indent}${m.token}`;
        break;
      case 'key':
        lines[i] = colon >= 0 ? `${indent}${m.token}${at.slice(colon)}` : `${indent}${m.token}: 1`;
        break;
      case 'insert':
        lines.splice(i, 0, `${indent}${m.token}`);
        break;
      case 'append':
        lines[i] = `${at} ${m.token}`;
        break;
      case 'swap':
        [lines[i], lines[m.other % lines.length]] = [lines[m.other % lines.length], at];
        break;
    }
    if (lines.length === 0) lines.push('');
  }
  return lines.join('\n');
}

const FIRST = bundled.indexOf('jit-eoq-batch.yaml');
const NAME_LINE = texts[FIRST].split('\n').findIndex((l) => l.startsWith('name:'));
const EXAMPLES: Mutation[][] = [
  [{ kind: 'value', line: NAME_LINE, token: '*nope' }],
  [{ kind: 'value', line: NAME_LINE, token: '&a [*a]' }],
  [{ kind: 'key', line: NAME_LINE, token: '__proto__' }],
];

/** A trace reader as hostile as the scenarios: the real CSV, a mutated one, or an error. */
const reader = fc.oneof(
  fc.constant((_path: string): string => csv),
  fc.array(mutation, { maxLength: 4 }).map(
    (ms) =>
      (_path: string): string =>
        mutate(csv, ms),
  ),
  fc.constant((path: string): string => {
    throw new Error(`ENOENT: no such file, open '${path}'`);
  }),
);

describe('loading a mutated scenario', () => {
  it('gives a scenario or a ScenarioError, never another error, each within 2 s', () => {
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), reader, (which, mutations, readFile) => {
        const text = mutate(texts[which], mutations);
        const start = performance.now();
        try {
          loadScenario(text, { file: join('scenarios', bundled[which]), readFile });
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          expect(error.issues.length).toBeGreaterThan(0);
        }
        expect(performance.now() - start).toBeLessThan(2000);
      }),
      // Known breakers first (the bundled jit-eoq-batch.yaml, its name line), then chance.
      { numRuns: 400, examples: EXAMPLES.map((mutations): [number, Mutation[], (path: string) => string] => [FIRST, mutations, () => csv]) },
    );
  }, 60_000);
});
