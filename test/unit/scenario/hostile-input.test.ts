import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScenarioError, buildStrategy, mergePatch, setPath, type TraceCache } from '../../../sim/scenario/index.js';
import { parseTrace } from '../../../sim/scenario/traces.js';
import { PLANT, errorOf, load, plantWith, problems } from './helpers.js';

const STRATEGIES = '\nstrategies:\n  A: {}\n  B: { items: { steel: { initial: 5 } } }\n';
/** The line after PLANT's last. */
const AFTER_PLANT = PLANT.split('\n').length;

afterEach(() => vi.restoreAllMocks());

describe('YAML aliases', () => {
  it('load a real file that uses one anchor in 150 places (yaml refuses more than 100 by default)', () => {
    const aliases = Array.from({ length: 150 }, (_, i) => `  S${i}: *patch\n`).join('');
    const text = `${PLANT}strategies:\n  A: &patch { items: { steel: { initial: 5 } } }\n${aliases}`;
    const scenario = load(text);
    expect(scenario.strategies).toHaveLength(151);
    expect(buildStrategy(scenario, 'S149').plant.items.steel.initial).toBe(5);
  });

  it('refuse an alias bomb in one line naming the file', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]\n`).join('');
    const lines = problems(`${PLANT}l0: &l0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n${levels}`);
    expect(lines).toEqual(['x.yaml: YAML alias error: aliases expand to more than 10000 copies (an alias bomb?); repeat fewer values']);
  });

  it("refuse aliases that pass yaml's count but expand to millions of values", () => {
    const list = `[${Array(1000).fill(1).join(', ')}]`;
    const text = plantWith('buy: { leadTime: 5, orderCost: 40 }', `buy: { leadTime: { empirical: [${Array(2000).fill('*big').join(', ')}] }, orderCost: 40 }`);
    expect(problems(`big: &big ${list}\n${text}`)).toEqual([
      'x.yaml: expected at most 1000000 values once aliases are expanded, got more (remove aliases of large values)',
    ]);
  });

  it('refuse an alias inside the anchor it names, in a strategy', () => {
    const text = `${PLANT}strategies:\n  A: &a { items: { steel: *a } }\n`;
    expect(problems(text)).toEqual([
      'x.yaml: strategies.A.items.steel: expected a value that does not contain itself, got an alias inside the anchor it names (an endless value)',
    ]);
  });

  it('refuse an alias without an anchor', () => {
    expect(problems(`${PLANT}strategies:\n  A: *nothing\n`)).toEqual([
      'x.yaml: YAML alias error: *nothing names no anchor before it (write &nothing on a value above)',
    ]);
  });

  it("refuse a list used as a key, without yaml's warning on the process", () => {
    const warn = vi.spyOn(process, 'emitWarning');
    expect(problems(`${PLANT}strategies:\n  ? [a, b]\n  : {}\n`)).toEqual([
      `x.yaml:${AFTER_PLANT + 1}:5: expected a plain key (a name or a number), got a list or an object as a key`,
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuse nesting deeper than 100 levels', () => {
    const deep = `${'['.repeat(150)}1${']'.repeat(150)}`;
    expect(problems(plantWith('leadTime: 5', `leadTime: { empirical: ${deep} }`))[0]).toMatch(
      /^x\.yaml: items\.steel\.buy\.leadTime\.empirical(\[0\])+: expected values nested at most 100 levels deep, got deeper nesting$/,
    );
  });
});

describe('reserved keys', () => {
  it('refuse __proto__ in a strategy patch, which used to smuggle values into every item', () => {
    const text = `${PLANT}strategies:\n  A: { items: { steel: { "__proto__": { initial: 77 } } } }\n`;
    expect(problems(text)).toEqual([
      'x.yaml: strategies.A.items.steel.__proto__: expected a key other than __proto__, constructor or prototype (JavaScript gives those names a special meaning), got "__proto__"',
    ]);
    expect(errorOf(text).issues[0].line).toBe(AFTER_PLANT + 1);
  });

  it('refuse __proto__ at the top of a strategy (a JSON file too)', () => {
    const json = JSON.stringify({ ...parseYaml(PLANT), strategies: { A: JSON.parse('{"__proto__": {"initial": 77}}') } });
    expect(problems(json)).toEqual([
      'x.yaml: strategies.A.__proto__: expected a key other than __proto__, constructor or prototype (JavaScript gives those names a special meaning), got "__proto__"',
    ]);
  });

  it('refuse constructor and prototype as names anywhere', () => {
    const text = plantWith('  steel:', '  constructor:').replace('bom: { steel: 2 }', 'bom: { constructor: 2 }').replace('press: {}', 'prototype: {}');
    expect(problems(text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^x\.yaml: machines\.prototype: expected a key other than/),
        expect.stringMatching(/^x\.yaml: items\.constructor: expected a key other than/),
        expect.stringMatching(/^x\.yaml: items\.widget\.make\.bom\.constructor: expected a key other than/),
      ]),
    );
  });

  it('refuse them in an override path and in an override value', () => {
    expect(problems(PLANT, { overrides: { 'items.__proto__.initial': 5 } })).toEqual([
      'x.yaml: items.__proto__: expected a key other than __proto__, constructor or prototype (JavaScript gives those names a special meaning), got "__proto__"',
    ]);
    expect(problems(PLANT, { overrides: { 'items.steel': JSON.parse('{"constructor": 1}') } })[0]).toMatch(
      /^x\.yaml: items\.steel\.constructor: expected a key other than/,
    );
  });

  it('setPath refuses them instead of writing them', () => {
    expect(() => setPath({}, 'items.prototype.initial', 1)).toThrow(ScenarioError);
    expect(() => setPath({}, '__proto__.initial', 1)).toThrow('--set: __proto__: expected a key other than __proto__');
  });

  it('mergePatch keeps a __proto__ key of a patch from code a plain key, never a prototype', () => {
    const merged = mergePatch({ items: {} }, JSON.parse('{"items": {"__proto__": {"initial": 77}}}')) as { items: { initial?: number } };
    expect(merged.items.initial).toBeUndefined();
    expect(({} as { initial?: number }).initial).toBeUndefined();
  });
});

describe('user names that are also JavaScript members', () => {
  const traced = (trace: string) => plantWith('  - { item: widget, every: 1 }', `  - { item: widget, trace: ${trace} }`);

  it('a trace named constructor or toString is read like any other', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      const scenario = load(traced(name), { readFile: () => 'time,quantity\n1,2\n' });
      expect(buildStrategy(scenario, 'base').plant.demand[0]).toMatchObject({ kind: 'trace', times: [1], quantities: [2] });
    }
  });

  it('a trace named constructor that cannot be read is reported, not mistaken for a member', () => {
    const readFile = (path: string): string => {
      throw new Error(`ENOENT: no such file, open '${path}'`);
    };
    expect(problems(traced('constructor'), { readFile })).toEqual([
      "x.yaml: demand[0].trace: cannot read constructor: ENOENT: no such file, open 'constructor'",
    ]);
    expect(problems(traced('__proto__'), { readFile })).toEqual(["x.yaml: demand[0].trace: cannot read __proto__: ENOENT: no such file, open '__proto__'"]);
  });

  it('an unknown strategy named like a member is unknown', () => {
    expect(() => buildStrategy(load(`${PLANT}${STRATEGIES}`), 'constructor')).toThrow(/unknown strategy "constructor"/);
  });
});

describe('trace contents in messages', () => {
  it('a file without the header is reported without any of its content', () => {
    const { problems: found } = parseTrace('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1\n', '/etc/passwd');
    expect(found.map((p) => p.text)).toEqual(['expected a CSV with a header row time,quantity, got a first line that is not that header (not shown)']);
    expect(JSON.stringify(found)).not.toContain('root');
  });

  it('a bad row of a trace is quoted short, with every control character escaped', () => {
    const row = `\u009b31m${'9'.repeat(100)},x`;
    const [problem] = parseTrace(`time,quantity\n${row}\n`, 'd.csv').problems;
    expect(problem.text).toBe(`expected time,quantity numbers, got "\\u009b31m${'9'.repeat(35)}…"`);
  });

  it('a trace cache parses a file once for every load that shares it', () => {
    const traceCache: TraceCache = new Map();
    const read: string[] = [];
    const readFile = (path: string): string => (read.push(path), 'time,quantity\n1,2\n');
    const text = plantWith('  - { item: widget, every: 1 }', '  - { item: widget, trace: d.csv }');
    load(text, { readFile, traceCache });
    load(text, { readFile, traceCache, overrides: { 'time.horizon': 50 } });
    expect(read).toEqual(['d.csv']);
  });
});
