import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../../sim/scenario/index.js';

// The challenge block: what the loader checks of it, and what the scenario carries.
const base = readFileSync('test/fixtures/small-plant.yaml', 'utf8');
const challenge = (block: string, extra = ''): string => `${base}${extra}challenge:\n${block}`;
const good = `  title: Cheap kanban
  goal: Total cost below 900 with a fill rate of 95%.
  strategy: Kanban
  levers: [strategies.Kanban.items.widget.policy.cards]
  objective: { kpi: totalCost, below: 900 }
  constraints: [{ kpi: widget.fillRate, atLeast: 0.95 }]
`;

function problems(text: string): string[] {
  try {
    loadScenario(text, { file: 'c.yaml' });
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.issues.map((i) => i.message);
  }
}

describe('a challenge in a scenario file', () => {
  it('is carried by the scenario, defaults filled', () => {
    const scenario = loadScenario(challenge(good), { file: 'c.yaml' });
    expect(scenario.challenge).toEqual({
      title: 'Cheap kanban',
      goal: 'Total cost below 900 with a fill rate of 95%.',
      strategy: 'Kanban',
      levers: ['strategies.Kanban.items.widget.policy.cards'],
      objective: { kpi: 'totalCost', below: 900 },
      constraints: [{ kpi: 'widget.fillRate', atLeast: 0.95 }],
      hints: [],
    });
    expect(loadScenario(base, { file: 'c.yaml' }).challenge).toBeNull();
  });

  it('must name one of the strategies, levers the file sets to numbers, and KPIs the results report', () => {
    const bad = good
      .replace('strategy: Kanban', 'strategy: Mine')
      .replace('levers: [strategies.Kanban.items.widget.policy.cards]', 'levers: [strategies.Kanban.items.widget.policy.type, items.nope.initial]')
      .replace('kpi: widget.fillRate', 'kpi: widget.happiness');
    expect(problems(challenge(bad))).toEqual([
      expect.stringMatching(/challenge\.strategy: the challenge's strategy "Mine" is not one of the file's \(expected one of Reorder, Kanban\)/),
      expect.stringMatching(/challenge\.levers\[0\]: expected the path of a number this file sets .* got "strategies\.Kanban\.items\.widget\.policy\.type"/),
      expect.stringMatching(/challenge\.levers\[1\]: expected the path of a number/),
      expect.stringMatching(/challenge\.constraints\[0\]\.kpi: unknown KPI "widget\.happiness"/),
    ]);
  });

  it('has one bound per objective and constraint', () => {
    expect(problems(challenge(good.replace('{ kpi: totalCost, below: 900 }', '{ kpi: totalCost, below: 900, above: 100 }')))).toEqual([
      expect.stringMatching(/challenge\.objective: expected one bound, below or above \(not both, not neither\)/),
    ]);
    expect(problems(challenge(good.replace('{ kpi: widget.fillRate, atLeast: 0.95 }', '{ kpi: widget.fillRate }')))).toEqual([
      expect.stringMatching(/challenge\.constraints\[0\]: expected one bound, atLeast or atMost \(not both, not neither\)/),
    ]);
  });

  it('belongs to the whole file: a strategy may not change it', () => {
    const patched = challenge(good).replace('  Kanban:\n', '  Kanban:\n    challenge: { title: Easier }\n');
    expect(problems(patched)).toContainEqual(expect.stringMatching(/strategies\.Kanban\.challenge: strategy "Kanban" changes the challenge/));
  });
});
