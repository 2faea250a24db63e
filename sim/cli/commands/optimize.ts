import { gridOf } from '../../experiment/index.js';
import { defaultTolerance, runOptimize, type Constraint } from '../../experiment/index.js';
import { COMMON_OPTIONS, checkOutFormat, commonOptions, parseCommand } from '../args.js';
import { chooseExecutor } from '../executor.js';
import { optimizeCsv, optimizeJson, optimizeMarkdown, optimizeText } from '../format/optimize-report.js';
import { checkAxes, checkGridKpi } from '../grid.js';
import { checkOut, emit, type Io } from '../io.js';
import { OPTIMIZE_HELP, UsageError, msg } from '../messages.js';
import { progressBar } from '../progress.js';
import { checkStrategies, readScenario } from '../scenario-file.js';
import { axesOf } from './sweep.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  vary: { type: 'string', multiple: true },
  objective: { type: 'string' },
  'subject-to': { type: 'string', multiple: true },
  delta: { type: 'string' },
  tolerance: { type: 'string' },
  confidence: { type: 'string' },
  initial: { type: 'string' },
  'max-reps': { type: 'string' },
} as const;

/** `sawtooth optimize FILE --vary … --delta D`: the best cell of a grid with a statistical guarantee. */
export async function optimizeCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand('optimize', args, OPTIONS);
  const options = commonOptions('optimize', parsed);
  if (options.help) {
    io.out(OPTIMIZE_HELP);
    return 0;
  }
  const values = parsed.values;
  if ((options.strategies?.length ?? 0) > 1) throw new UsageError(msg.oneOptimizeStrategy(options.strategies!));
  // --reps would fix what the procedure decides: refused, with what to use instead.
  if (options.replications !== undefined)
    throw new UsageError(msg.badOption('optimize', '--reps: optimize decides the replications; use --initial and --max-reps'));
  const axes = axesOf(values.vary ?? [], options);
  const cells = axes.reduce((n, axis) => n * axis.values.length, 1);
  if (cells > 10_000) throw new UsageError(msg.tooManyCells(cells));
  if (values.delta === undefined) throw new UsageError(msg.missingDelta());
  const delta = positive('delta', values.delta);
  const confidence = values.confidence === undefined ? 0.95 : Number(values.confidence);
  if (!(confidence >= 0.5 && confidence <= 0.999)) throw new UsageError(msg.badConfidence(values.confidence ?? ''));
  const initial = values.initial === undefined ? undefined : whole('initial', values.initial, 3);
  const maxReplications = values['max-reps'] === undefined ? undefined : whole('max-reps', values['max-reps'], initial ?? 10);
  const tolerance = values.tolerance === undefined ? undefined : positive('tolerance', values.tolerance);
  const objective = values.objective ?? 'totalCost';
  const constraints = (values['subject-to'] ?? []).map((text) => constraintOf(text, tolerance));
  for (const note of options.notes) io.err(`${note}\n`);

  const { scenario, source, reload } = readScenario(options.file, { ...options.overrides, ...gridOf(axes)[0] }, options.access);
  checkStrategies(scenario, options.strategies);
  checkGridKpi(scenario, objective, '--objective');
  for (const c of constraints) checkGridKpi(scenario, c.kpi, '--subject-to');
  const strategy = options.strategies?.[0] ?? scenario.strategies[0];
  checkAxes(scenario, axes, strategy);
  if (options.out !== null) {
    checkOut(options.out, [options.file, ...Object.keys(source.files)]);
    checkOutFormat(options.out, options.format);
  }
  const { execute, close } = chooseExecutor(options.workers);
  try {
    const bar = progressBar('cells still in contention', options.quiet);
    const result = await runOptimize(execute, { ...source, overrides: options.overrides }, reload, axes, objective, {
      strategy,
      seed: options.seed,
      delta,
      confidence,
      initial,
      maxReplications,
      constraints,
      onProgress: (_spent, contending) => bar(cells - contending, cells),
    });
    const text = { table: optimizeText, json: optimizeJson, csv: optimizeCsv, md: optimizeMarkdown }[options.format](result);
    emit(io, options.out, text);
  } finally {
    await close();
  }
  return 0;
}

/** `widget.fillRate>=0.95` → a constraint; its tolerance given, or half a point for a share, else 1% of the value. */
function constraintOf(text: string, tolerance: number | undefined): Constraint {
  const match = /^\s*([^<>=\s]+)\s*(>=|<=)\s*(-?[\d.]+(?:e-?\d+)?)\s*$/i.exec(text);
  if (!match || !Number.isFinite(Number(match[3]))) throw new UsageError(msg.badSubjectTo(text));
  const [, kpi, op, raw] = match;
  const value = Number(raw);
  return { kpi, op: op as Constraint['op'], value, tolerance: tolerance ?? defaultTolerance(kpi, value) };
}

function positive(option: string, text: string): number {
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(msg.badNumber(option, text));
  return value;
}

function whole(option: string, text: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(msg.badInteger(option, text, min));
  return Number(text);
}
