import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

// `sawtooth optimize` through the command line: INV-07's base stock (optimum S = 19; the cheapest
// level with a fill rate of 75% or more is S = 22, see test/unit/experiment/optimize.test.ts).
const file = 'test/validation/scenarios/inv-07-base-stock-poisson.yaml';
const grid = ['--vary', 'items.part.policy.level=14:24:1', '--horizon', '1000', '--seed', '3', '--workers', '1'];

describe('sawtooth optimize', () => {
  it('prints the best cell, its guarantee and the replications spent against a fixed sweep', async () => {
    const { code, out, err } = await cli('optimize', file, ...grid, '--delta', '9900', '--subject-to', 'part.fillRate>=0.75', '--quiet');
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Optimize S19: lowest totalCost, subject to part.fillRate>=0.75, over 11 cells');
    expect(lines[1]).toMatch(/^ {2}Best: items\.part\.policy\.level = 22, with totalCost [\d,]+ ± [\d,]+, part\.fillRate 79\.\d% ± 0\.\d%\.$/);
    expect(lines[2]).toBe(
      '  With probability at least 95%, its expected totalCost is within 9,900 of the best among the cells that meet the constraints (each within its tolerance).',
    );
    expect(lines[3]).toMatch(
      /^ {2}Replications: \d+ in all, against about [\d,]+ for a fixed sweep of the grid with the same guarantee \([\d.]+× as many\)\.$/,
    );
    expect(out).toMatch(/infeasible \(part\.fillRate>=0\.75\)/);
  });

  it('prints the design JSON object: objective, best {values, kpis}, guarantee, replications, cells', async () => {
    const { code, out } = await cli('optimize', file, ...grid, '--delta', '9900', '--json', '--quiet');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual([
      'objective',
      'goal',
      'strategy',
      'constraints',
      'best',
      'guarantee',
      'replications',
      'fixedReplications',
      'search',
      'cells',
    ]);
    expect(result.search).toBeNull();
    expect(result.objective).toBe('totalCost');
    expect(Object.keys(result.best)).toEqual(['values', 'kpis']);
    expect([18, 19]).toContain(result.best.values['items.part.policy.level']);
    expect(result.guarantee).toEqual({ delta: 9900, confidence: 0.95, met: true });
    expect(result.cells).toHaveLength(11);
    expect(result.replications).toBe(result.cells.reduce((sum: number, c: { replications: number }) => sum + c.replications, 0));
    // Deterministic: the same command, the same bytes.
    expect((await cli('optimize', file, ...grid, '--delta', '9900', '--json', '--quiet')).out).toBe(out);
  });

  it('says when no cell meets the constraints', async () => {
    const { code, out } = await cli('optimize', file, ...grid, '--delta', '9900', '--subject-to', 'part.fillRate>=0.99', '--quiet');
    expect(code).toBe(0);
    expect(out).toContain('No cell meets the constraint part.fillRate>=0.99: every one was found infeasible.');
  });

  it('refuses what it cannot honour, one line each, exit 2', async () => {
    const refused = async (args: string[], message: string | RegExp): Promise<void> => {
      const { code, out, err } = await cli('optimize', file, ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(message);
    };
    await refused(grid, /^--delta: required/);
    await refused([...grid, '--delta', '0'], /--delta: expected a number > 0, got 0/);
    await refused([...grid, '--delta', '10', '--subject-to', 'fill rate high'], /--subject-to: expected KPI>=VALUE or KPI<=VALUE/);
    await refused([...grid, '--delta', '10', '--objective', 'happiness'], /--objective: unknown KPI 'happiness'/);
    await refused([...grid, '--delta', '10', '--subject-to', 'part.joy>=1'], /--subject-to: unknown KPI 'part\.joy'/);
    await refused([...grid, '--delta', '10', '--confidence', '1.5'], /--confidence: expected a number between 0\.5 and 0\.999, got 1\.5/);
    await refused([...grid, '--delta', '10', '--reps', '30'], /optimize decides the replications; use --initial and --max-reps/);
    await refused([...grid, '--delta', '10', '--initial', '2'], /--initial: expected a whole number >= 3, got 2/);
    await refused(['--delta', '10'], /expected at least one --vary/);
  });

  it('has help with an example', async () => {
    const { code, out } = await cli('optimize', '--help');
    expect(code).toBe(0);
    expect(out).toContain('sawtooth optimize FILE --vary');
    expect(out).toContain('Kim & Nelson');
  });
});
