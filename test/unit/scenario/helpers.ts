import { readFileSync } from 'node:fs';
import { ScenarioError, loadScenario, type LoadOptions, type Scenario } from '../../../sim/scenario/index.js';

/** A fixture file's text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** The DESIGN.md example scenario, copied verbatim. */
export const designExample = (): string => fixture('design-example.yaml');

/** A small valid plant to break in tests: steel is bought, widgets are made from 2 steel each. */
export const PLANT = `name: Small plant
time: { horizon: 100 }
machines:
  press: {}
items:
  steel:
    holdingCost: 0.01
    buy: { leadTime: 5, orderCost: 40 }
    policy: { type: sQ, reorderPoint: 10, quantity: 100 }
  widget:
    holdingCost: 0.5
    make: { machine: press, processTime: 0.02, setupCost: 100, bom: { steel: 2 } }
    policy: { type: sQ, reorderPoint: { serviceLevel: 0.9 }, quantity: eoq }
demand:
  - { item: widget, every: 1 }
`;

/** PLANT with one text replaced; fails loudly when the text is not there, so tests cannot go stale. */
export function plantWith(find: string, replace: string): string {
  if (!PLANT.includes(find)) throw new Error(`PLANT has no ${JSON.stringify(find)}`);
  return PLANT.replace(find, replace);
}

/** Loads a scenario as x.yaml unless told otherwise. */
export function load(text: string, options: Partial<LoadOptions> = {}): Scenario {
  return loadScenario(text, { file: 'x.yaml', ...options });
}

/** The error a load throws (fails the test when it loads). */
export function errorOf(text: string, options: Partial<LoadOptions> = {}): ScenarioError {
  try {
    load(text, options);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected the scenario to be rejected, but it loaded');
}

/** The problem lines of a scenario that fails to load. */
export function problems(text: string, options: Partial<LoadOptions> = {}): string[] {
  return errorOf(text, options).message.split('\n');
}
