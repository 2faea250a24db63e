import { parseArgs } from 'node:util';
import { parseValue } from '../scenario/index.js';
import { msg, UsageError } from './messages.js';

export type Format = 'table' | 'json' | 'csv' | 'md';

/** Options shared by run and sweep, checked and typed. */
export interface CommonOptions {
  file: string;
  format: Format;
  out: string | null;
  replications: number | undefined;
  seed: number | string | undefined;
  strategies: string[] | undefined;
  overrides: Record<string, unknown>;
  workers: number | 'auto';
  quiet: boolean;
  help: boolean;
}

const common = {
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  md: { type: 'boolean' },
  out: { type: 'string' },
  reps: { type: 'string' },
  seed: { type: 'string' },
  horizon: { type: 'string' },
  strategy: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  workers: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses a command's arguments with node:util's parseArgs; unknown options are usage errors. */
export function parseCommand<T extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>>(
  command: string,
  args: string[],
  extra: T,
) {
  try {
    return parseArgs({ args, options: { ...common, ...extra }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(msg.badOption(command, (error as Error).message.replace(/\. To specify.*$/s, '')));
  }
}

/** The shared options of run and sweep, validated. */
export function commonOptions(command: string, parsed: ReturnType<typeof parseCommand>): CommonOptions {
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError(msg.missingFile(command));
  if (positionals.length > 1) throw new UsageError(msg.extraArguments(command, positionals.slice(1)));
  const overrides: Record<string, unknown> = {};
  for (const assignment of (values.set as string[] | undefined) ?? []) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UsageError(msg.badSet(assignment));
    overrides[assignment.slice(0, eq)] = parseValue(assignment.slice(eq + 1));
  }
  if (values.horizon !== undefined) overrides['time.horizon'] = positiveNumber('horizon', values.horizon as string);
  const out = (values.out as string | undefined) ?? null;
  return {
    file: positionals[0] ?? '',
    format: formatOf(values, out),
    out,
    replications: values.reps === undefined ? undefined : integer('reps', values.reps as string, 1),
    seed: values.seed === undefined ? undefined : seedOf(values.seed as string),
    strategies: values.strategy as string[] | undefined,
    overrides,
    workers: values.workers === undefined || values.workers === 'auto' ? 'auto' : integer('workers', values.workers as string, 1),
    quiet: values.quiet === true,
    help,
  };
}

function formatOf(values: Record<string, unknown>, out: string | null): Format {
  if (values.json) return 'json';
  if (values.csv) return 'csv';
  if (values.md) return 'md';
  const extension = out?.split('.').pop()?.toLowerCase();
  if (extension === 'json' || extension === 'csv') return extension;
  if (extension === 'md') return 'md';
  return 'table';
}

export function integer(option: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new UsageError(msg.badInteger(option, text, min));
  return value;
}

function positiveNumber(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(msg.badNumber(option, text));
  return value;
}

function seedOf(text: string): number | string {
  return /^-?\d+$/.test(text) ? Number(text) : text;
}
