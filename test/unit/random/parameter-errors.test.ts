import { describe, expect, it } from 'vitest';
import { DistributionParameterError, constant, discrete, empirical, exponential, normal, triangular, uniform } from '../../../sim/random/index.js';

/** The error make() throws, checked to be a DistributionParameterError (and so a RangeError). */
function thrownBy(make: () => unknown): DistributionParameterError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(DistributionParameterError);
    expect(error).toBeInstanceOf(RangeError);
    return error as DistributionParameterError;
  }
  throw new Error('expected the factory to throw');
}

/** The fields of a parameter error, as one object to compare. */
const fieldsOf = (error: DistributionParameterError) => ({
  family: error.family,
  parameter: error.parameter,
  index: error.index,
  expected: error.expected,
  got: error.got,
  shown: error.shown,
});

describe('a distribution parameter out of range', () => {
  it('is a DistributionParameterError with the fields of its message: uniform max below min', () => {
    const error = thrownBy(() => uniform(3, 1));
    expect(fieldsOf(error)).toEqual({ family: 'uniform', parameter: 'max', index: [], expected: 'a finite number >= min (3)', got: 1, shown: '1' });
    expect(error.message).toBe('uniform: max must be a finite number >= min (3), got 1');
    expect(error.name).toBe('DistributionParameterError');
  });

  it('names the parameter a triangular mode outside [min, max] breaks', () => {
    const error = thrownBy(() => triangular(1, 6, 5));
    expect(fieldsOf(error)).toEqual({
      family: 'triangular',
      parameter: 'mode',
      index: [],
      expected: 'a finite number between min (1) and max (5)',
      got: 6,
      shown: '6',
    });
    expect(error.message).toBe('triangular: mode must be a finite number between min (1) and max (5), got 6');
  });

  it('gives the index of a bad list entry as a number, not inside the parameter name: empirical values[2]', () => {
    const error = thrownBy(() => empirical([1, 2, -3]));
    expect(fieldsOf(error)).toEqual({ family: 'empirical', parameter: 'values', index: [2], expected: 'a finite number >= 0', got: -3, shown: '-3' });
    expect(error.message).toBe('empirical: values[2] must be a finite number >= 0, got -3');
    expect(fieldsOf(thrownBy(() => discrete([1, 2], [1, Number.NaN])))).toMatchObject({ family: 'discrete', parameter: 'weights', index: [1], shown: 'NaN' });
  });

  it('names normal sd below 0, and a non-finite mean', () => {
    expect(fieldsOf(thrownBy(() => normal(1, -1)))).toEqual({
      family: 'normal',
      parameter: 'sd',
      index: [],
      expected: 'a finite number >= 0',
      got: -1,
      shown: '-1',
    });
    expect(fieldsOf(thrownBy(() => normal(Infinity, 1)))).toMatchObject({ parameter: 'mean', expected: 'a finite number', got: Infinity });
  });

  it('keeps a whole list as the value given, shown as the message shows it', () => {
    const error = thrownBy(() => discrete([1, 2], [1]));
    expect(fieldsOf(error)).toEqual({
      family: 'discrete',
      parameter: 'weights',
      index: [],
      expected: 'an array as long as values (2)',
      got: [1],
      shown: '[1]',
    });
    expect(error.message).toBe('discrete: weights must be an array as long as values (2), got [1]');
    expect(fieldsOf(thrownBy(() => empirical([])))).toMatchObject({ parameter: 'values', index: [], got: [], shown: '[]' });
  });

  it('covers the one-parameter families too', () => {
    expect(fieldsOf(thrownBy(() => exponential(-2)))).toMatchObject({ family: 'exponential', parameter: 'mean', expected: 'a finite number > 0', got: -2 });
    expect(fieldsOf(thrownBy(() => constant(-1)))).toMatchObject({ family: 'constant', parameter: 'value', expected: 'a finite number >= 0', got: -1 });
  });
});
