// Parameter checks shared by the planning kernels: each throws a RangeError naming the kernel,
// the parameter and what it must be (the schema checks scenario files first; these guard callers).

export interface ParameterChecks {
  finite(parameter: string, value: number): number;
  nonNegative(parameter: string, value: number): number;
  positive(parameter: string, value: number): number;
  /** A whole number >= 0. */
  wholeNumber(parameter: string, value: number): number;
  /** A whole number >= 1. */
  positiveInteger(parameter: string, value: number): number;
}

/** The checks of one kernel, whose messages start with `kernel: `. */
export function parameterChecks(kernel: string): ParameterChecks {
  const check = (ok: boolean, parameter: string, expected: string, value: number): number => {
    if (!ok) throw new RangeError(`${kernel}: ${parameter} must be ${expected}, got ${value}`);
    return value;
  };
  return {
    finite: (parameter, value) => check(Number.isFinite(value), parameter, 'a finite number', value),
    nonNegative: (parameter, value) => check(Number.isFinite(value) && value >= 0, parameter, 'a finite number >= 0', value),
    positive: (parameter, value) => check(Number.isFinite(value) && value > 0, parameter, 'a finite number > 0', value),
    wholeNumber: (parameter, value) => check(Number.isInteger(value) && value >= 0, parameter, 'an integer >= 0', value),
    positiveInteger: (parameter, value) => check(Number.isInteger(value) && value >= 1, parameter, 'an integer >= 1', value),
  };
}
