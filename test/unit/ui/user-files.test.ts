// The user's CSV files on the page: which it takes, keeps and shares, how a scenario finds them,
// and what it says when one is too large; without a browser (localStorage is a small stand-in).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadScenario,
  decodeShareState,
  leftOutMessage,
  shareWithFiles,
  type ShareState,
  USER_FILE_LIMITS,
  fileNameProblem,
  fileSizeProblem,
  fileTextProblem,
  filesNamedIn,
  filesProblem,
  freeName,
  keptFiles,
  mergeLinkFiles,
  pageFiles,
  sizeText,
  withFile,
} from '../../../sim/index.js';
import { fileReader } from '../../../ui/state/bundled-files.js';
import { loadUserFiles, saveUserFiles } from '../../../ui/state/saved-edits.js';

const BUNDLED = new Map([['scenarios/data/demand.csv', 'time,quantity\n1,2\n']]);
const STATE: ShareState = { scenario: 'jit-eoq-batch', text: 'trace: orders.csv\n', overrides: {}, replications: 10 };

/** A CSV of `rows` orders whose numbers do not repeat, so it compresses as real data does (about 3:1). */
function orders(rows: number): string {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const lines = ['time,quantity'];
  let t = 0;
  for (let i = 0; i < rows; i++) lines.push(`${(t += next()).toFixed(4)},${1 + Math.floor(next() * 40)}`);
  return `${lines.join('\n')}\n`;
}

describe('which files the page takes', () => {
  it('takes a plain file name and refuses empty, padded, folder-like and control-character names', () => {
    expect(fileNameProblem('orders 2025.csv')).toBeNull();
    for (const name of ['', ' orders.csv', 'data/orders.csv', '..\\x.csv', '..', 'a\u0000b.csv', 'x'.repeat(USER_FILE_LIMITS.nameChars + 1)]) {
      expect(fileNameProblem(name), JSON.stringify(name)).not.toBeNull();
    }
  });

  it(`refuses a file over ${USER_FILE_LIMITS.fileBytes / 2 ** 20} MB before reading it, naming its size, the limit and the command line`, () => {
    expect(fileSizeProblem('orders.csv', USER_FILE_LIMITS.fileBytes)).toBeNull();
    expect(fileSizeProblem('orders.csv', 35 * 2 ** 20)).toBe(
      'orders.csv is 35 MB, and the page takes files of up to 20 MB; use it with the command line instead (npx sawtooth run FILE, npx sawtooth fit FILE), which reads files of up to 256 MB',
    );
  });

  it('refuses a binary file (a spreadsheet) and an empty one, and takes text', () => {
    expect(fileTextProblem('book.xlsx', 'PK\u0003\u0004\u0000\u0000')).toMatch(/^book.xlsx is not a text file: save it as CSV/);
    expect(fileTextProblem('odd.csv', 'time,quantity\n\uFFFD,1')).toMatch(/not a text file/);
    expect(fileTextProblem('empty.csv', ' \n')).toBe('empty.csv is empty');
    expect(fileTextProblem('orders.csv', 'time,quantity\n1,2\n')).toBeNull();
  });

  it('sizes read as people say them', () => {
    expect([sizeText(812), sizeText(64 * 1024), sizeText(2.5 * 2 ** 20)]).toEqual(['812 B', '64 kB', '2.5 MB']);
  });
});

