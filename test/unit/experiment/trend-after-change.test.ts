// The trend check starts after the last planned rate change: a level that moves to a new rate is
// not a growth; one that keeps growing after the change is (an overload the change brings).
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../sim/experiment/index.js';
import { loadScenario } from '../../../sim/scenario/index.js';

const plant = (factor: number, policy: string) => `name: step
time: { horizon: 400, warmup: 20 }
run: { replications: 5, seed: 3 }
machines: { cell: {} }
items:
  valve:
    holdingCost: 0.1
    backorderCost: 1
    initial: 100
    make: { machine: cell, processTime: 0.01 }
    policy: ${policy}
demand:
  - item: valve
    interarrival: { exponential: { mean: 0.025 } }
    changes: [{ at: 150, factor: ${factor} }]
`;

const codes = (text: string): string[] => runExperiment(loadScenario(text, { file: 's.yaml' })).warnings.map((w) => w.code);

describe('the trend check with planned rate changes', () => {
  it('says nothing of a buffer that resizes itself to the new rate', () => {
    const ddmrp = '{ type: ddmrp, adu: { window: 14 }, leadTime: 2, leadTimeFactor: 0.5, variabilityFactor: 0.5, orderCycle: 3 }';
    expect(codes(plant(1.5, ddmrp))).not.toContain('growing-wip');
  });

  it('still warns of a backlog that grows after the change: 40 a day become 120 against a capacity of 100', () => {
    expect(codes(plant(3, '{ type: makeToOrder }'))).toEqual(expect.arrayContaining(['growing-backlog']));
  });
});
