// `sawtooth fit`: input analysis of a planner's CSV export, on files drawn here from seeded
// streams (item A's gaps gamma, B's exponential; A's quantities Poisson, B's lognormal). Every
// best fit is checked as it is printed: pasted into a scenario, it loads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as random from '../../../sim/random/index.js';
import { loadScenario } from '../../../sim/scenario/index.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sawtooth-fit-'));
const START = Date.UTC(2025, 0, 6, 8);

/** n orders of each item: a time (a date-time to the second) from its gap distribution, a quantity from its own. */
function orders(n: number, columns: 'date-times' | 'dates'): string {
  const rng = random.createStream(21, 'fit-cli');
  const items = [
    { sku: 'A', gap: random.gamma(0.8, 0.4), quantity: random.poisson(6) },
    { sku: 'B', gap: random.exponential(2), quantity: random.lognormal(40, 15) },
  ];
  const rows: string[] = [];
  for (const { sku, gap, quantity } of items) {
    let t = 0;
    for (let i = 0; i < n; i++) {
      t += gap.sample(rng);
      const stamp = new Date(START + Math.round(t * 86_400) * 1000).toISOString();
      const q = quantity.sample(rng);
      rows.push(`${columns === 'dates' ? stamp.slice(0, 10) : stamp.slice(0, 19)};"${sku}";${Number.isInteger(q) ? q : q.toFixed(3)};"a note; ""quoted"""`);
    }
  }
  // An export as it comes: a byte-order mark, semicolons, CRLF, the items interleaved by time.
  rows.sort();
  return `\uFEFForder_date;sku;qty;comment\r\n${rows.join('\r\n')}\r\n`;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The snippet loads as the given field of a demand line. */
function loads(snippet: string): void {
  const other = snippet.startsWith('quantity:') ? 'every: 1' : 'quantity: 1';
  const text = `name: Fitted\ntime: { horizon: 10 }\nitems:\n  widget: { holdingCost: 1, initial: 10 }\ndemand:\n  - item: widget\n    ${other}\n    ${snippet}\n`;
  expect(() => loadScenario(text, { file: 'fitted.yaml' }), snippet).not.toThrow();
}

const bestLines = (out: string): string[] => out.split('\n').filter((line) => line.startsWith('best: '));

describe('sawtooth fit', () => {
  const exported = file('orders.csv', orders(1500, 'date-times'));

  it('is listed in sawtooth --help and has its own help', async () => {
    expect((await cli('--help')).out).toContain('sawtooth fit DATA.csv --column C');
    const { code, out } = await cli('fit', '--help');
    expect(code).toBe(0);
    expect(out).toContain('sawtooth fit DATA.csv --interarrival --time NAME');
  });

  it('fits the gaps between the times of each item: gamma for A, exponential for B, in days', async () => {
    const { code, out, err } = await cli('fit', exported, '--interarrival', '--time', 'order_date', '--item', 'sku', '--json');
    expect(code, err).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ field: 'interarrival', column: 'order_date', item: 'sku', unit: 'day', times: 'date-times' });
    const [a, b] = json.fits;
    expect([a.item, a.n, b.item, b.n]).toEqual(['A', 1499, 'B', 1499]);
    expect(a.candidates[0].family).toBe('gamma');
    expect(a.best.gamma.mean).toBeCloseTo(0.8, 1);
    expect(a.best.gamma.sd).toBeCloseTo(0.4, 1);
    expect(b.candidates[0].family).toBe('exponential');
    expect(Math.abs(b.best.exponential.mean - 2)).toBeLessThan(0.15);
    expect(a.snippet).toBe(`interarrival: { gamma: { mean: ${a.best.gamma.mean}, sd: ${a.best.gamma.sd} } }`);
    for (const fit of json.fits) loads(fit.snippet);
  });

  it('prints a table per item, best first, and the best as a line of scenario YAML', async () => {
    const { code, out } = await cli('fit', exported, '--interarrival', '--time', 'order_date', '--item', 'sku');
    expect(code).toBe(0);
    expect(out).toContain('the gaps between consecutive times of order_date, per sku, in days');
    expect(out).toMatch(/sku A: 1499 gaps\nfamily +parameters +AIC +ΔAIC +KS D +p-value\n/);
    expect(out).toMatch(/\n1\. gamma +mean 0\.\d+, sd 0\.\d+ +[\d.]+ +0\.0 +0\.\d{4} +\d\.\d{3}\n/);
    expect(bestLines(out)).toEqual([expect.stringMatching(/^best: interarrival: \{ gamma: /), expect.stringMatching(/^best: interarrival: \{ exponential: /)]);
  });

  it('fits a column per item: whole numbers as counts (poisson, chi-square), decimals as measurements', async () => {
    const { code, out } = await cli('fit', exported, '--column', 'qty', '--item', 'sku');
    expect(code).toBe(0);
    expect(out).toContain('the values of qty, per sku');
    expect(out).toContain('Whole numbers: fitted as counts');
    expect(out).toMatch(/χ² \(df\)/);
    const [a, b] = bestLines(out).map((line) => line.slice('best: '.length));
    expect(a).toMatch(/^quantity: \{ poisson: \{ mean: 6\.\d+ \} \}$/);
    expect(b).toMatch(/^quantity: \{ lognormal: \{ mean: (39|40|41)\.\d+, sd: 1\d\.\d+ \} \}$/);
    loads(a);
    loads(b);
  });

  it('fits every row as one series without --item', async () => {
    const { code, out } = await cli('fit', exported, '--column', 'qty', '--json');
    expect(code).toBe(0);
    const { fits } = JSON.parse(out);
    expect(fits.length).toBe(1);
    expect(fits[0]).toMatchObject({ item: null, n: 3000, fitted: true });
  });

  it('counts the gaps between plain dates in whole days, as counts', async () => {
    const path = file('days.csv', orders(300, 'dates'));
    const { code, out } = await cli('fit', path, '--interarrival', '--time', 'order_date', '--item', 'sku');
    expect(code).toBe(0);
    expect(out).toContain('(the times are dates without a time of day, so the gaps are whole days)');
    expect(out).toContain('Whole numbers: fitted as counts');
    expect(out).toMatch(/sku A: 299 gaps[\s\S]*\d+ gaps are 0 \(rows at the same time\)/);
    for (const line of bestLines(out)) loads(line.slice('best: '.length));
  });

  it('gives gaps between date-times in hours with --unit hour, and keeps numeric times in their own unit', async () => {
    const hours = JSON.parse((await cli('fit', exported, '--interarrival', '--time', 'order_date', '--item', 'sku', '--unit', 'hour', '--json')).out);
    expect(hours.fits[1].best.exponential.mean).toBeGreaterThan(40);
    const numbers = file('numbers.csv', 'time\n0\n1.5\n2\n4\n4.5\n7\n');
    const { code, out, err } = await cli('fit', numbers, '--interarrival', '--time', 'time', '--unit', 'hour');
    expect(code).toBe(0);
    expect(out).toContain("in the file's unit");
    expect(out).toContain('only 5 values: with fewer than 30 the ranking is uncertain');
    expect(err).toBe("note: --unit hour: the times are numbers, not dates, so their gaps keep the file's own unit\n");
  });

  it('keeps zeros in a quantity column and says how many; offers the data themselves when nothing fits', async () => {
    const path = file('zeros.csv', `qty\n${[...Array<number>(60).fill(0), ...Array<number>(60).fill(9)].join('\n')}\n`);
    const { code, out } = await cli('fit', path, '--column', 'qty');
    expect(code).toBe(0);
    expect(out).toContain('60 values are 0 (kept: they are data)');
    expect(out).toContain('gamma and lognormal not fitted: they draw only values > 0');
    expect(out).toContain('every family is rejected at the 5% level');
    expect(out).toContain('or the data themselves: quantity: { discrete: { values: [ 0, 9 ], weights: [ 60, 60 ] } }');
  });

  it('prints a constant for values that are all equal', async () => {
    const { code, out } = await cli('fit', file('constant.csv', 'qty\n4\n4\n4\n4\n4\n'), '--column', 'qty');
    expect(code).toBe(0);
    expect(out).toContain('5 values, all 4: a constant\nbest: quantity: 4\n');
  });

  it('reports every bad row of a file with its line, all at once, and prints nothing (exit 2)', async () => {
    const path = file('bad.csv', 'qty;sku\n3;A\n;A\nabc;A\n-1;B\n7;\nx;A\ny;B\nz;A\n');
    const { code, out, err } = await cli('fit', path, '--column', 'qty', '--item', 'sku');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      [
        `${path}:3: expected a number in the qty column, got nothing`,
        `${path}:4: expected a number in the qty column, got something else — on this line and 3 more`,
        `${path}:5: expected a number >= 0 in the qty column (a scenario draws no negative values), got a negative number`,
        `${path}:6: expected an item in the sku column, got nothing`,
        '',
      ].join('\n'),
    );
  });

  it('names a missing column with the header it found', async () => {
    const { code, err } = await cli('fit', exported, '--interarrival', '--time', 'date');
    expect(code).toBe(2);
    expect(err).toBe(`${exported}:1: expected a header row naming the column "date", got the columns "order_date", "sku", "qty", "comment"\n`);
  });

  it('refuses arguments it cannot use, each in one line (exit 2)', async () => {
    const cases: [string[], string][] = [
      [[], 'sawtooth fit: expected a CSV FILE; see sawtooth fit --help'],
      [[exported], 'sawtooth fit: expected --column NAME, or --interarrival --time NAME; see sawtooth fit --help'],
      [[exported, '--column', 'qty', '--interarrival'], '--column and --interarrival: choose one (the values of a column, or the gaps between times)'],
      [[exported, '--interarrival'], '--interarrival: expected --time NAME, the column of the times'],
      [[exported, '--column', 'qty', '--time', 'order_date'], '--time: only with --interarrival (the gaps between the times are fitted)'],
      [[exported, '--interarrival', '--time', 'order_date', '--unit', 'fortnight'], '--unit: expected one of minute, hour, day, week, got fortnight'],
      [[join(dir, 'missing.csv'), '--column', 'qty'], `${join(dir, 'missing.csv')}: cannot read the file (ENOENT)`],
      [[dir, '--column', 'qty'], `${dir}: cannot read the file (not a regular file)`],
      [[file('few.csv', 'qty\n1\n2\n3\n'), '--column', 'qty'], `${join(dir, 'few.csv')}: expected at least 5 values to fit, got 3`],
      [
        [file('few-items.csv', 't,sku\n1,A\n2,A\n3,A\n4,B\n'), '--interarrival', '--time', 't', '--item', 'sku'],
        `${join(dir, 'few-items.csv')}: expected at least 5 gaps of one sku to fit, got 2 at most`,
      ],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await cli('fit', ...args);
      expect([code, out, err], args.join(' ')).toEqual([2, '', `${message}\n`]);
    }
    const unknown = await cli('fit', exported, '--colum', 'qty');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^sawtooth fit: Unknown option '--colum'; see sawtooth fit --help\n$/);
  });

  it('skips an item with too few values, with a line saying so', async () => {
    const path = file('short.csv', 'sku,qty\nA,1\nA,2\nA,3\nA,5\nA,8\nA,13\nB,4\nB,5\n');
    const { code, out } = await cli('fit', path, '--column', 'qty', '--item', 'sku');
    expect(code).toBe(0);
    expect(out).toContain('sku B: 2 values, too few to fit (at least 5)');
    expect(bestLines(out).length).toBe(1);
  });

  it('runs the examples of its help text', async () => {
    const { FIT_HELP } = await import('../../../sim/cli/messages.js');
    const examples = FIT_HELP.split('Examples:')[1]
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('sawtooth fit '));
    expect(examples.length).toBe(3);
    const stamps = Array.from({ length: 40 }, (_, i) => `2025-03-0${1 + (i % 5)}T${String(i % 24).padStart(2, '0')}:${String((7 * i) % 60).padStart(2, '0')}`);
    file('log.csv', `stamp\n${stamps.join('\n')}\n`);
    for (const example of examples) {
      const args = example.split(/\s+/).slice(1);
      args[1] = join(dir, args[1]);
      const { code, err } = await cli(...args);
      expect(code, `${example}\n${err}`).toBe(0);
    }
  });
});
