import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The design's dependency direction: ui → sim; cli → report → experiment → scenario → model → engine/random/stats.
const root = resolve(import.meta.dirname, '../..');
const allowed: Record<string, string[]> = {
  engine: [],
  random: [],
  stats: [],
  model: ['engine', 'random', 'stats'],
  scenario: ['model', 'engine', 'random', 'stats'],
  experiment: ['scenario', 'model', 'engine', 'random', 'stats'],
  report: ['experiment', 'scenario', 'model', 'engine', 'random', 'stats'],
  cli: ['report', 'experiment', 'scenario', 'model', 'engine', 'random', 'stats'],
};
// Node-only APIs are allowed in the CLI and in the experiment's worker-thread pool alone.
const nodeAllowed = (file: string): boolean => file.startsWith('sim/cli/') || /^sim\/experiment\/.*pool/.test(file);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3]);
}

const simFiles = sourceFiles(join(root, 'sim')).map((f) => relative(root, f));
const uiFiles = sourceFiles(join(root, 'ui')).map((f) => relative(root, f));
const layerOf = (file: string): string => file.split('/')[1];

describe('the import direction of the design', () => {
  it('finds the sources it checks', () => {
    expect(simFiles.length).toBeGreaterThan(10);
    expect(simFiles.some((f) => f.startsWith('sim/engine/'))).toBe(true);
  });

  it('lets each sim layer import only the layers below it', () => {
    const violations: string[] = [];
    for (const file of simFiles) {
      const layer = layerOf(file);
      if (!(layer in allowed)) continue; // sim/index.ts, the public barrel
      for (const spec of importsOf(join(root, file))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(join(root, file)), spec));
        if (!target.startsWith('sim/')) {
          violations.push(`${file} imports ${spec} (outside sim/)`);
          continue;
        }
        const targetLayer = layerOf(target);
        if (targetLayer !== layer && !allowed[layer].includes(targetLayer)) {
          violations.push(`${file} (${layer}) imports ${target} (${targetLayer})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the DOM, the wall clock, Math.random and Node APIs out of sim/', () => {
    const violations: string[] = [];
    const banned: [RegExp, string][] = [
      [/\bMath\.random\s*\(/, 'Math.random'],
      [/\bDate\.now\s*\(|\bnew Date\s*\(|\bperformance\.now\s*\(/, 'the wall clock'],
      // A global, not a property of the same name (`strategy.document.items`).
      [/(?<![.\w])(document|window|localStorage)\./, 'the DOM'],
    ];
    for (const file of simFiles) {
      const text = readFileSync(join(root, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      if (!nodeAllowed(file)) {
        for (const [pattern, what] of banned) if (pattern.test(text)) violations.push(`${file} uses ${what}`);
        for (const spec of importsOf(join(root, file))) {
          if (spec.startsWith('node:') || ['fs', 'path', 'os', 'worker_threads', 'child_process'].includes(spec)) {
            violations.push(`${file} imports ${spec}`);
          }
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('lets ui/ reach sim/ only through its public index, and never the other way', () => {
    const violations: string[] = [];
    for (const file of uiFiles) {
      for (const spec of importsOf(join(root, file))) {
        const target = relative(root, resolve(dirname(join(root, file)), spec));
        if (spec.startsWith('.') && target.startsWith('sim/') && target !== 'sim/index.js') {
          violations.push(`${file} imports ${target}; use sim/index.js`);
        }
      }
    }
    for (const file of simFiles) {
      for (const spec of importsOf(join(root, file))) {
        if (relative(root, resolve(dirname(join(root, file)), spec)).startsWith('ui/')) violations.push(`${file} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
