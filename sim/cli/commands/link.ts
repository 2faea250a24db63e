import { basename, dirname, join, resolve } from 'node:path';
import { challengeFingerprint, encodeShareState, shareWithFiles, STATE_LIMITS, type ShareState, type UserFile } from '../../report/index.js';
import { COMMON_OPTIONS, commonOptions, parseCommand } from '../args.js';
import { emit, type Io } from '../io.js';
import { LINK_HELP, UsageError, escapeControls, msg } from '../messages.js';
import { readScenario } from '../scenario-file.js';
import { packageRoot } from '../version.js';

/** Where `npm start` serves the page: the default base of a link. */
export const DEFAULT_PAGE_URL = 'http://localhost:5173/';

/** The bundled scenarios: the page knows them by name (the file's stem), so their links need not carry the text. */
function bundledDir(): string | null {
  const root = packageRoot();
  return root === null ? null : join(root, 'scenarios');
}

/**
 * `sawtooth link FILE [--set PATH=VALUE …] [--reps N] [--base URL]`: the share link the page would
 * make for this scenario and settings. A bundled scenario unchanged is named; any other file
 * travels whole, with the CSV files it names that fit in a link (as the page's "Share link" does).
 */
export async function linkCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand('link', args, { ...COMMON_OPTIONS, base: { type: 'string' } });
  const options = commonOptions('link', parsed);
  if (options.help) {
    io.out(LINK_HELP);
    return 0;
  }
  for (const flag of ['json', 'csv', 'md', 'strategy', 'workers', 'seed'] as const) {
    if (parsed.values[flag] !== undefined)
      throw new UsageError(msg.badOption('link', `--${flag}: a link carries the scenario, its --set values and --reps only`));
  }
  const overrides: ShareState['overrides'] = {};
  for (const [path, value] of Object.entries(options.overrides)) {
    if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') throw new UsageError(msg.linkValue(path));
    overrides[path] = value;
  }
  const base = parsed.values.base ?? DEFAULT_PAGE_URL;
  if (!/^https?:\/\/[^\s#]+$/.test(base)) throw new UsageError(msg.badOption('link', `--base: expected an http(s) URL without a #, got ${base}`));
  // Loaded like a run, so a link to a scenario the page would refuse is never made.
  const { scenario, source } = readScenario(options.file, options.overrides, options.access);
  const replications = Math.min(options.replications ?? scenario.run.replications, STATE_LIMITS.replications);
  if ((options.replications ?? scenario.run.replications) > STATE_LIMITS.replications)
    io.err(`${escapeControls(msg.linkReplications(STATE_LIMITS.replications))}\n`);
  const stem = basename(options.file).replace(/\.ya?ml$/i, '');
  const bundled = resolve(dirname(options.file)) === bundledDir();
  // A challenge's links carry its fingerprint: a submission made from one is graded only against that file.
  const fingerprint = scenario.challenge === null ? {} : { fingerprint: await challengeFingerprint(source.text) };
  const state: ShareState = { scenario: stem, ...(bundled ? {} : { text: source.text }), overrides, replications, ...fingerprint };
  // Files the scenario names by their bare name travel with it when small; files in folders cannot (the page knows files by name).
  const files: UserFile[] = [];
  for (const [path, text] of Object.entries(source.files)) {
    if (bundled) continue;
    const name = basename(path);
    if (source.text.includes(name) && !source.text.includes(`/${name}`)) files.push({ name, text });
    else io.err(`${escapeControls(msg.linkFolderFile(path))}\n`);
  }
  const { hash, left } = files.length === 0 ? { hash: await encodeShareState(state), left: [] } : await shareWithFiles(state, files);
  for (const file of left) io.err(`${escapeControls(msg.linkLeftOut(file.name))}\n`);
  emit(io, options.out, `${base}${hash}\n`);
  return 0;
}
