import { escapeControls } from '../messages.js';

/** A plain table: a header row and data rows of strings; sections are titled groups of rows. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  /** A footnote under the table (what a mark in a cell means). */
  note?: string;
}

/** Aligned text for a terminal: the first column left-aligned, the others right-aligned; control characters in any cell escaped. */
export function renderText(table: Table): string {
  const header = table.header.map(escapeControls);
  const rows = table.rows.map((row) => row.map(escapeControls));
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]): string =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('   ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('   ');
  return [escapeControls(table.title), line(header), rule, ...rows.map(line), ...(table.note ? [escapeControls(table.note)] : [])].join('\n');
}

/** A GitHub-flavoured Markdown table under a heading. */
export function renderMarkdown(table: Table): string {
  const row = (cells: string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  const align = `| ${table.header.map((_, c) => (c === 0 ? ':--' : '--:')).join(' | ')} |`;
  const note = table.note ? ['', markdownText(table.note)] : [];
  return [`### ${markdownText(table.title)}`, '', row(table.header), align, ...table.rows.map(row), ...note].join('\n');
}

/** Text on one Markdown line: a line break would end a heading, a list item or a table row, so it becomes a space; other control characters are escaped. */
export function markdownText(text: string): string {
  return escapeControls(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

/** A Markdown table cell: one line, and `|` escaped so it cannot start another cell. */
function markdownCell(cell: string): string {
  return markdownText(cell).replaceAll('|', '\\|');
}
