import { leversOf, type Challenge, type Lever, type Scenario } from '../../sim/index.js';

/** One slider: a lever of the scenario (sim/scenario/levers.ts computes them and their valid ranges). */
export type SliderDef = Lever;

/**
 * The sliders of a scenario, with the ranges of `previous` kept (narrowed to what the scenario
 * accepts now), so that a range never jumps under a moving thumb. A challenge's levers all get a
 * slider (one the page would not show gets one from its value), with room to reach far from where
 * the file starts: the winning setting is often three times the start or more.
 */
export function slidersFor(scenario: Scenario, previous: readonly SliderDef[] = []): SliderDef[] {
  const ranges = new Map(previous.map((s) => [s.path, s]));
  const challenge = scenario.challenge;
  if (challenge === null) return leversOf(scenario, ranges);
  const first = leversOf(scenario, ranges);
  const levers = new Set(challenge.levers.map(pathKey));
  const fresh = first.filter((s) => levers.has(pathKey(s.path)) && !ranges.has(s.path));
  // Again with the challenge's levers widened (and still narrowed to the values the scenario accepts).
  const sliders =
    fresh.length === 0 ? first : leversOf(scenario, new Map([...ranges, ...fresh.map((s) => [s.path, wideRange(s.value, s.step === 1)] as const)]));
  const shown = new Set(sliders.map((s) => pathKey(s.path)));
  const extra = challenge.levers.filter((path) => !shown.has(pathKey(path))).flatMap((path) => extraSlider(scenario, challenge, path, ranges.get(path)));
  return [...sliders, ...extra];
}

/** A path as `sawtooth grade` compares them: `demand[0].every` and `demand.0.every` are the same. */
export function pathKey(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Whether a slider is locked: in challenge mode (`levers` given) everything but the challenge's
 * levers is, the replications too (a submission is graded on the file's own replications).
 */
export function isLocked(path: string, levers: readonly string[] | null): boolean {
  if (levers === null) return false;
  const key = pathKey(path);
  return !levers.some((lever) => pathKey(lever) === key);
}

/** A range from 0 (or one step) to about ten times the value, in whole steps for counts, in a thousand steps otherwise. */
export function wideRange(value: number, whole: boolean): Pick<Lever, 'min' | 'max' | 'step'> {
  const top = Math.max(whole ? 10 : 1, Math.abs(value) * 10);
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const max = Math.ceil(top / magnitude) * magnitude;
  if (whole) return { min: 0, max, step: 1 };
  const step = Number((max / 1000).toPrecision(1));
  return { min: step, max, step };
}

/**
 * A slider for a challenge lever the page has none for (`items.widget.initial`): its value as the
 * challenge's strategy runs it, a range from it. Its values are not checked in advance; a value the
 * scenario refuses shows the loader's problem like any other. None when the value is not a number.
 */
function extraSlider(scenario: Scenario, challenge: Challenge, path: string, previous: Pick<Lever, 'min' | 'max' | 'step'> | undefined): SliderDef[] {
  const parts = pathKey(path).split('.');
  const strategy = parts[0] === 'strategies' ? parts[1] : challenge.strategy;
  const inDocument = parts[0] === 'strategies' ? parts.slice(2) : parts;
  const compiled = Object.hasOwn(scenario.compiled, strategy) ? scenario.compiled[strategy] : undefined;
  const value = inDocument.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    compiled?.document,
  );
  if (typeof value !== 'number' || !Number.isFinite(value)) return [];
  const range = previous ?? wideRange(value, Number.isInteger(value));
  const label = inDocument.filter((p) => !/^\d+$/.test(p) && p !== 'items' && p !== 'machines' && p !== 'policy').join(' ');
  return [{ path, label, strategies: [strategy], value, min: Math.min(range.min, value), max: Math.max(range.max, value), step: range.step }];
}
