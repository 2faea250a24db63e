import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Writes an example next to the tests with its imports pointing at the sources, and runs it. */
async function runExample(index: number): Promise<string[]> {
  const dir = join(root, 'test/.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `readme-example-${index}.ts`);
  writeFileSync(file, examples[index].replaceAll("'./sim/", `'${root}/sim/`));
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await import(file);
  } finally {
    process.chdir(cwd);
    log.mockRestore();
  }
  return printed;
}

describe('the README examples', () => {
  it('has the examples this test runs', () => expect(examples.length).toBeGreaterThanOrEqual(2));

  it('the engine example prints a mean wait close to 4', async () => {
    const [printed] = await runExample(0);
    expect(Number(printed)).toBeGreaterThan(3.5);
    expect(Number(printed)).toBeLessThan(4.5);
  });

  it('the scenario example prints each strategy with its cost interval', async () => {
    const printed = await runExample(1);
    expect(printed.map((line) => line.split(' ')[0])).toEqual(['JIT', 'EOQ', 'Batch']);
    for (const line of printed) expect(line).toMatch(/^\w+ \d+ \d+–\d+$/);
  });
});
