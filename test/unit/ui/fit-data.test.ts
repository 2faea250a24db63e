// The fit panel's data and charts without a browser: the file read and fitted as `sawtooth fit`
// does (seeded samples ranked first by the family they were drawn from), problems as a list, and
// the histogram and Q–Q specs compiled by Vega-Lite without a word of complaint.
import { describe, expect, it } from 'vitest';
import { fitHistogramSpec, fitQqSpec } from '../../../ui/charts/fit-spec.js';
import { fitForPage, type FitPageResponse } from '../../../ui/worker/fit-data.js';
import { SAMPLE_SIZE, sampleOrdersCsv } from '../../fixtures/fit-sample.js';
import { complaintsOf as complaints } from './vega-compile.js';

const CSV = sampleOrdersCsv();

function fitted(response: FitPageResponse): Extract<FitPageResponse, { kind: 'fitted' }> {
  if (response.kind !== 'fitted') throw new Error(`expected a fit, got ${JSON.stringify(response)}`);
  return response;
}

describe('fitForPage(file, request)', () => {
  it(`ranks gamma first for the gaps between ${SAMPLE_SIZE + 1} orders drawn 2 ± 1.4 days apart, as sawtooth fit does`, () => {
    const response = fitted(fitForPage({ file: 'orders.csv', text: CSV, request: { kind: 'interarrival', time: 'time', item: null, unit: 'day' } }));
    expect(response.field).toBe('interarrival');
    expect(response.times).toBe('numbers');
    const [fit] = response.fits;
    expect(fit.n).toBe(SAMPLE_SIZE);
    expect(fit.report!.candidates[0].family).toBe('gamma');
    expect(fit.report!.candidates[0].parameters.mean).toBeCloseTo(2, 0);
  });

  it('ranks normal first for a column of normal weights', () => {
    const response = fitted(fitForPage({ file: 'orders.csv', text: CSV, request: { kind: 'column', column: 'weight', item: null } }));
    expect(response.field).toBe('quantity');
    expect(response.fits[0].report!.candidates[0].family).toBe('normal');
  });

  it('gives one fit per item with an item column, and no fit to an item with too few values', () => {
    const text = `${CSV}${[1, 2, 3].map((t) => `${t},1,50,rare`).join('\n')}\n`;
    const response = fitted(fitForPage({ file: 'orders.csv', text, request: { kind: 'column', column: 'weight', item: 'sku' } }));
    expect(response.fits.map((f) => [f.item, f.n, f.report === null])).toEqual([
      ['widget', SAMPLE_SIZE + 1, false],
      ['rare', 3, true],
    ]);
  });

  it('lists the problems of the file, each with its line, and fits nothing', () => {
    expect(fitForPage({ file: 'orders.csv', text: CSV, request: { kind: 'column', column: 'amount', item: null } })).toEqual({
      kind: 'problems',
      problems: [{ line: 1, text: expect.stringMatching(/"amount".*"time", "qty", "weight", "sku"/) }],
    });
    const bad = 'time,qty\n1,2\n2,lots\n3,-1\n';
    const response = fitForPage({ file: 'bad.csv', text: bad, request: { kind: 'column', column: 'qty', item: null } });
    expect(response.kind === 'problems' && response.problems.map((p) => p.line)).toEqual([3, 4]);
  });

  it('hands the panel plain data a worker can post: a histogram of density 1 in all, and every candidate’s curve and Q–Q points', () => {
    const [fit] = fitted(fitForPage({ file: 'orders.csv', text: CSV, request: { kind: 'interarrival', time: 'time', item: null, unit: 'day' } })).fits;
    expect(structuredClone(fit)).toEqual(fit);
    const charts = fit.charts!;
    const area = charts.bins.reduce((sum, b) => sum + b.density * (b.x1 - b.x0), 0);
    expect(area).toBeCloseTo(1, 10);
    expect(charts.bins.reduce((sum, b) => sum + b.count, 0)).toBe(SAMPLE_SIZE);
    const families = fit.report!.candidates.map((c) => c.family);
    expect([...new Set(charts.curves.map((c) => c.family))]).toEqual(families);
    expect([...new Set(charts.qq.map((q) => q.family))]).toEqual(families);
    expect(charts.qq.filter((q) => q.family === 'gamma')).toHaveLength(200);
  });
});

describe('the fit charts', () => {
  const measured = fitted(fitForPage({ file: 'orders.csv', text: CSV, request: { kind: 'interarrival', time: 'time', item: null, unit: 'day' } })).fits[0];
  const counted = fitted(fitForPage({ file: 'orders.csv', text: CSV, request: { kind: 'column', column: 'qty', item: null } })).fits[0];

  it('compile without a warning, for measurements and for whole numbers, for the best fit and another', () => {
    expect(counted.charts!.counts).toBe(true);
    for (const fit of [measured, counted]) {
      for (const family of [fit.report!.candidates[0].family, fit.report!.candidates.at(-1)!.family]) {
        expect(complaints(fitHistogramSpec(fit.charts!, family, 'gaps between time'))).toEqual([]);
        expect(complaints(fitQqSpec(fit.charts!, family, 'gaps between time'))).toEqual([]);
      }
    }
  });

  it('draw the chosen family bold over the histogram, and only its points in the Q–Q plot', () => {
    const spec = fitHistogramSpec(measured.charts!, 'gamma', 'gaps') as unknown as { layer: { data: { values: { family?: string; chosen?: boolean }[] } }[] };
    const curves = spec.layer[1].data.values;
    expect(new Set(curves.filter((c) => c.chosen).map((c) => c.family))).toEqual(new Set(['gamma']));
    const qq = fitQqSpec(measured.charts!, 'lognormal', 'gaps') as unknown as { layer: { data: { values: { family?: string }[] } }[] };
    expect(new Set(qq.layer[1].data.values.map((p) => p.family))).toEqual(new Set(['lognormal']));
  });
});
