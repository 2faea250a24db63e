// WIP as the README defines it, checked the way a reader can check it: Little's law per stage
// (an item's wip = the units it makes per time unit × their flow time) and overall (the plant's
// wip = every stage's wip + intermediate stock on hand).
import { describe, expect, it } from 'vitest';
import { simulatePlant } from '../../../sim/model/index.js';
import { buildStrategy, loadScenario } from '../../../sim/scenario/index.js';

// A two-stage make-to-order line: each customer order releases a product order; its unit takes a
// component as it starts, which releases a component order on another machine.
const line = `
name: two-stage make-to-order line
time: { unit: hour, horizon: 200000, warmup: 2000 }
machines: { fab: {}, assembly: {} }
items:
  component:
    make: { machine: fab, processTime: { exponential: { mean: 0.5 } } }
    policy: { type: makeToOrder }
  product:
    make: { machine: assembly, processTime: { exponential: { mean: 0.6 } }, bom: { component: 1 } }
    policy: { type: makeToOrder }
demand:
  - item: product
    interarrival: { exponential: { mean: 1.5 } }
`;

describe("WIP and Little's law on a two-stage make-to-order line", () => {
  const plant = buildStrategy(loadScenario(line, { file: 'line.yaml' }), 'base').plant;
  const result = simulatePlant(plant, { seed: 5 });
  const window = 200000 - 2000;

  it("holds Little's law at each stage: wip = units made per hour × flow time", () => {
    for (const name of ['component', 'product']) {
      const item = result.items[name];
      const made = result.counts.items[name].unitsMade / window;
      expect(item.wip / (made * item.flowTime)).toBeCloseTo(1, 2);
    }
  });

  it('counts a product waiting for its component at both stages, so overall wip is the sum of the stages', () => {
    const stages = result.items.component.wip + result.items.product.wip;
    // No intermediate stock is kept (make-to-order), so nothing else adds to WIP.
    expect(result.items.component.avgOnHand).toBe(0);
    expect(result.kpis.wip).toBeCloseTo(stages, 9);
    // The product's flow time includes the component's making: it exceeds the customers' λ·W only by
    // the component stage's WIP, which is the 1.24 a reader found when dividing by λ·W alone.
    const lambda = result.counts.customers / window;
    expect(result.items.product.wip / (lambda * result.kpis.avgCustomerWait)).toBeCloseTo(1, 2);
  });
});
