import { OVERALL_KPIS, ITEM_KPIS } from '../../model/index.js';
import { gridOf, runSweep, type SweepAxis } from '../../experiment/index.js';
import { COMMON_OPTIONS, checkOutFormat, commonOptions, parseCommand, pathKey, type CommonOptions } from '../args.js';
import { chooseExecutor } from '../executor.js';
import { sweepReport } from '../format/sweep-report.js';
import { checkOut, emit, type Io } from '../io.js';
import { MAX_SWEEP_RUNS } from '../limits.js';
import { SWEEP_HELP, UsageError, msg } from '../messages.js';
import { progressBar } from '../progress.js';
import { checkStrategies, readScenario, strategiesShadowing } from '../scenario-file.js';
import { sweepShard } from './sweep-shard.js';

/** `sawtooth sweep FILE --vary …`: a grid of variants, best cell first. */
export async function sweepCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand('sweep', args, {
    ...COMMON_OPTIONS,
    vary: { type: 'string', multiple: true },
    kpi: { type: 'string' },
    shard: { type: 'string' },
  });
  const options = commonOptions('sweep', parsed);
  if (options.help) {
    io.out(SWEEP_HELP);
    return 0;
  }
  if ((options.strategies?.length ?? 0) > 1) throw new UsageError(msg.oneSweepStrategy(options.strategies!));
  const axes = axesOf(parsed.values.vary ?? [], options);
  const cells = axes.reduce((n, axis) => n * axis.values.length, 1);
  if (cells > 10_000) throw new UsageError(msg.tooManyCells(cells));
  for (const note of options.notes) io.err(`${note}\n`);
  const kpi = parsed.values.kpi ?? 'totalCost';
  // Load the first cell up front so a bad path, value, strategy or KPI fails before any work.
  const loaded = readScenario(options.file, { ...options.overrides, ...gridOf(axes)[0] }, options.access);
  const { scenario, source, reload } = loaded;
  checkStrategies(scenario, options.strategies);
  const known = [
    ...OVERALL_KPIS,
    ...Object.keys(scenario.compiled[scenario.strategies[0]].document.items).flatMap((item) => ITEM_KPIS.map((k) => `${item}.${k}`)),
  ];
  if (!known.includes(kpi)) throw new UsageError(msg.unknownKpi(kpi, known));
  const strategy = options.strategies?.[0] ?? scenario.strategies[0];
  for (const axis of axes) {
    if (strategiesShadowing(scenario, axis.path, [strategy]).length > 0) throw new UsageError(msg.shadowedVary(axis.path, strategy));
    const other = /^strategies\.([^.]+)\./.exec(axis.path)?.[1];
    if (other !== undefined && other !== strategy) throw new UsageError(msg.otherStrategyVary(axis.path, strategy));
  }
  checkSweepSize(options, scenario.run.replications, cells);
  if (parsed.values.shard !== undefined) return sweepShard(parsed.values.shard, { options, flags: parsed.values, axes, kpi, strategy, loaded }, io);
  if (options.out !== null) {
    checkOut(options.out, [options.file, ...Object.keys(source.files)]);
    checkOutFormat(options.out, options.format);
  }
  const { execute, close } = chooseExecutor(options.workers);
  try {
    const result = await runSweep(execute, { ...source, overrides: options.overrides }, reload, axes, kpi, {
      replications: options.replications,
      seed: options.seed,
      strategy: options.strategies?.[0],
      onProgress: progressBar('cells', options.quiet),
    });
    emit(io, options.out, sweepReport(result, options.format));
  } finally {
    await close();
  }
  return 0;
}

// Each path once, and none that --set (or --horizon) also sets: either would silently lose a value.
export function axesOf(varies: string[], options: CommonOptions): SweepAxis[] {
  if (varies.length === 0) throw new UsageError(msg.badOption('sweep', 'expected at least one --vary PATH=FROM:TO:STEP'));
  const axes = varies.map(parseVary);
  const keys = axes.map((a) => pathKey(a.path));
  if (new Set(keys).size !== axes.length) throw new UsageError(msg.duplicateVary(keys));
  const set = new Set(Object.keys(options.overrides).map(pathKey));
  const both = axes.find((a) => set.has(pathKey(a.path)));
  if (both !== undefined) throw new UsageError(msg.setAndVary(both.path));
  return axes;
}

function checkSweepSize(options: CommonOptions, fileReplications: number, cells: number): void {
  const replications = options.replications ?? fileReplications;
  if (cells * replications > MAX_SWEEP_RUNS) throw new UsageError(msg.tooManySweepRuns(cells, replications, MAX_SWEEP_RUNS));
}

/** `path=from:to:step` (inclusive) or `path=v1,v2,…` → the axis of a sweep. */
export function parseVary(text: string): SweepAxis {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(msg.badVary(text));
  const path = text.slice(0, eq);
  const spec = text.slice(eq + 1);
  const range = /^([^:]+):([^:]+):([^:]+)$/.exec(spec);
  if (range) {
    const [from, to, step] = range.slice(1).map(Number);
    if (![from, to, step].every(Number.isFinite) || step <= 0 || from > to) throw new UsageError(msg.badVary(text));
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > 10_000) throw new UsageError(msg.tooManyCells(count));
    // Rounded to 12 significant digits so 0.1 steps give 0.3, not 0.30000000000000004.
    return { path, values: Array.from({ length: count }, (_, k) => Number((from + k * step).toPrecision(12))) };
  }
  const values = spec.split(',').map((v) => Number(v.trim()));
  if (values.length === 0 || !values.every(Number.isFinite) || spec.trim() === '') throw new UsageError(msg.badVary(text));
  return { path, values };
}
