// Vega-Lite's compile() as the page calls it (through vega-embed), with a logger that keeps what
// it says: a warning is a chart that draws other than meant, which no other test sees.
import type { LoggerInterface } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

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
  compile(spec as TopLevelSpec, { logger });
  return said;
}

/** Only the warnings and errors, as `level: text`. */
export function complaintsOf(spec: unknown): string[] {
  return compileSpec(spec)
    .filter((s) => s.level === 'warn' || s.level === 'error')
    .map((s) => `${s.level}: ${s.text}`);
}