describe('adding files', () => {
  it('replaces a file of the same name, in its place', () => {
    const files = withFile(
      [
        { name: 'a.csv', text: '1' },
        { name: 'b.csv', text: '2' },
      ],
      { name: 'a.csv', text: '3' },
    );
    expect(files).toEqual([
      { name: 'a.csv', text: '3' },
      { name: 'b.csv', text: '2' },
    ]);
  });

  it("keeps the user's own file under a free name when a link brings another of the same name", () => {
    const own = [
      { name: 'orders.csv', text: 'mine' },
      { name: 'orders (2).csv', text: 'older' },
    ];
    const { files, renamed } = mergeLinkFiles(own, [{ name: 'orders.csv', text: 'theirs' }]);
    expect(renamed).toEqual([['orders.csv', 'orders (3).csv']]);
    expect(files).toEqual([
      { name: 'orders (3).csv', text: 'mine' },
      { name: 'orders (2).csv', text: 'older' },
      { name: 'orders.csv', text: 'theirs' },
    ]);
    // The same file again changes nothing.
    expect(mergeLinkFiles(files, [{ name: 'orders.csv', text: 'theirs' }])).toEqual({ files, renamed: [] });
  });

  it('finds free names with and without an extension', () => {
    expect(freeName('orders.csv', new Set(['orders.csv']))).toBe('orders (2).csv');
    expect(freeName('README', new Set(['README', 'README (2)']))).toBe('README (3)');
  });
});

describe('keeping files with the session', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it(`keeps the newest files within ${USER_FILE_LIMITS.keptChars / 2 ** 20} MB altogether, and leaves out the one that does not fit`, () => {
    const big = { name: 'big.csv', text: 'x'.repeat(USER_FILE_LIMITS.keptChars - 100) };
    const small = { name: 'small.csv', text: 'time,quantity\n1,2\n' };
    const newest = { name: 'newest.csv', text: 'y'.repeat(200) };
    expect(keptFiles([big, small])).toEqual({ kept: [big, small], unkept: [] });
    expect(keptFiles([big, small, newest])).toEqual({ kept: [small, newest], unkept: [big] });
  });

  it('keeps at most 20 files', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ name: `f${i}.csv`, text: 'time,quantity\n' }));
    expect(keptFiles(many).kept.map((f) => f.name)).toEqual(many.slice(5).map((f) => f.name));
  });

  it('reads back what it saved, and nothing (without a problem) when nothing was saved', () => {
    expect(loadUserFiles()).toEqual({ files: [], problem: null });
    const files = [{ name: 'orders.csv', text: 'time,quantity\n1,2\n' }];
    expect(saveUserFiles(files)).toBe(true);
    expect(loadUserFiles()).toEqual({ files, problem: null });
    expect(saveUserFiles([])).toBe(true);
    expect(store.size).toBe(0);
  });

  it('says so, never throws, when storage refuses the files or holds something damaged', () => {
    (globalThis as { localStorage: { setItem: unknown } }).localStorage.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    expect(saveUserFiles([{ name: 'a.csv', text: '1' }])).toBe(false);
    store.set('sawtooth:files', '{not json');
    expect(loadUserFiles()).toEqual({ files: [], problem: 'they are damaged (not readable)' });
    store.set('sawtooth:files', JSON.stringify([{ name: '../etc/passwd', text: 'x' }]));
    expect(loadUserFiles().problem).toMatch(/a name the page refuses/);
  });
});

