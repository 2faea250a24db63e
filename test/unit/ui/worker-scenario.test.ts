// The page's replication workers are handed the scenario the page loaded, as structured cloning
// copies it (postMessage), and never load a text themselves: a copy gives every replication the
// results the loaded scenario gives, for every bundled scenario and each of its strategies.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, planReplications, runTask } from '../../../sim/index.js';

const SCENARIOS = resolve(import.meta.dirname, '../../../scenarios');
const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

describe('a loaded scenario handed to a replication worker', () => {
  for (const name of files) {
    it(`runs ${name} the same as the scenario it was copied from`, () => {
      const file = join(SCENARIOS, name);
      const scenario = loadScenario(readFileSync(file, 'utf8'), { file, readFile: (path) => readFileSync(path, 'utf8') });
      const copy = structuredClone(scenario);
      // The first replication of each strategy, with the series and level samples the page asks for.
      const tasks = planReplications(scenario, { replications: 1, series: { maxPoints: 300 }, levelSamples: 100 });
      for (const task of tasks) expect(runTask(copy, task), `${name}: ${task.strategy}`).toEqual(runTask(scenario, task));
    });
  }
});
