import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../sim/model/index.js';
import { buildStrategy, loadScenario } from '../../../sim/scenario/index.js';

// A component made to order on the machine that makes its parent: the parent's unit asks for the
// component as it starts, and the component's order is released onto the same machine.
const plant = (servers: number) =>
  buildStrategy(
    loadScenario(
      `
name: shared machine
time: { unit: hour, horizon: 1000, warmup: 100 }
machines: { cell: { servers: ${servers} } }
items:
  part: { make: { machine: cell, processTime: 0.2 }, policy: { type: makeToOrder } }
  product: { make: { machine: cell, processTime: 0.3, bom: { part: 1 } }, policy: { type: makeToOrder } }
demand: [ { item: product, every: 1 } ]
`,
      { file: 'shared.yaml' },
    ),
    'base',
  ).plant;

describe('a make-to-order component made on its parent’s machine', () => {
  it('is made by another server while the parent’s unit waits, starved', () => {
    const result = simulatePlant(plant(2), { seed: 1 });
    expect(result.kpis.throughput).toBeCloseTo(1, 2);
    // Each product unit holds a server 0.2 starved + 0.3 busy, the part's 0.2 busy on the other.
    expect(result.machines.cell.starvedShare).toBeCloseTo(0.1, 2);
    expect(result.machines.cell.utilization).toBeCloseTo(0.25, 2);
  });

  it('deadlocks with one server: the unit holds the only server the component needs', () => {
    const result = simulatePlant(plant(1), { seed: 1 });
    expect(result.kpis.throughput).toBe(0);
    expect(result.machines.cell.starvedShare).toBe(1);
  });
});