describe('how a scenario finds a user file', () => {
  const files = pageFiles(BUNDLED, [{ name: 'orders.csv', text: 'time,quantity\n0.5,3\n1.5,2\n' }]);

  it('by its name beside a bundled scenario (scenarios/) and beside an edited one (the top)', () => {
    expect(fileReader(files)('orders.csv')).toContain('0.5,3');
    expect(fileReader(files)('scenarios/orders.csv')).toContain('0.5,3');
    expect(fileReader(files)('scenarios/data/demand.csv')).toBe(BUNDLED.get('scenarios/data/demand.csv'));
  });

  it('never in place of a bundled file', () => {
    const shadow = pageFiles(BUNDLED, [{ name: 'demand.csv', text: 'mine' }]);
    expect(shadow.get('scenarios/data/demand.csv')).toBe(BUNDLED.get('scenarios/data/demand.csv'));
  });

  it('a missing file says which files there are, and how to give the page one', () => {
    expect(() => fileReader(files)('scenarios/other.csv')).toThrow(
      'no such file; the page reads its bundled data files and the CSV files you give it (scenarios/data/demand.csv, orders.csv): ' +
        'to give it a file, choose it with "Choose CSV files" below the editor, or drop it on the page',
    );
  });

  it('a bundled scenario replays `trace: orders.csv` from the user file', () => {
    const text =
      'name: mine\ntime: { horizon: 10 }\nitems: { w: { buy: { leadTime: 1 }, policy: { type: sQ, reorderPoint: 2, quantity: 5 } } }\ndemand: [{ item: w, trace: orders.csv }]\n';
    const scenario = loadScenario(text, { file: 'scenarios/mine.yaml', readFile: fileReader(files) });
    expect(scenario.name).toBe('mine');
    expect(() => loadScenario(text.replace('orders.csv', 'others.csv'), { file: 'scenarios/mine.yaml', readFile: fileReader(files) })).toThrow(
      /cannot read scenarios\/others.csv: no such file; .* or drop it on the page/,
    );
  });

  it('a scenario names only the files whose name its text has', () => {
    const all = [
      { name: 'orders.csv', text: '' },
      { name: 'other.csv', text: '' },
    ];
    expect(filesNamedIn('demand:\n  - { item: w, trace: { file: orders.csv, time: t, quantity: q } }', all).map((f) => f.name)).toEqual(['orders.csv']);
  });
});

describe('files in share links', () => {
  it('a small file named by the scenario travels in the link and comes back exactly', async () => {
    const file = { name: 'orders.csv', text: orders(200) };
    const { hash, left } = await shareWithFiles(STATE, [file]);
    expect(left).toEqual([]);
    expect(hash.length - 3).toBeLessThanOrEqual(USER_FILE_LIMITS.linkChars);
    expect(await decodeShareState(hash)).toEqual({ kind: 'state', state: { ...STATE, files: [file] } });
  });

  it(`a file that would make the link longer than ${USER_FILE_LIMITS.linkChars / 1024} kB is left out, and the message says the recipient must give it again`, async () => {
    const small = { name: 'small.csv', text: orders(100) };
    const large = { name: 'orders.csv', text: orders(30_000) };
    const { hash, left } = await shareWithFiles(STATE, [large, small]);
    expect(left.map((f) => f.name)).toEqual(['orders.csv']);
    expect(left[0].linkChars).toBeGreaterThan(USER_FILE_LIMITS.linkChars);
    const decoded = await decodeShareState(hash);
    expect(decoded.kind === 'state' && decoded.state.files?.map((f) => f.name)).toEqual(['small.csv']);
    expect(leftOutMessage(left)).toBe(
      'This link does not carry orders.csv: with it the link would be over 64 kB (links carry files up to 64 kB compressed). ' +
        'Whoever opens the link must choose or drop that file on the page too.',
    );
    expect(leftOutMessage([])).toBeNull();
  });

  it('a link whose files are not files, or named to reach outside, is refused with the reason', async () => {
    expect(filesProblem([{ name: 'a.csv', text: 'x' }])).toBeNull();
    expect(filesProblem('x')).toBe('its files are not a list');
    expect(filesProblem([{ name: 'a.csv' }])).toBe('one of its files has no name or no text');
    expect(filesProblem([{ name: '../a.csv', text: '' }])).toMatch(/^one of its files has a name the page refuses/);
    expect(
      filesProblem([
        { name: 'a.csv', text: '' },
        { name: 'a.csv', text: '' },
      ]),
    ).toBe('it has two files named a.csv');
    const { encodeShareState } = await import('../../../sim/index.js');
    const hash = await encodeShareState({ ...STATE, files: [{ name: 'x/../../a.csv', text: '' }] });
    expect(await decodeShareState(hash)).toEqual({ kind: 'refused', reason: expect.stringMatching(/a name the page refuses/) });
  });
});
