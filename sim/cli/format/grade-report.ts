import { renderCsv } from '../../experiment/index.js';
import { formatNumber, formatterOf, goalStanding } from '../../report/index.js';
import type { Leaderboard } from '../commands/grade.js';
import { escapeControls } from '../messages.js';
import { markdownText, renderMarkdown, renderText, type Table } from './table.js';

function estimate(kpi: string, figure: { mean: number; ci95: [number, number] | null }): string {
  const format = formatterOf(kpi);
  if (figure.ci95 === null) return `${format(figure.mean)} (no interval)`;
  return `${format(figure.mean)} (${format(figure.ci95[0])} to ${format(figure.ci95[1])})`;
}

/** Each lever by the shortest tail of its path that tells it from the others: `cards`, `containerSize`. */
function leverLabels(paths: string[]): string[] {
  return paths.map((path) => {
    const parts = path.split('.');
    for (let k = 1; k <= parts.length; k++) {
      const tail = parts.slice(-k).join('.');
      if (paths.filter((p) => p === tail || p.endsWith(`.${tail}`)).length === 1) return tail;
    }
    return path;
  });
}

function board(leaderboard: Leaderboard): Table {
  const levers = [...new Set(leaderboard.entries.flatMap((e) => Object.keys(e.values)))];
  const objective = leaderboard.challenge.objective.split(' ')[0];
  const constraintKpis = leaderboard.entries[0]?.constraints.map((c) => c.kpi) ?? [];
  return {
    title: `${leaderboard.challenge.title}: ${leaderboard.challenge.objective}${leaderboard.challenge.constraints.map((c) => `, ${c}`).join('')} (each on its 95% interval)`,
    header: ['rank', 'name', ...leverLabels(levers), objective, ...constraintKpis, 'goal'],
    rows: leaderboard.entries.map((e) => [
      String(e.rank),
      e.name,
      ...levers.map((l) => (e.values[l] === undefined ? '' : typeof e.values[l] === 'number' ? formatNumber(e.values[l]) : String(e.values[l]))),
      estimate(objective, e.objective),
      ...e.constraints.map((c) => estimate(c.kpi, c)),
      goalStanding(e),
    ]),
  };
}

function refusedLines(leaderboard: Leaderboard): string[] {
  return leaderboard.refused.map((r) => `line ${r.line}${r.name === `line ${r.line}` ? '' : ` (${r.name})`}: ${r.reason}`);
}

/** The leaderboard for a terminal; refused links listed after it (they are on stderr as they come too). */
export function gradeText(leaderboard: Leaderboard): string {
  const refused = refusedLines(leaderboard);
  return renderText(board(leaderboard)) + '\n' + (refused.length === 0 ? '' : `\nNot graded\n${refused.map((r) => `  ${escapeControls(r)}`).join('\n')}\n`);
}

export function gradeMarkdown(leaderboard: Leaderboard): string {
  const refused = refusedLines(leaderboard);
  return (
    renderMarkdown(board(leaderboard)) + '\n' + (refused.length === 0 ? '' : `\n### Not graded\n\n${refused.map((r) => markdownText(`- ${r}`)).join('\n')}\n`)
  );
}

/** One row per graded submission, its lever values and figures; refused links are not rows (see --json). */
export function gradeCsv(leaderboard: Leaderboard): string {
  const levers = [...new Set(leaderboard.entries.flatMap((e) => Object.keys(e.values)))];
  const constraintKpis = leaderboard.entries[0]?.constraints.map((c) => c.kpi) ?? [];
  const rows = leaderboard.entries.map((e) => [
    e.rank,
    e.name,
    ...levers.map((l) => (e.values[l] === undefined ? '' : typeof e.values[l] === 'boolean' ? String(e.values[l]) : e.values[l])),
    e.feasible ? 'yes' : 'no',
    e.met ? 'yes' : 'no',
    e.objective.mean,
    e.objective.ci95?.[0] ?? '',
    e.objective.ci95?.[1] ?? '',
    ...e.constraints.flatMap((c) => [c.mean, c.ci95?.[0] ?? '', c.ci95?.[1] ?? '']),
  ]);
  return renderCsv(
    [
      'rank',
      'name',
      ...levers,
      'feasible',
      'met',
      'objective',
      'objective_ci95_low',
      'objective_ci95_high',
      ...constraintKpis.flatMap((k) => [k, `${k}_ci95_low`, `${k}_ci95_high`]),
    ],
    rows,
  );
}

export function gradeJson(leaderboard: Leaderboard): string {
  return JSON.stringify(leaderboard, null, 2) + '\n';
}
