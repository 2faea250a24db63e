// Vega-Lite's compile() as the page calls it (through vega-embed), with a logger that keeps what
// it says: a warning is a chart that draws other than meant, which no other test sees.
import type { LoggerInterface } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import * as encode from 'vega-encode';
import * as tx from 'vega-transforms';
import * as vtx from 'vega-view-transforms';

/** The transforms the page's Vega registers (ui/shims/vega-slim.js; vega-slim.test.ts holds the two in step). */
export const PAGE_TRANSFORMS: ReadonlySet<string> = new Set([...Object.keys(tx), ...Object.keys(vtx), ...Object.keys(encode)]);

/** What Vega-Lite said while compiling, one entry per call of its logger. */
export interface Said {
  level: 'error' | 'warn' | 'info' | 'debug';
  text: string;
}

/** Compiles a spec and returns what Vega-Lite logged. */
export function compileSpec(spec: unknown): Said[] {
  const said: Said[] = [];
  let level = 0;
  const note =
    (kind: Said['level']) =>
    (...args: unknown[]): LoggerInterface => {
      said.push({ level: kind, text: args.map(String).join(' ') });
      return logger;
    };
  const logger: LoggerInterface = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: note('error'),
    warn: note('warn'),
    info: note('info'),
    debug: note('debug'),
  };
  const compiled = compile(spec as TopLevelSpec, { logger }).spec;
  // The page's Vega registers only some transforms (ui/shims/vega-slim.js): a chart needing another would not draw.
  for (const type of transformTypes(compiled)) {
    if (!PAGE_TRANSFORMS.has(type)) said.push({ level: 'error', text: `the page's Vega (ui/shims/vega-slim.js) has no ${type} transform` });
  }
  return said;
}

/** The type of every transform in a Vega spec (data sources' and marks'). */
function transformTypes(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const child of node) transformTypes(child, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'transform' && Array.isArray(value)) for (const t of value as { type?: unknown }[]) if (typeof t.type === 'string') found.add(t.type);
      transformTypes(value, found);
    }
  }
  return found;
}

/** Only the warnings and errors, as `level: text`. */
export function complaintsOf(spec: unknown): string[] {
  return compileSpec(spec)
    .filter((s) => s.level === 'warn' || s.level === 'error')
    .map((s) => `${s.level}: ${s.text}`);
}
