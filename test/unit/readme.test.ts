import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

it('the README library example runs and prints a mean wait close to 4', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(example).toBeDefined();
  const dir = join(root, 'test/.tmp');
  mkdirSync(dir, { recursive: true });
  const source = example!
    .replaceAll("'./sim/", `'${root}/sim/`)
    .replace(/console\.log\((\w+)\.mean\);.*$/m, 'export const printed = $1.mean;');
  const file = join(dir, 'readme-example.ts');
  writeFileSync(file, source);
  const { printed } = (await import(file)) as { printed: number };
  expect(printed).toBeGreaterThan(3.5);
  expect(printed).toBeLessThan(4.5);
});
