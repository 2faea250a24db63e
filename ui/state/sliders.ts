import { leversOf, type Lever, type Scenario } from '../../sim/index.js';

/** One slider: a lever of the scenario (sim/scenario/levers.ts computes them and their valid ranges). */
export type SliderDef = Lever;

/**
 * The sliders of a scenario, with the ranges of `previous` kept (narrowed to what the scenario
 * accepts now), so that a range never jumps under a moving thumb.
 */
export function slidersFor(scenario: Scenario, previous: readonly SliderDef[] = []): SliderDef[] {
  return leversOf(scenario, new Map(previous.map((s) => [s.path, s])));
}
