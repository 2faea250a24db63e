// What the page's loader takes and refuses: its size limits, files by own name only, traces'
// problems with their message, and nothing thrown whatever happens inside.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError, type ScenarioIssue } from '../../../sim/index.js';
import { fileReader } from '../../../ui/state/bundled-files.js';
import { issueView } from '../../../ui/state/issues.js';
import { PAGE_LIMITS, sizeProblem, textLimitProblem } from '../../../ui/state/page-limits.js';
import { loadForPage } from '../../../ui/worker/load-scenario.js';

const FILE = 'scenarios/jit-eoq-batch.yaml';
const YAML = readFileSync(FILE, 'utf8');
const FILES = new Map([['scenarios/data/demand.csv', readFileSync('scenarios/data/demand.csv', 'utf8')]]);

/** A scenario of `n` bought items in flow style, each with its own customers: small text, many items. */
function manyItems(n: number, strategies = 1): string {
  const items = Array.from(
    { length: n },
    (_, i) => `i${i}: {holdingCost: 1, buy: {leadTime: 1, orderCost: 5}, policy: {type: sQ, reorderPoint: 2, quantity: 5}}`,
  );
  const demand = Array.from({ length: n }, (_, i) => `{item: i${i}, interarrival: 1}`);
  const patches = Array.from({ length: strategies }, (_, k) => `S${k}: {}`);
  return `name: big\ntime: {horizon: 50}\nitems: {${items.join(', ')}}\ndemand: [${demand.join(', ')}]\nstrategies: {${patches.join(', ')}}\n`;
}

/** The headline scenario with its customers replayed from a CSV trace. */
function withTrace(trace: string): string {
  return YAML.replace(/interarrival: .*\n\s*quantity: .*$/m, `trace: ${trace}`);
}

function issuesOf(text: string, files = FILES): ScenarioIssue[] {
  const response = loadForPage({ id: 1, text, file: FILE, files });
  if (response.kind !== 'invalid') throw new Error(`expected problems, got ${response.kind}`);
  return response.issues;
}

describe('the page limits', () => {
  it('refuse 4,000 items before loading, saying how many and the limit', () => {
    const text = manyItems(4000).replaceAll(
      'holdingCost: 1, buy: {leadTime: 1, orderCost: 5}, policy: {type: sQ, reorderPoint: 2, quantity: 5}',
      'holdingCost: 1',
    );
    expect(text.length).toBeLessThan(PAGE_LIMITS.textChars);
    const started = performance.now();
    const response = loadForPage({ id: 7, text, file: 'scenario.yaml', files: FILES });
    expect(response).toEqual({ id: 7, kind: 'refused', message: expect.stringContaining('4,000 items (up to 200), 4,000 demand lines (up to 200)') });
    expect(response.kind === 'refused' && response.message).toContain('npx sawtooth run FILE');
    // Refused on the parsed text, long before a load of that size would end.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('load a scenario at the item limit', () => {
    expect(loadForPage({ id: 1, text: manyItems(PAGE_LIMITS.items), file: 'scenario.yaml', files: FILES }).kind).toBe('loaded');
  });

  it('count items a strategy adds, the longest demand list, the strategies, and items × strategies', () => {
    const base = { items: Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`a${i}`, {}])), demand: [], strategies: {} as Record<string, unknown> };
    expect(sizeProblem(base)).toBeNull();
    base.strategies.More = { items: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`b${i}`, {}])) };
    expect(sizeProblem(base)).toMatch(/250 items \(up to 200\)/);
    expect(sizeProblem({ demand: Array.from({ length: 201 }, () => ({})) })).toMatch(/201 demand lines/);
    expect(sizeProblem({ machines: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`m${i}`, {}])) })).toMatch(/51 machines/);
    expect(sizeProblem({ strategies: Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`s${i}`, {}])) })).toMatch(/13 strategies \(up to 12\)/);
    const items = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`a${i}`, {}]));
    const strategies = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, {}]));
    expect(sizeProblem({ items, strategies: strategies(5) })).toBeNull();
    expect(sizeProblem({ items, strategies: strategies(6) })).toMatch(
      /^it is too large for the page: 120 items in 6 strategies \(up to 600 items × strategies\)/,
    );
    expect(sizeProblem('not an object')).toBeNull();
  });

  it('refuse more than 500 kB of text without parsing it', () => {
    const text = `${YAML}\n#${'x'.repeat(PAGE_LIMITS.textChars)}`;
    expect(textLimitProblem(text)).toMatch(/^it is [\d,]+ kB of text, and the page loads up to 500 kB; run it/);
    expect(loadForPage({ id: 1, text, file: FILE, files: FILES }).kind).toBe('refused');
  });

  it('turn anything the loader throws into a message, never an exception', () => {
    // The user's files the page sends beside the bundled ones, which the loader reads.
    const throwing = new Map(FILES);
    throwing[Symbol.iterator] = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const text = withTrace('data/demand.csv');
    const response = loadForPage({ id: 2, text, file: FILE, files: throwing });
    expect(['invalid', 'failed']).toContain(response.kind);
    const said = response.kind === 'failed' ? response.message : response.kind === 'invalid' ? response.issues.map((i) => i.message).join(' ') : '';
    expect(said).toContain('Maximum call stack size exceeded');
  });

  it('answer an alias bomb and an alias inside its own anchor with problems, not an exception', () => {
    const bomb = `${YAML}\nx0: &a ["x","x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 6 }, (_, i) => `x${i + 1}: &${'abcdefg'[i + 1]} [${Array(10).fill(`*${'abcdefg'[i]}`).join(',')}]`).join('\n')}\n`;
    for (const text of [bomb, YAML.replace(/^strategies:/m, 'strategies: &s\n  X: *s\n  Y:')]) {
      const response = loadForPage({ id: 1, text, file: FILE, files: FILES });
      expect(['invalid', 'failed']).toContain(response.kind);
    }
  });
});

