import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as stats from '../../../sim/stats/index.js';

const dir = new URL('../../../sim/stats/', import.meta.url);

describe('sim/stats', () => {
  it('the stats index exports exactly the public API', () => {
    expect(Object.keys(stats).sort()).toEqual([
      'BucketVariance',
      'MomentBank',
      'StepSeriesRecorder',
      'Tally',
      'TimeWeighted',
      'WaitSample',
      'dominantPeriod',
      'downsampleStep',
      'halfWidth95',
      'intervalOf',
      'mser',
      'mser5',
      'pairedDifference',
      'ratioLinearization',
      'replicationsFor',
      'summarize',
      'tQuantile',
      'thirdMeans',
    ]);
  });

  it('stats is a leaf library with no wall clock, Math.random, DOM or Node APIs', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      // Comments may say "window." or "Date"; only code counts.
      const src = readFileSync(new URL(file, dir), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) {
        expect(spec, file).toMatch(/^(\.\/[\w-]+\.js|@stdlib\/stats-base-dists-t-quantile)$/);
      }
      expect(src, file).not.toMatch(/Math\.random|\bDate\b|performance\.now|\bwindow\.|\bdocument\.|\bprocess\.|node:|require\(/);
    }
  });
});
