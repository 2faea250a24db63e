// `forecasts.<item>: { method: trace, file }`: a planner's own forecast per planning bucket, read
// from a CSV file `bucket,forecast` like a demand trace, and judged against the simulated demand.
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../sim/experiment/index.js';
import { buildStrategy, type TraceCache } from '../../../sim/scenario/index.js';
import { parseForecastTrace } from '../../../sim/scenario/forecast-trace.js';
import { errorOf, load, problems } from './helpers.js';

// Bucket k is [2k, 2k + 2); an order of 3 every 0.5 from 0.5 on: bucket 0 holds 3 orders (9 units),
// every later bucket 4 (12 units; the order at 2k belongs to bucket k). Judged: the buckets from
// the warm-up (k·2 >= 2, so k >= 1) whose end is inside the horizon ((k + 1)·2 <= 10, so k <= 4).
const scenario = (forecast = '{ method: trace, file: data/forecast.csv }') => `name: Forecast trace
time: { horizon: 10, warmup: 2 }
run: { replications: 2 }
planning: { bucket: 2 }
items:
  widget: { holdingCost: 1, initial: 1000 }
demand:
  - { item: widget, every: 0.5, quantity: 3 }
forecasts:
  widget: ${forecast}
`;

// Buckets 0 to 3; bucket 4 keeps the last forecast, 8.
const FORECAST = 'bucket,forecast\n0,5\n1,10\n2,15\n3,8\n';

/** A readFile over an in-memory file system that records what was read. */
function files(contents: Record<string, string>): { read: string[]; readFile: (path: string) => string } {
  const read: string[] = [];
  return {
    read,
    readFile: (path) => {
      read.push(path);
      if (!Object.hasOwn(contents, path)) throw new Error(`ENOENT: no such file, open '${path}'`);
      return contents[path];
    },
  };
}

const withFile = (text: string) => ({ readFile: files({ 'data/forecast.csv': text }).readFile });

describe('a forecast trace', () => {
  it('is read relative to the scenario file and handed to the plant as its values, with the levers', () => {
    const fs = files({ 'scenarios/data/forecast.csv': FORECAST });
    const loaded = load(scenario('{ method: trace, file: data/forecast.csv, bias: 1.5, noise: 0.1 }'), { file: 'scenarios/plant.yaml', readFile: fs.readFile });
    expect(fs.read).toEqual(['scenarios/data/forecast.csv']);
    const { widget } = buildStrategy(loaded, 'base').plant.forecasts;
    expect(widget).toMatchObject({ method: 'trace', values: [5, 10, 15, 8], bias: 1.5, noise: 0.1 });
    expect(widget).not.toHaveProperty('file');
    // Plain data: the scenario crosses to Web Workers by structured clone unchanged.
    expect(structuredClone(loaded)).toEqual(loaded);
  });

  it('is judged bucket by bucket: bias and MAPE by hand over buckets 1 to 4', () => {
    // D = 12 in every judged bucket; F = 10, 15, 8, 8: errors 2, −3, 4, 4.
    const widget = runExperiment(load(scenario(), withFile(FORECAST))).strategies[0].items.widget;
    expect(widget.forecastBias.mean).toBeCloseTo(7 / 4, 12);
    expect(widget.forecastMAPE.mean).toBeCloseTo((2 + 3 + 4 + 4) / 12 / 4, 12);
    expect(widget.forecastBias.sd).toBe(0);
  });

  it('takes the bias lever on its values', () => {
    // F = 15, 22.5, 12, 12 against D = 12: errors −3, −10.5, 0, 0.
    const text = scenario('{ method: trace, file: data/forecast.csv, bias: 1.5 }');
    const widget = runExperiment(load(text, withFile(FORECAST))).strategies[0].items.widget;
    expect(widget.forecastBias.mean).toBeCloseTo(-13.5 / 4, 12);
    expect(widget.forecastMAPE.mean).toBeCloseTo(13.5 / 12 / 4, 12);
  });

  it('is forgiving of a BOM, CRLF, blank lines, spaces and the header in capitals', () => {
    expect(parseForecastTrace('\uFEFFBucket , Forecast\r\n 0 , 1.5 \r\n\r\n1,0\r\n\n', 'f.csv')).toEqual({ value: [1.5, 0], problems: [] });
  });

  it('is read once however many strategies use it, and parsed once for every load that shares a cache', () => {
    const text = `${scenario()}strategies:\n  A: {}\n  B: { forecasts: { widget: { method: trace, file: data/forecast.csv, bias: 2 } } }\n`;
    const fs = files({ 'data/forecast.csv': FORECAST });
    const traceCache: TraceCache = new Map();
    const loaded = load(text, { readFile: fs.readFile, traceCache });
    load(text, { readFile: fs.readFile, traceCache, overrides: { 'time.horizon': 8 } });
    expect(fs.read).toEqual(['data/forecast.csv']);
    expect(buildStrategy(loaded, 'B').plant.forecasts.widget).toMatchObject({ values: [5, 10, 15, 8], bias: 2 });
  });

  it('named also as a demand trace is parsed in each format, so one of them is reported', () => {
    const text = scenario().replace('every: 0.5, quantity: 3', 'trace: data/forecast.csv');
    const { readFile } = withFile('time,quantity\n1,12\n3,12\n');
    expect(problems(text, { readFile, traceCache: new Map() })).toEqual([
      'data/forecast.csv:1: expected a CSV with a header row bucket,forecast, got a first line that is not that header (not shown)',
    ]);
  });
});

