/** A plain table: a header row and data rows of strings; sections are titled groups of rows. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  /** A footnote under the table (what a mark in a cell means). */
  note?: string;
}

/** Aligned text for a terminal: the first column left-aligned, the others right-aligned. */
export function renderText(table: Table): string {
  const all = [table.header, ...table.rows];
  const widths = table.header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]): string =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('   ');
  return [table.title, line(table.header), rule, ...table.rows.map(line), ...(table.note ? [table.note] : [])].join('\n');
}

/** A GitHub-flavoured Markdown table under a heading. */
export function renderMarkdown(table: Table): string {
  const escape = (cell: string): string => cell.replaceAll('|', '\\|');
  const row = (cells: string[]): string => `| ${cells.map(escape).join(' | ')} |`;
  const align = `| ${table.header.map((_, c) => (c === 0 ? ':--' : '--:')).join(' | ')} |`;
  return [`### ${table.title}`, '', row(table.header), align, ...table.rows.map(row), ...(table.note ? ['', table.note] : [])].join('\n');
}

