import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as fit from '../../../../sim/stats/fit/index.js';

const dir = new URL('../../../../sim/stats/fit/', import.meta.url);

describe('sim/stats/fit', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(fit).sort()).toEqual(['ALPHA', 'FAMILIES', 'MIN_VALUES', 'SMALL_SAMPLE', 'fitDistributions', 'fitWithCharts']);
  });

  it('is a leaf library: its own files and the statistics libraries; no wall clock, Math.random, DOM or Node APIs', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const src = readFileSync(new URL(file, dir), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const spec of [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]))
        expect(spec, file).toMatch(/^(\.\/[\w-]+\.js|@stdlib\/[\w-]+|simple-statistics)$/);
      expect(src, file).not.toMatch(/Math\.random|\bDate\b|performance\.now|\bwindow\.|\bdocument\.|\bprocess\.|node:|require\(/);
    }
  });
});
