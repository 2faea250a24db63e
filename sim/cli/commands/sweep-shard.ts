import { runSweepShard, type Shard, type SweepAxis } from '../../experiment/index.js';
import { pathKey, type CommonOptions } from '../args.js';
import { chooseExecutor } from '../executor.js';
import { checkOut, type Io } from '../io.js';
import { msg, UsageError } from '../messages.js';
import { progressBar } from '../progress.js';
import type { ScenarioFile } from '../scenario-file.js';
import { PART_FORMAT, PART_FORMAT_VERSION, partPieces, scenarioDigest, writePart, type PartHeader } from '../sweep-part.js';
import { version } from '../version.js';

/** A sweep as `sawtooth sweep` has checked it: a shard runs its share of exactly that sweep. */
export interface CheckedSweep {
  options: CommonOptions;
  /** The format flags given: a part has one format of its own. */
  flags: { csv?: boolean; md?: boolean };
  axes: SweepAxis[];
  kpi: string;
  strategy: string;
  /** The scenario loaded with the first cell's values. */
  loaded: ScenarioFile;
}

/** `sawtooth sweep … --shard I/N`: runs shard I of N (counted from 0) and writes its part for `sawtooth merge`. */
export async function sweepShard(text: string, sweep: CheckedSweep, io: Io): Promise<number> {
  const shard = shardOf(text);
  for (const flag of ['csv', 'md'] as const) if (sweep.flags[flag] === true) throw new UsageError(msg.shardFormat(`--${flag}`));
  const { options, axes, kpi, strategy } = sweep;
  const { scenario, source, reload } = sweep.loaded;
  // The slices are cut before any cell is loaded, so every cell must run the same replications.
  const varied = axes.find((axis) => pathKey(axis.path) === 'run.replications');
  if (varied !== undefined && options.replications === undefined) throw new UsageError(msg.shardVariedReplications(varied.path));
  const replications = options.replications ?? scenario.run.replications;
  const runs = axes.reduce((n, axis) => n * axis.values.length, 1) * replications;
  if (shard.count > runs) throw new UsageError(msg.tooManyShards(shard.count, runs));
  if (options.out !== null) checkOut(options.out, [options.file, ...Object.keys(source.files)]);
  const header: PartHeader = {
    format: PART_FORMAT,
    formatVersion: PART_FORMAT_VERSION,
    sawtooth: version(),
    scenario: { file: options.file, sha256: scenarioDigest(source.text, source.files) },
    overrides: options.overrides,
    seed: options.seed ?? scenario.run.seed,
    replications,
    strategy,
    kpi,
    axes,
    shard,
  };
  const { execute, close } = chooseExecutor(options.workers);
  try {
    const blocks = await runSweepShard(execute, { ...source, overrides: options.overrides }, reload, axes, {
      replications,
      seed: options.seed,
      strategy,
      shard,
      onProgress: progressBar('replications', options.quiet),
    });
    writePart(io, options.out, partPieces(header, blocks));
  } finally {
    await close();
  }
  return 0;
}

/** `I/N` in plain digits, 0 <= I < N. */
function shardOf(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!(count >= 1 && index < count)) throw new UsageError(msg.badShard(text));
  return { index, count };
}
