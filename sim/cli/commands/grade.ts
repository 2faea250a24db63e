import { readFileSync, statSync } from 'node:fs';
import { runExperimentWith, type KpiSummary } from '../../experiment/index.js';
import { loadScenario } from '../../scenario/index.js';
import { challengeFingerprint, decodeShareState, goalOutcome, type GoalOutcome, type ShareState } from '../../report/index.js';
import { formatOf, pathKey, parseCommand, traceAccess, TRACE_OPTIONS } from '../args.js';
import { chooseExecutor } from '../executor.js';
import { gradeCsv, gradeJson, gradeMarkdown, gradeText } from '../format/grade-report.js';
import { checkOut, emit, type Io } from '../io.js';
import { GRADE_HELP, UsageError, escapeControls, msg } from '../messages.js';
import { readScenario } from '../scenario-file.js';

const OPTIONS = {
  challenge: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  md: { type: 'boolean' },
  out: { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  ...TRACE_OPTIONS,
} as const;

/** Submissions files are lines of links: 16 MB is thousands of students. */
const MAX_LINKS_BYTES = 16 * 2 ** 20;

/** One submission graded: its lever values and the goal on the challenge's own replications. */
export interface GradedEntry {
  name: string;
  rank: number;
  feasible: boolean;
  met: boolean;
  values: Record<string, number | string | boolean>;
  objective: { mean: number; ci95: [number, number] | null };
  constraints: { kpi: string; mean: number; ci95: [number, number] | null; met: boolean }[];
}

/** A line that could not be graded, and why. */
export interface RefusedEntry {
  name: string;
  line: number;
  reason: string;
}

export interface Leaderboard {
  challenge: { title: string; file: string; fingerprint: string; objective: string; constraints: string[] };
  entries: GradedEntry[];
  refused: RefusedEntry[];
}

/**
 * `sawtooth grade LINKS.txt --challenge FILE`: replays every submission link (runs are
 * deterministic) on the challenge's own replications and seed, and ranks them: those that meet
 * every constraint on its interval first, by the objective; the rest after them.
 */
export async function gradeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand('grade', args, OPTIONS);
  if (values.help === true) {
    io.out(GRADE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? msg.gradeMissingLinks() : msg.extraArguments('grade', positionals.slice(1)));
  if (values.challenge === undefined) throw new UsageError(msg.gradeMissingChallenge());
  const out = values.out ?? null;
  const format = formatOf(values, out);
  const linksFile = positionals[0];
  const { scenario, source, reload } = readScenario(values.challenge, {}, traceAccess(values));
  const challenge = scenario.challenge;
  if (challenge === null) throw new UsageError(msg.gradeNoChallenge(values.challenge));
  if (out !== null) checkOut(out, [values.challenge, linksFile, ...Object.keys(source.files)]);
  const fingerprint = await challengeFingerprint(source.text);
  const levers = new Map(challenge.levers.map((lever) => [pathKey(lever), lever]));
  const sameText = (text: string): boolean => text.replace(/\r\n?/g, '\n') === source.text.replace(/\r\n?/g, '\n');

  const graded: Omit<GradedEntry, 'rank'>[] = [];
  const refused: RefusedEntry[] = [];
  if (values.workers !== undefined && !/^[1-9]\d{0,2}$/.test(values.workers)) throw new UsageError(msg.badInteger('workers', values.workers, 1));
  const { execute, close } = chooseExecutor(values.workers === undefined ? 'auto' : Number(values.workers));
  try {
    for (const { name, line, link } of submissions(readLinks(linksFile))) {
      const refuse = (reason: string): void => {
        refused.push({ name, line, reason });
        // The table, Markdown and JSON list them; a CSV has rows of graded submissions only, so stderr says.
        if (format === 'csv') io.err(`${escapeControls(msg.gradeRefused(linksFile, line, name, reason))}\n`);
      };
      const hash = link.indexOf('#');
      const decoded = hash < 0 ? null : await decodeShareState(link.slice(hash));
      if (decoded === null || decoded.kind === 'none') {
        refuse('not a Sawtooth link (no #s= part)');
        continue;
      }
      if (decoded.kind === 'refused') {
        refuse(decoded.reason);
        continue;
      }
      const state: ShareState = decoded.state;
      if (state.fingerprint !== fingerprint) {
        refuse(
          state.fingerprint === undefined
            ? 'it was not made from a challenge link'
            : `it was made for another challenge or another version of ${values.challenge}`,
        );
        continue;
      }
      if (state.text !== undefined && !sameText(state.text)) {
        refuse('its scenario was edited (a submission may move only the levers)');
        continue;
      }
      const locked = Object.keys(state.overrides).filter((path) => !levers.has(pathKey(path)));
      if (locked.length > 0) {
        refuse(`it moves locked fields: ${locked.join(', ')}`);
        continue;
      }
      let outcome: GoalOutcome;
      try {
        const variant = loadScenario(source.text, { ...reload, file: source.file, overrides: state.overrides });
        const result = await runExperimentWith(execute, { ...source, overrides: state.overrides }, variant, { strategies: [challenge.strategy] });
        outcome = goalOutcome(result, challenge);
      } catch (error) {
        refuse(`its settings do not run: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      const figure = (s: KpiSummary) => ({ mean: s.mean, ci95: s.ci95 });
      graded.push({
        name,
        feasible: outcome.feasible,
        met: outcome.met,
        values: state.overrides,
        objective: figure(outcome.objective.estimate),
        constraints: outcome.constraints.map((c) => ({ kpi: c.kpi, ...figure(c.estimate), met: c.met })),
      });
    }
  } finally {
    await close();
  }
  const sign = challenge.objective.below !== undefined ? 1 : -1;
  const entries = graded
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => Number(b.entry.feasible) - Number(a.entry.feasible) || sign * (a.entry.objective.mean - b.entry.objective.mean) || a.i - b.i)
    .map(({ entry }, i) => ({ ...entry, rank: i + 1 }));
  const board: Leaderboard = {
    challenge: {
      title: challenge.title,
      file: values.challenge,
      fingerprint,
      objective: `${challenge.objective.kpi} ${challenge.objective.below !== undefined ? `below ${challenge.objective.below}` : `above ${challenge.objective.above}`}`,
      constraints: challenge.constraints.map((c) => `${c.kpi} ${c.atLeast !== undefined ? `at least ${c.atLeast}` : `at most ${c.atMost}`}`),
    },
    entries,
    refused,
  };
  emit(io, out, { table: gradeText, json: gradeJson, csv: gradeCsv, md: gradeMarkdown }[format](board));
  return 0;
}

function readLinks(file: string): string {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new UsageError(msg.unreadable(file, 'not a regular file'));
    if (stats.size > MAX_LINKS_BYTES) throw new UsageError(msg.unreadable(file, `${stats.size} bytes, more than the 16 MB a file of links may have`));
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(msg.unreadable(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

/** The submissions of a file of links: a link per line, with an optional name before it; blank lines and # comments skipped. */
export function submissions(text: string): { name: string; line: number; link: string }[] {
  const out: { name: string; line: number; link: string }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const at = line.search(/\S+$/);
      const link = line.slice(at);
      const name = line
        .slice(0, at)
        .trim()
        .replace(/[:,;]$/, '')
        .trim();
      out.push({ name: name === '' ? `line ${i + 1}` : name, line: i + 1, link });
    });
  return out;
}
