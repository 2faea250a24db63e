/** The scenario's families that can be fitted to data, in the order ties are broken. */
export const FAMILIES = ['exponential', 'gamma', 'lognormal', 'normal', 'triangular', 'uniform', 'poisson'] as const;

export type Family = (typeof FAMILIES)[number];

/** A family with parameters estimated from a sample. */
export interface Fitted {
  readonly family: Family;
  /** The parameters as a scenario writes the family: `{ mean, sd }` for gamma, `{ min, mode, max }` for triangular, … */
  readonly parameters: Readonly<Record<string, number>>;
  /** How many parameters were estimated from the data (the penalty in AIC). */
  readonly estimated: number;
  /** ln f(x): the density at x, or for poisson the probability of x. */
  logDensity(x: number): number;
  /** P(X <= x). */
  cdf(x: number): number;
}