describe('a bad forecast file is one problem naming the file and line', () => {
  const bad = (text: string) => problems(scenario(), withFile(text));

  it('a missing file', () => {
    expect(problems(scenario(), { readFile: files({}).readFile })).toEqual([
      "x.yaml: forecasts.widget.file: cannot read data/forecast.csv: ENOENT: no such file, open 'data/forecast.csv'",
    ]);
  });

  it('no file reader', () => {
    expect(problems(scenario())).toEqual([
      'x.yaml: forecasts.widget.file: cannot read data/forecast.csv: CSV traces need a file reader (pass readFile to loadScenario)',
    ]);
  });

  it('a wrong header, none of the content shown', () => {
    expect(bad('time,quantity\n0,5\n')).toEqual([
      'data/forecast.csv:1: expected a CSV with a header row bucket,forecast, got a first line that is not that header (not shown)',
    ]);
  });

  it('a row that is not two numbers', () => {
    expect(bad('bucket,forecast\n0,5\n1,lots\n2,7\n')).toEqual(['data/forecast.csv:3: expected bucket,forecast numbers, got "1,lots"']);
  });

  it('a negative forecast', () => {
    expect(bad('bucket,forecast\n0,5\n1,-2\n2,7\n')).toEqual(['data/forecast.csv:3: expected a forecast from 0 to 1e12, got -2']);
  });

  it('a bucket left out', () => {
    expect(bad('bucket,forecast\n0,5\n1,6\n3,7\n4,7\n')).toEqual([
      'data/forecast.csv:4: expected bucket 2 next (a row for every bucket from 0, none left out), got 3',
    ]);
  });

  it('buckets out of order or twice', () => {
    expect(bad('bucket,forecast\n0,5\n1,6\n2,7\n1,7\n')).toEqual([
      'data/forecast.csv:5: expected buckets in ascending order, each once (bucket 3 next), got 1',
    ]);
    expect(bad('bucket,forecast\n0,5\n0,6\n1,7\n')).toEqual(['data/forecast.csv:3: expected buckets in ascending order, each once (bucket 1 next), got 0']);
  });

  it('a bucket that is no whole number', () => {
    expect(bad('bucket,forecast\n0,5\n1.5,6\n2,7\n')).toEqual(['data/forecast.csv:3: expected a bucket that is a whole number >= 0, got 1.5']);
  });

  it('a header without rows', () => {
    expect(bad('bucket,forecast\n\n')).toEqual(['data/forecast.csv:1: expected rows after the header bucket,forecast, the first for bucket 0, got none']);
  });

  it('gives the editor the CSV file and line, and the scenario path of the file', () => {
    expect(errorOf(scenario(), withFile('bucket,forecast\n0,-1\n')).issues).toEqual([
      {
        file: 'data/forecast.csv',
        path: 'forecasts.widget.file',
        line: 2,
        message: 'data/forecast.csv:2: expected a forecast from 0 to 1e12, got -1',
        text: 'expected a forecast from 0 to 1e12, got -1',
      },
    ]);
  });

  it('is named under the strategy whose patch names it', () => {
    const text = `${scenario('{ method: naive }')}strategies:\n  Own: { forecasts: { widget: { method: trace, file: data/forecast.csv } } }\n`;
    expect(problems(text, { readFile: files({}).readFile })).toEqual([
      "x.yaml: strategies.Own.forecasts.widget.file: cannot read data/forecast.csv: ENOENT: no such file, open 'data/forecast.csv'",
    ]);
  });

  it('an empty file name is refused by the schema', () => {
    expect(problems(scenario("{ method: trace, file: '' }"))).toEqual([expect.stringMatching(/^x\.yaml: forecasts\.widget\.file: /)]);
  });
});
