import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resultRows, runExperiment } from '../../../sim/experiment/index.js';
import { KPI_CATALOGUE } from '../../../sim/model/index.js';
import { kpiRows } from '../../../sim/report/index.js';
import { loadScenario } from '../../../sim/scenario/index.js';

const file = 'scenarios/jit-eoq-batch.yaml';
const result = runExperiment(loadScenario(readFileSync(file, 'utf8'), { file }), { replications: 2 });

describe('the rows of every KPI table', () => {
  it('are the flat rows pivoted: a cell per strategy with that strategy’s summary', () => {
    const flat = resultRows(result);
    expect(flat).toHaveLength(result.strategies.length * (4 + 26 * 2 + 10));
    for (const row of kpiRows(result, 'all')) {
      row.cells.forEach((cell, i) => {
        const match = flat.find((r) => r.strategy === result.strategies[i].name && r.scope === row.scope && r.entity === row.entity && r.kpi === row.kpi)!;
        expect(cell.summary).toEqual({ mean: match.mean, sd: match.sd, ci95: match.ci95, n: match.n });
      });
    }
  });

  it('headline: overall KPIs with capitals, each item’s headline KPIs after its name, labels from the catalogue', () => {
    const labels = kpiRows(result, 'headline').map((r) => r.label);
    expect(labels.slice(0, 4)).toEqual(['Total cost', 'Throughput', 'WIP', 'Customer wait']);
    expect(labels).toContain('widget fill rate');
    expect(labels).toContain('widget flow time');
    // steel is bought: no WIP or flow time row of zeros.
    expect(labels).not.toContain('steel WIP');
    expect(labels).not.toContain('press utilization');
  });

  it('all: every KPI the catalogue has, machines too, rows of zeros left out except fill rate and utilization', () => {
    const rows = kpiRows(result, 'all');
    expect(rows.some((r) => r.key === 'press.utilization')).toBe(true);
    for (const row of rows) expect(KPI_CATALOGUE.some((k) => k.scope === row.scope && k.key === row.kpi)).toBe(true);
    for (const row of rows.filter((r) => r.kpi !== 'fillRate' && r.kpi !== 'utilization')) expect(row.cells.some((c) => c.summary.mean !== 0)).toBe(true);
    expect(rows.some((r) => r.kpi.startsWith('forecast'))).toBe(false);
  });

  it('mark a cell a warning puts in doubt, for the strategies it names', () => {
    const warned = { ...result, warnings: [{ code: 'growing-wip', path: 'items.widget', strategies: ['JIT'], message: 'grows', kpis: ['widget.wip'] }] };
    const wip = kpiRows(warned, 'headline').find((r) => r.key === 'widget.wip')!;
    expect(wip.cells.map((c) => c.doubted)).toEqual(result.strategies.map((s) => s.name === 'JIT'));
  });
});

describe('the forecast rows', () => {
  it('show in the headline table for an item with a forecast, with the catalogue labels', () => {
    const text = `name: F
time: { horizon: 60 }
run: { replications: 2 }
planning: { bucket: 5 }
items:
  part: { holdingCost: 1, initial: 1000 }
demand:
  - { item: part, interarrival: { exponential: { mean: 0.5 } } }
forecasts:
  part: { method: exponentialSmoothing, alpha: 0.3 }
`;
    const labels = kpiRows(runExperiment(loadScenario(text, { file: 'f.yaml' })), 'headline').map((r) => r.label);
    expect(labels).toEqual(expect.arrayContaining(['part forecast bias', 'part forecast MAPE']));
  });
});
