import { resolve } from 'node:path';
import { MAX_LOGGED_ORDERS, orderLog, orderLogCsv, runExperimentWith, scenarioWarnings, type ExperimentResult } from '../../experiment/index.js';
import { COMMON_OPTIONS, checkOutFormat, commonOptions, parseCommand } from '../args.js';
import { chooseExecutor } from '../executor.js';
import { runCsv, runJson, runMarkdown, runText, warningLines } from '../format/run-report.js';
import { checkOut, emit, type Io } from '../io.js';
import { RUN_HELP, UsageError, escapeControls, msg } from '../messages.js';
import { progressBar } from '../progress.js';
import { checkStrategies, readScenario, strategiesShadowing } from '../scenario-file.js';

/** `sawtooth run FILE`: every strategy with replications, KPIs with CIs, paired differences. */
export async function runCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand('run', args, { ...COMMON_OPTIONS, series: { type: 'boolean' }, log: { type: 'string' } });
  const options = commonOptions('run', parsed);
  if (options.help) {
    io.out(RUN_HELP);
    return 0;
  }
  for (const note of options.notes) io.err(`${note}\n`);
  const { scenario, source } = readScenario(options.file, options.overrides, options.access);
  checkStrategies(scenario, options.strategies);
  if (options.out !== null) {
    checkOut(options.out, [options.file, ...Object.keys(source.files)]);
    checkOutFormat(options.out, options.format);
  }
  const log = parsed.values.log ?? null;
  if (log !== null) {
    checkOut(log, [options.file, ...Object.keys(source.files)], '--log');
    if (options.out !== null && resolve(log) === resolve(options.out)) throw new UsageError(msg.logSameAsOut(log));
  }
  const running = options.strategies ?? scenario.strategies;
  for (const path of Object.keys(options.overrides)) {
    const shadowed = strategiesShadowing(scenario, path, running);
    if (shadowed.length > 0) io.err(`${escapeControls(msg.shadowedSet(path, shadowed))}\n`);
  }
  // The load check before the run: a plant that cannot keep up is said before the wait for its numbers.
  const early = warningLines(scenarioWarnings(scenario, running), running.length);
  for (const line of early) io.err(`${line}\n`);
  const { execute, close } = chooseExecutor(options.workers);
  let result: ExperimentResult;
  try {
    result = await runExperimentWith(execute, source, scenario, {
      replications: options.replications,
      seed: options.seed,
      strategies: options.strategies,
      series: parsed.values.series === true ? { maxPoints: 2000 } : null,
      levelSamples: 500,
      onProgress: progressBar('replications', options.quiet),
    });
  } finally {
    await close();
  }
  for (const line of warningLines(result.warnings, running.length)) if (!early.includes(line)) io.err(`${line}\n`);
  const text = {
    // Warnings go to stderr, which does not reach a file: a report written with --out carries them itself.
    table: () => runText(result, scenario.currency, { warnings: options.out !== null }),
    json: () => runJson(result),
    csv: () => runCsv(result),
    md: () => runMarkdown(result, scenario.currency),
  }[options.format]();
  emit(io, options.out, text);
  if (log !== null) {
    const seed = options.seed ?? scenario.run.seed;
    const logs = running.map((strategy) => ({ strategy, ...orderLog(scenario, strategy, seed) }));
    for (const { strategy, truncated } of logs) if (truncated) io.err(`${escapeControls(msg.logTruncated(strategy, MAX_LOGGED_ORDERS))}\n`);
    emit(io, log, orderLogCsv(logs, scenario.time), '--log');
  }
  return 0;
}
