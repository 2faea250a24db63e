import { readFileSync, statSync } from 'node:fs';
import { ScenarioError } from '../../scenario/index.js';
import { toIssues } from '../../scenario/errors.js';
import { GAP_UNITS, readFitInput, type FitRequest, type GapUnit } from '../../scenario/fit-input.js';
import { MIN_VALUES, fitDistributions } from '../../stats/fit/index.js';
import { parseCommand } from '../args.js';
import { fitJson, fitText, type FitOutcome, type FitSubject } from '../format/fit-report.js';
import { type Io } from '../io.js';
import { DEFAULT_MAX_TRACE_MB } from '../limits.js';
import { FIT_HELP, UsageError, escapeControls, msg } from '../messages.js';

const OPTIONS = {
  column: { type: 'string' },
  interarrival: { type: 'boolean' },
  time: { type: 'string' },
  unit: { type: 'string' },
  item: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `sawtooth fit DATA.csv --column C` or `--interarrival --time C`: the scenario's families fitted to data, ranked, the best as YAML. */
export async function fitCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('fit', args, OPTIONS);
  if (values.help === true) {
    io.out(FIT_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(msg.fitMissingFile());
  if (positionals.length > 1) throw new UsageError(msg.extraArguments('fit', positionals.slice(1)));
  const file = positionals[0];
  const request = requestOf(values);
  const { value, problems } = readFitInput(readData(file), file, request);
  if (problems.length > 0) throw new ScenarioError(toIssues(problems, file, () => undefined));
  if (request.kind === 'interarrival' && values.unit !== undefined && value.times === 'numbers')
    io.err(`${escapeControls(msg.fitUnitOfNumbers(request.unit))}\n`);
  const outcomes: FitOutcome[] = value.series.map(({ item, values: data }) => ({
    item,
    n: data.length,
    report: data.length >= MIN_VALUES ? fitDistributions(data) : null,
  }));
  const what = request.kind === 'column' ? 'values' : 'gaps';
  if (outcomes.every((o) => o.report === null))
    throw new UsageError(msg.fitTooFew(file, what, request.item, Math.max(...outcomes.map((o) => o.n)), MIN_VALUES));
  const subject: FitSubject = {
    file,
    field: request.kind === 'column' ? 'quantity' : 'interarrival',
    column: request.kind === 'column' ? request.column : request.time,
    item: request.item,
    unit: request.kind === 'column' ? null : request.unit,
    times: value.times,
  };
  io.out(values.json === true ? fitJson(subject, outcomes) : fitText(subject, outcomes));
  return 0;
}

function requestOf(values: { column?: string; interarrival?: boolean; time?: string; unit?: string; item?: string }): FitRequest {
  const item = values.item ?? null;
  if (values.column !== undefined && values.interarrival === true) throw new UsageError(msg.fitBoth());
  if (values.interarrival !== true) {
    if (values.time !== undefined) throw new UsageError(msg.fitTimeAlone('--time'));
    if (values.unit !== undefined) throw new UsageError(msg.fitTimeAlone('--unit'));
    if (values.column === undefined) throw new UsageError(msg.fitNothing());
    return { kind: 'column', column: values.column, item };
  }
  if (values.time === undefined) throw new UsageError(msg.fitNoTime());
  const unit = (values.unit ?? 'day').toLowerCase().replace(/s$/, '');
  if (!Object.hasOwn(GAP_UNITS, unit)) throw new UsageError(msg.fitBadUnit(values.unit ?? '', Object.keys(GAP_UNITS)));
  return { kind: 'interarrival', time: values.time, item, unit: unit as GapUnit };
}

// A pipe or a device named as the data would hang or fill memory: regular files only, bounded as traces are.
function readData(file: string): string {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new UsageError(msg.unreadable(file, 'not a regular file'));
    const max = DEFAULT_MAX_TRACE_MB * 2 ** 20;
    if (stats.size > max) throw new UsageError(msg.unreadable(file, `${stats.size} bytes, more than the ${DEFAULT_MAX_TRACE_MB} MB a data file may have`));
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(msg.unreadable(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}
