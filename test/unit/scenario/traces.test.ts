import { describe, expect, it } from 'vitest';
import { buildStrategy } from '../../../sim/scenario/index.js';
import { parseTrace, resolveTracePath } from '../../../sim/scenario/traces.js';
import { errorOf, load, problems } from './helpers.js';

const scenario = (trace = 'data/demand.csv') => `name: traced
time: { horizon: 30 }
items:
  part:
    buy: { leadTime: 2 }
    policy: { type: baseStock, level: 5 }
demand:
  - { item: part, trace: ${trace} }
`;

/** A readFile over an in-memory file system that records what was read. */
function files(contents: Record<string, string>): { read: string[]; readFile: (path: string) => string } {
  const read: string[] = [];
  return {
    read,
    readFile: (path) => {
      read.push(path);
      if (!(path in contents)) throw new Error(`ENOENT: no such file, open '${path}'`);
      return contents[path];
    },
  };
}

describe('CSV traces', () => {
  it('are read relative to the scenario file and replayed as trace demand', () => {
    const fs = files({ 'scenarios/data/demand.csv': 'time,quantity\n0.5,3\n2,1\r\n2,4\n\n' });
    const loaded = load(scenario(), { file: 'scenarios/plant.yaml', readFile: fs.readFile });
    expect(fs.read).toEqual(['scenarios/data/demand.csv']);
    expect(loaded.traces['data/demand.csv']).toEqual({ times: [0.5, 2, 2], quantities: [3, 1, 4] });
    expect(buildStrategy(loaded, 'base').plant.demand).toEqual([
      { kind: 'trace', item: 'part', name: 'part', times: [0.5, 2, 2], quantities: [3, 1, 4], dueIn: 0, resample: null, scale: 1, changes: [] },
    ]);
  });

  it('name the file and line of a malformed row', () => {
    const fs = files({ 'data/demand.csv': 'time,quantity\n1,2\n2,3\n3,1\n4,1\n5,1\nabc,5\n' });
    expect(problems(scenario(), { readFile: fs.readFile })).toEqual(['data/demand.csv:7: expected time,quantity numbers, got "abc,5"']);
  });

  it('give the CSV file and line to the editor, and the scenario path of the trace', () => {
    const fs = files({ 'data/demand.csv': 'time,quantity\n1,2,3\n' });
    expect(errorOf(scenario(), { readFile: fs.readFile }).issues).toEqual([
      {
        file: 'data/demand.csv',
        path: 'demand[0].trace',
        line: 2,
        message: 'data/demand.csv:2: expected time,quantity numbers, got "1,2,3"',
        text: 'expected time,quantity numbers, got "1,2,3"',
      },
    ]);
  });

  it('report every bad row: negative time, times out of order, quantity 0', () => {
    const fs = files({ 'data/demand.csv': 'time,quantity\n-1,2\n5,1\n4,1\n6,0\n' });
    expect(problems(scenario(), { readFile: fs.readFile })).toEqual([
      'data/demand.csv:2: expected a time >= 0, got -1',
      'data/demand.csv:4: expected times in ascending order (>= 5), got 4',
      'data/demand.csv:5: expected a quantity > 0, got 0',
    ]);
  });

  it("stop listing a file's bad rows after twenty", () => {
    const rows = Array.from({ length: 25 }, () => 'x,1').join('\n');
    const lines = problems(scenario(), { readFile: files({ 'data/demand.csv': `time,quantity\n${rows}\n` }).readFile });
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('data/demand.csv:27: … and 5 more problems in this file');
  });

  it('need a file reader', () => {
    expect(problems(scenario())).toEqual([
      'x.yaml: demand[0].trace: cannot read data/demand.csv: CSV traces need a file reader (pass readFile to loadScenario)',
    ]);
  });

  it('say when the file cannot be read', () => {
    expect(problems(scenario(), { readFile: files({}).readFile })).toEqual([
      "x.yaml: demand[0].trace: cannot read data/demand.csv: ENOENT: no such file, open 'data/demand.csv'",
    ]);
  });

  it('are read once however many strategies use them', () => {
    const text = `${scenario()}strategies:\n  A: {}\n  B: { items: { part: { policy: { type: baseStock, level: 9 } } } }\n`;
    const fs = files({ 'data/demand.csv': 'time,quantity\n1,1\n' });
    expect(load(text, { readFile: fs.readFile }).strategies).toEqual(['A', 'B']);
    expect(fs.read).toEqual(['data/demand.csv']);
  });

  it('take no quantity (the file has them) and no profile; rate changes multiply their quantities', () => {
    const text = scenario().replace('trace: data/demand.csv', 'trace: data/demand.csv, quantity: 2, profile: { weekly: [1, 1, 1, 1, 1, 0, 0] }');
    expect(problems(text, { readFile: files({ 'data/demand.csv': 'time,quantity\n' }).readFile })).toEqual([
      'x.yaml: demand[0].quantity: expected no quantity on a trace demand (a trace is replayed as is), got 2',
      'x.yaml: demand[0].profile: expected no profile on a trace demand (a trace is replayed as is), got {weekly: [1, 1, 1, 1, 1, 0, 0]}',
    ]);
  });
});

describe('resolveTracePath', () => {
  it("resolves against the scenario file's directory with plain string operations", () => {
    expect(resolveTracePath('scenarios/a.yaml', 'data/d.csv')).toBe('scenarios/data/d.csv');
    expect(resolveTracePath('scenarios/a.yaml', './d.csv')).toBe('scenarios/d.csv');
    expect(resolveTracePath('scenarios/lessons/a.yaml', '../data/d.csv')).toBe('scenarios/data/d.csv');
    expect(resolveTracePath('a.yaml', 'd.csv')).toBe('d.csv');
    expect(resolveTracePath('a.yaml', '../d.csv')).toBe('../d.csv');
  });

  it('keeps absolute paths', () => {
    expect(resolveTracePath('scenarios/a.yaml', '/data/d.csv')).toBe('/data/d.csv');
    expect(resolveTracePath('scenarios/a.yaml', 'C:\\data\\d.csv')).toBe('C:\\data\\d.csv');
  });
});

describe('parseTrace', () => {
  it('accepts a byte-order mark, spaces around fields and a header in capitals', () => {
    expect(parseTrace('\uFEFFTime, Quantity\n 1 , 2 \n', 'd.csv')).toEqual({ trace: { times: [1], quantities: [2] }, problems: [] });
  });
});
