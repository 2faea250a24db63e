// `sawtooth run` and `sawtooth sweep` on a scenario whose forecast is a planner's own, read from a
// CSV file beside it: read under the same rules as demand traces, and handed to worker threads.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

// Bucket k is [2k, 2k + 2): 12 units of demand in each judged bucket 1 to 4, forecast 10, 15, 8
// and (the last row holding) 8.
const SCENARIO = (file: string) => `name: Forecast trace
time: { horizon: 10, warmup: 2 }
run: { replications: 2 }
planning: { bucket: 2 }
items:
  widget: { holdingCost: 1, initial: 1000 }
demand:
  - { item: widget, every: 0.5, quantity: 3 }
forecasts:
  widget: { method: trace, file: ${file} }
`;

describe('a forecast trace on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sawtooth-forecast-'));
  const file = join(dir, 'plan.yaml');
  writeFileSync(file, SCENARIO('forecast.csv'));
  writeFileSync(join(dir, 'forecast.csv'), 'bucket,forecast\n0,5\n1,10\n2,15\n3,8\n');

  it('runs, judged by hand: bias (2 − 3 + 4 + 4)/4, MAPE (2 + 3 + 4 + 4)/12/4', async () => {
    const { code, out, err } = await cli('run', file, '--json', '--quiet');
    expect(code, err).toBe(0);
    const widget = JSON.parse(out).strategies[0].items.widget;
    expect(widget.forecastBias.mean).toBeCloseTo(7 / 4, 12);
    expect(widget.forecastMAPE.mean).toBeCloseTo(13 / 48, 12);
  });

  it('sweeps its bias lever on worker threads as in one thread', async () => {
    const args = ['sweep', file, '--vary', 'forecasts.widget.bias=1,1.5', '--kpi', 'widget.forecastMAPE', '--json', '--quiet'];
    const parallel = await cli(...args, '--workers', '2');
    expect(parallel.code, parallel.err).toBe(0);
    expect(JSON.parse(parallel.out)).toEqual(JSON.parse((await cli(...args, '--workers', '1')).out));
    const mape = Object.fromEntries(JSON.parse(parallel.out).cells.map((c: any) => [c.values['forecasts.widget.bias'], c.kpis['widget.forecastMAPE'].mean]));
    // Bias 1.5: forecasts 15, 22.5, 12, 12 against 12.
    expect(mape[1]).toBeCloseTo(13 / 48, 12);
    expect(mape[1.5]).toBeCloseTo(13.5 / 48, 12);
  });

  it('is refused outside the scenario folder, named by its path in the scenario', async () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(join(sub, 'plan.yaml'), SCENARIO('../forecast.csv'));
    const { code, err } = await cli('run', join(sub, 'plan.yaml'));
    expect(code).toBe(2);
    expect(err).toContain('forecasts.widget.file: cannot read');
    expect(err).toContain('allow another folder with --allow-path DIR');
  });
});
