// The page's Vega (ui/shims/vega-slim.js) is vega's own module less some transforms: the same
// names exported, the same version, and the transforms it registers a subset of vega's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as slim from '../../../ui/shims/vega-slim.js';
import { PAGE_TRANSFORMS } from './vega-compile.js';

const VEGA = 'node_modules/vega/build/vega.module.js';

/** The names a module's text exports: `export * from 'pkg'` as the package's names, `export { a as b }` as b. */
async function exportedNames(text: string): Promise<string[]> {
  const names: string[] = [];
  for (const [, list] of text.matchAll(/export\s*{([^}]*)}/g)) {
    for (const part of list.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()!;
      if (name !== '') names.push(name);
    }
  }
  for (const [, pkg] of text.matchAll(/export \* from '([^']+)'/g)) names.push(...Object.keys((await import(pkg)) as object));
  return [...new Set(names)].sort();
}

describe("the page's Vega", () => {
  it('exports what vega exports, at vega’s version', async () => {
    const vega = readFileSync(VEGA, 'utf8');
    expect(Object.keys(slim).sort()).toEqual(await exportedNames(vega));
    expect(slim.version).toBe((JSON.parse(readFileSync('node_modules/vega/package.json', 'utf8')) as { version: string }).version);
  });

  it('registers the transforms of vega-transforms, vega-view-transforms and vega-encode, which the chart tests check against', () => {
    const shim = readFileSync('ui/shims/vega-slim.js', 'utf8');
    expect(shim).toMatch(/^extend\(transforms, tx, vtx, encode\);$/m);
    expect(shim).toContain("import * as tx from 'vega-transforms';");
    expect(shim).toContain("import * as vtx from 'vega-view-transforms';");
    expect(shim).toContain("import * as encode from 'vega-encode';");
    for (const type of ['aggregate', 'filter', 'stack', 'formula', 'collect', 'extent', 'identifier', 'bin', 'impute', 'window', 'lookup', 'encode', 'scale']) {
      expect(PAGE_TRANSFORMS.has(type), type).toBe(true);
    }
    expect(PAGE_TRANSFORMS.has('force')).toBe(false);
  });

  it('draws no maps: the d3-geo stand-in has every name the page’s Vega imports from d3-geo, and each says so when called', async () => {
    const imported = new Set<string>();
    for (const file of ['node_modules/vega-functions/build/vega-functions.js', 'node_modules/vega-scenegraph/build/vega-scenegraph.js']) {
      for (const [, list] of readFileSync(file, 'utf8').matchAll(/import\s*{([^}]*)}\s*from\s*'d3-geo'/g)) {
        for (const part of list.split(',')) imported.add(part.trim().split(/\s+as\s+/)[0]);
      }
    }
    expect([...imported].sort()).toEqual(['geoArea', 'geoBounds', 'geoCentroid']);
    const stub = (await import('../../../ui/shims/d3-geo-none.js')) as Record<string, () => unknown>;
    expect(Object.keys(stub).sort()).toEqual([...imported].sort());
    for (const name of imported) expect(() => stub[name](), name).toThrow(/draws no maps/);
    expect(() => (slim.projection as (type: string) => unknown)('mercator')).toThrow(/draws no maps/);
  });
});
