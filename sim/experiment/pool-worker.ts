import { readFileSync } from 'node:fs';
import { toErrorData } from '../engine/index.js';
import type { RunResult } from '../model/index.js';
import { loadScenario, type Scenario, type TraceCache } from '../scenario/index.js';
import { runTask, type ReplicationTask, type ScenarioSource } from './experiment.js';

/** The texts of a source's files in one shared buffer: [path, start, end) per file. */
export interface SharedFiles {
  id: number;
  buffer: SharedArrayBuffer;
  entries: [path: string, start: number, end: number][];
}

/** A batch of replications of one scenario: batches keep messages few when replications are short. */
export interface PoolTask {
  source: Omit<ScenarioSource, 'files'>;
  /** The traces the caller read, or null: then this worker reads them from disk. */
  files: SharedFiles | null;
  tasks: ReplicationTask[];
}

/** A set of files as a worker holds it: the texts, and each trace parsed once for every cell that uses it. */
interface FileSet {
  readFile: (path: string) => string;
  traceCache: TraceCache;
}

// A worker sees many tasks of few scenarios (the cells of a sweep): load each source once. The
// caches are bounded, as a long sweep brings ever new cells.
const MAX_LOADED = 64;
const loaded = new Map<string, Scenario>();
const fileSets = new Map<number, FileSet>();

/**
 * Worker-thread entry: loads the batch's scenario (cached) and runs its replications in order.
 * A stall or too-large stop is thrown as its data (toErrorData), which crosses to the caller
 * whole, where an error would keep only its message; workerPool makes the error again.
 */
export default function runPoolTask(task: PoolTask): RunResult[] {
  try {
    return runBatch(task);
  } catch (error) {
    const data = toErrorData(error);
    if (data !== undefined) throw data;
    throw error;
  }
}

function runBatch({ source, files, tasks }: PoolTask): RunResult[] {
  const key = JSON.stringify([source.file, source.overrides ?? {}, source.text, files?.id ?? null]);
  let scenario = loaded.get(key);
  if (scenario === undefined) {
    const set = files === null ? diskFiles() : fileSetOf(files);
    scenario = loadScenario(source.text, { file: source.file, overrides: source.overrides, ...set });
    if (loaded.size >= MAX_LOADED) loaded.clear();
    loaded.set(key, scenario);
  }
  return tasks.map((task) => runTask(scenario!, task));
}

function fileSetOf(files: SharedFiles): FileSet {
  let set = fileSets.get(files.id);
  if (set === undefined) {
    const texts = Object.create(null) as Record<string, string>;
    for (const [path, start, end] of files.entries) texts[path] = Buffer.from(files.buffer, start, end - start).toString('utf8');
    const readFile = (path: string): string => {
      if (!Object.hasOwn(texts, path)) throw new Error(`${path} was not read with the scenario`);
      return texts[path];
    };
    set = { readFile, traceCache: new Map() };
    if (fileSets.size >= 4) fileSets.clear();
    fileSets.set(files.id, set);
  }
  return set;
}

// A source from a caller that read no files: read them here, as before (no limits: the caller's choice).
function diskFiles(): FileSet {
  return { readFile: (path) => readFileSync(path, 'utf8'), traceCache: new Map() };
}