describe('files the page reads', () => {
  it('are its own entries only: constructor, __proto__ and toString are missing files', () => {
    const read = fileReader(FILES);
    expect(read('scenarios/data/demand.csv')).toBe(FILES.get('scenarios/data/demand.csv'));
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(() => read(name)).toThrow(
        /no such file; the page reads its bundled data files and the CSV files you give it \(scenarios\/data\/demand.csv\): .*choose it .* or drop it on the page/,
      );
    }
  });

  it('give a trace named ../constructor a problem that says the file cannot be read', () => {
    const text = withTrace('../constructor');
    const issues = issuesOf(text);
    const trace = issues.find((i) => i.path === 'demand[0].trace');
    expect(trace?.message).toMatch(/cannot read constructor: no such file/);
    expect(issueView(trace!, FILE).text).toMatch(/^cannot read constructor: no such file/);
  });
});

describe('trace problems in the editor', () => {
  it('keep their message: the CSV file and line, the trace path, then what is wrong', () => {
    const bad = new Map([['scenarios/data/bad.csv', 'time,quantity\n1,2\n0.5,1\n2,-3\n']]);
    const text = withTrace('data/bad.csv');
    let issues: ScenarioIssue[] = [];
    try {
      loadScenario(text, { file: FILE, readFile: fileReader(bad) });
    } catch (error) {
      issues = (error as ScenarioError).issues;
    }
    const rows = issues.filter((i) => i.file === 'scenarios/data/bad.csv');
    expect(rows.length).toBe(2);
    const views = rows.map((i) => issueView(i, FILE));
    expect(views[0]).toEqual({
      elsewhere: 'scenarios/data/bad.csv line 3',
      path: 'demand[0].trace',
      text: expect.stringMatching(/^expected times in ascending order/),
    });
    expect(views[1].text).toMatch(/^expected a quantity > 0, got -3/);
    // A CSV line is not a line of the scenario: nothing to jump to in the editor.
    expect(views.every((v) => v.line === undefined)).toBe(true);
  });

  it('show a scenario problem with its line and path, and a syntax error with its line', () => {
    const [value] = issuesOf(YAML.replace('holdingCost: 0.05', 'holdingCost: -1'));
    const view = issueView(value, FILE);
    expect(view.line).toBeGreaterThan(1);
    expect(view.path).toBe('items.widget.holdingCost');
    expect(view.text).toMatch(/^expected .*got -1/);
    const [syntax] = issuesOf(YAML.replace('  EOQ: {}', '  EOQ: { ['));
    expect(issueView(syntax, FILE)).toMatchObject({ line: expect.any(Number), path: '', text: expect.stringMatching(/^YAML syntax error/) });
  });

  it('keep a message whose own text has colons', () => {
    const issue: ScenarioIssue = { file: 'a.yaml', path: 'x', message: 'a.yaml: x: expected a: b: c, got d', text: 'expected a: b: c, got d' };
    expect(issueView(issue, 'a.yaml').text).toBe('expected a: b: c, got d');
    expect(issueView({ file: 'a.yaml', path: '', message: 'something else entirely', text: 'something else entirely' }, 'a.yaml').text).toBe(
      'something else entirely',
    );
  });
});
