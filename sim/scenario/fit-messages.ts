// The messages of reading data for `sawtooth fit` (fit-input.ts), one line each as in messages.ts:
//   <csv file>:<line>: expected <what>, got <what was found>
// Values from the rows are not quoted (a file may be private); the header's names are.
import { expectedRaw } from './messages.js';

const names = (columns: readonly string[]): string => columns.map((c) => JSON.stringify(c)).join(', ');

export const FIT_MSG = {
  columns: (missing: readonly string[], header: readonly string[]) =>
    expectedRaw(
      `a header row naming the column${missing.length === 1 ? '' : 's'} ${names(missing)}`,
      header.length === 0 || (header.length === 1 && header[0] === '')
        ? 'an empty first line'
        : `the columns ${names(header.slice(0, 12))}${header.length > 12 ? ', …' : ''}`,
    ),
  noRows: () => expectedRaw('rows of data after the header row', 'none'),
  valueMissing: (column: string) => expectedRaw(`a number in the ${column} column`, 'nothing'),
  valueText: (column: string) => expectedRaw(`a number in the ${column} column`, 'something else'),
  valueNegative: (column: string) => expectedRaw(`a number >= 0 in the ${column} column (a scenario draws no negative values)`, 'a negative number'),
  timeMissing: (column: string) => expectedRaw(`a time in the ${column} column`, 'nothing'),
  timeUnreadable: (column: string) => expectedRaw(`a number, a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM[:SS] in the ${column} column`, 'something else'),
  timeMixed: (column: string, first: 'number' | 'date', line: number) =>
    expectedRaw(`${first === 'number' ? 'a number' : 'a date'} in the ${column} column, as on line ${line}`, first === 'number' ? 'a date' : 'a number'),
  itemMissing: (column: string) => expectedRaw(`an item in the ${column} column`, 'nothing'),
  manyRows: (cause: string, count: number) => `${cause} — on this line and ${count - 1} more`,
};
