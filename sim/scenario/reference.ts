// The scenario reference for users (docs/scenario-reference.md), rendered from the JSON Schema
// that `sawtooth schema` prints: every field with its type, default, bounds and description. The
// texts are the schema's; only the intro and the notes below are written here. Deterministic: the
// same schema gives the same Markdown, byte for byte.
import { scenarioJsonSchema } from './schema.js';

/** A JSON Schema node, with the keywords the scenario schema uses. */
interface Node {
  type?: string;
  title?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  $ref?: string;
  $defs?: Record<string, Node>;
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: Node | boolean;
  propertyNames?: Node;
  items?: Node;
  anyOf?: Node[];
  oneOf?: Node[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
}

/** The one hand-written paragraph at the top. */
const INTRO = [
  'Every field a Sawtooth scenario file (YAML or JSON) may hold, with its type, default, bounds and meaning.',
  "Times are in the scenario's time unit (`time.unit`), quantities in units of stock and costs in its `currency`;",
  'a key the format does not know is an error.',
  'A path such as `items.<item>.buy.leadTime` is the one error messages print and `--set` takes:',
  '`<item>` stands for a name the file chooses and `[]` for a position in a list (`demand[0].every`).',
  'This page is generated from the schema that checks every file, which `sawtooth schema` prints as JSON Schema',
  '(also in `scenarios/schema.json`, for editors): do not edit it by hand, regenerate it with',
  '`UPDATE_REFERENCE=1 npx vitest run test/unit/scenario/reference.test.ts`.',
].join(' ');

/** What the key of each map stands for. */
const PLACEHOLDER: Record<string, string> = { machines: 'machine', items: 'item', bom: 'component', strategies: 'strategy' };

/** Sections of the shared definitions and of the unions chosen by a discriminator, by key. */
const SECTION: Record<string, { title: string; note: string }> = {
  policy: {
    title: 'Replenishment policies',
    note:
      "An item's inventory position is on hand + on order (purchase orders in transit and production orders not yet in stock) − backorders. " +
      'A replenishment order is a purchase order (an item with `buy`) or a production order (an item with `make`). Review is continuous unless stated.',
  },
  distribution: {
    title: 'Distributions',
    note: 'Parameters are in the unit of what is drawn: time units for a time, units of stock for a quantity.',
  },
};

const NONE = '—';

/** The scenario reference as Markdown. */
export function scenarioReference(): string {
  return new Reference(scenarioJsonSchema() as Node).render();
}

/** A union whose variants are told apart by a constant property, such as a policy's `type`. */
interface Variants {
  key: string;
  path: string;
  discriminator: string;
  node: Node;
}

class Reference {
  private readonly lines: string[] = [];
  /** The level-2 headings, for the contents. */
  private readonly contents: string[] = [];
  private readonly unions: Variants[] = [];
  /** Paths of the fields that refer to each shared definition. */
  private readonly users = new Map<string, string[]>();

  constructor(private readonly root: Node) {}

  render(): string {
    const blocks = Object.entries(this.root.properties ?? {}).filter(([, node]) => isBlock(node));
    this.section('Top level', this.root.description, []);
    this.table('', this.root, { link: new Set(blocks.map(([key]) => key)) });
    for (const [key, node] of blocks) this.block(key, node);
    // The unions are found while the blocks are walked; the definitions are referred to by them.
    for (const union of this.unions) this.variants(union);
    for (const [id, node] of Object.entries(this.root.$defs ?? {})) this.definition(id, node);
    const head = [`# ${this.root.title ?? 'Scenario'} file reference`, '', INTRO, '', ...this.contents, ''];
    return `${[...head, ...this.lines]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`;
  }

  private out(...lines: string[]): void {
    this.lines.push(...lines);
  }

  private section(title: string, description: string | undefined, notes: string[], level = 2): void {
    if (level === 2) this.contents.push(`- [${title}](#${anchor(title)})`);
    this.out(`${'#'.repeat(level)} ${title}`, '');
    const text = [description, ...notes].filter((s): s is string => Boolean(s)).join(' ');
    if (text) this.out(text, '');
  }

  /** A top-level block: its section, then a table for each object in it (a map of plain values gets one row). */
  private block(key: string, node: Node): void {
    this.section(`\`${key}\``, node.description, []);
    const value = mapValue(node);
    if (node.properties) this.tables(key, node, false);
    else if (value && !value.properties) this.table('', { properties: { [key]: node } }, { rowsOnly: true });
    else this.nested(key, node);
  }

  /** The tables of the objects below `node` (a map of objects, a list of objects). */
  private nested(path: string, node: Node): void {
    const value = mapValue(node);
    if (value?.properties) this.tables(`${path}.<${placeholder(path)}>`, value, true);
    if (node.type === 'array' && node.items?.properties) this.tables(`${path}[]`, node.items, true);
  }

  /** The table of object `node` at `path` and, below it, the tables of the objects it holds. */
  private tables(path: string, node: Node, headed: boolean): void {
    if (headed) this.section(`\`${path}\``, node.description, oneOfNote(node), 3);
    else {
      const note = oneOfNote(node);
      if (note.length > 0) this.out(note.join(' '), '');
    }
    this.table(path, node, {});
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const childPath = join(path, key);
      if (child.properties && !isVariants(child)) this.tables(childPath, child, true);
      else this.nested(childPath, child);
    }
  }

  /** One row per property; a map of plain values and the fields of an object alternative get rows of their own. */
  private table(path: string, node: Node, options: { link?: Set<string>; rowsOnly?: boolean }): void {
    this.out('| field | type | default | bounds | description |', '| --- | --- | --- | --- | --- |');
    const required = new Set(node.required ?? []);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const childPath = join(path, key);
      const linked = options.link?.has(key);
      if (!options.rowsOnly)
        this.row(linked ? `[\`${childPath}\`](#${anchor(key)})` : `\`${childPath}\``, childPath, child, required.has(key) ? '*required*' : undefined);
      if (linked) continue; // its own section has the rest
      const value = mapValue(child);
      if (value && !value.properties) this.row(`\`${childPath}.<${placeholder(childPath)}>\``, childPath, value, undefined);
      for (const alternative of child.anyOf ?? []) {
        const inner = new Set(alternative.required ?? []);
        for (const [name, field] of Object.entries(alternative.properties ?? {})) {
          const fieldPath = join(childPath, name);
          this.row(`\`${fieldPath}\``, fieldPath, field, inner.has(name) ? '*required in this form*' : undefined);
        }
      }
    }
    this.out('');
  }

  private row(shown: string, path: string, node: Node, required: string | undefined): void {
    if (node.$ref) this.used(node.$ref, path);
    const variants = isVariants(node);
    if (variants && !this.unions.some((u) => u.node === node)) this.unions.push({ key: lastKey(path), path, discriminator: variants, node });
    const cells = [shown, this.typeOf(node, path), defaultOf(node, required), boundsOf(node), node.description ?? ''];
    this.out(`| ${cells.map(cell).join(' | ')} |`);
  }

  private used(ref: string, path: string): void {
    const id = refId(ref);
    this.users.set(id, [...(this.users.get(id) ?? []), path]);
  }

  private typeOf(node: Node, path: string): string {
    if (node.$ref) {
      const id = refId(node.$ref);
      return `[${id}](#${anchor(SECTION[id]?.title ?? id)})`;
    }
    const discriminator = isVariants(node);
    if (discriminator) {
      const key = lastKey(path);
      const names = (node.oneOf ?? []).map((v) => code(v.properties?.[discriminator]?.const));
      return `[${key}](#${anchor(SECTION[key]?.title ?? key)}), by \`${discriminator}\`: ${names.join(', ')}`;
    }
    return plainType(node, path);
  }

  /** A union by discriminator: one sub-table per variant. */
  private variants(union: Variants): void {
    const info = SECTION[union.key];
    this.section(info?.title ?? `\`${union.key}\``, union.node.description, info ? [info.note] : []);
    for (const variant of union.node.oneOf ?? []) {
      const name = String(variant.properties?.[union.discriminator]?.const);
      this.section(`\`${name}\`${variant.title ? `: ${variant.title}` : ''}`, variant.description, [`Written as ${code(written(variant))}.`], 3);
      this.table(union.path, variant, {});
    }
  }

  /** A shared definition (a distribution): the fields that use it, then one sub-table per alternative. */
  private definition(id: string, node: Node): void {
    const info = SECTION[id];
    const users = (this.users.get(id) ?? []).map((path) => `\`${path}\``);
    const usedBy = users.length > 0 ? [`Used by ${users.join(', ')}.`] : [];
    this.section(info?.title ?? `\`${id}\``, node.description, [...(info ? [info.note] : []), ...usedBy]);
    for (const alternative of node.anyOf ?? node.oneOf ?? []) {
      const keys = Object.keys(alternative.properties ?? {});
      if (keys.length !== 1) {
        const type = plainType(alternative, id);
        const bounds = boundsOf(alternative);
        this.section(`A plain ${type}`, alternative.description, [`Written as a ${type}${bounds === NONE ? '' : `: ${bounds}`}.`], 3);
        continue;
      }
      const [family] = keys;
      const params = alternative.properties![family];
      this.section(`\`${family}\``, params.description, [`Written as ${code(`{ ${family}: ${written(params)} }`)}.`], 3);
      if (params.properties) this.table(family, params, {});
      else this.table('', alternative, {});
    }
  }
}

/** Whether `node` is a union of objects told apart by one constant property; that property if so. */
function isVariants(node: Node): string | undefined {
  const options = node.oneOf;
  if (!options || options.length === 0 || !options.every((o) => o.properties)) return undefined;
  const keys = Object.keys(options[0].properties!).filter((k) => options.every((o) => o.properties?.[k]?.const !== undefined));
  return keys[0];
}

/** Whether a top-level field gets a section of its own: an object, a map or a list of objects. */
function isBlock(node: Node): boolean {
  return Boolean(node.properties || mapValue(node) || (node.type === 'array' && node.items?.properties));
}

/** The schema of a map's values, when `node` is a map (an object keyed by names). */
function mapValue(node: Node): Node | undefined {
  if (node.type !== 'object' || node.properties) return undefined;
  const value = node.additionalProperties;
  return typeof value === 'object' && Object.keys(value).length > 0 ? value : undefined;
}

function plainType(node: Node, path: string): string {
  if (node.enum) return `one of ${node.enum.map(code).join(', ')}`;
  if (node.const !== undefined) return code(node.const);
  if (node.anyOf) return node.anyOf.map((alternative) => (alternative.properties ? code(written(alternative)) : plainType(alternative, path))).join(' or ');
  if (Object.keys(node).length === 0) return 'any';
  if (node.type === 'array') return `list of ${node.items ? plural(plainType(node.items, path)) : 'values'}`;
  if (node.type === 'object') {
    if (node.properties) return 'object';
    const value = mapValue(node);
    if (!value) return 'object';
    if (Object.keys(value).length === 0 || (!value.properties && !value.type)) return 'object';
    return `map: \`<${placeholder(path)}>\` → ${value.properties ? 'object' : plainType(value, path)}`;
  }
  return node.type ?? 'any';
}

/** How an object is written, its required fields shown: `{ type: sQ, reorderPoint: …, quantity: … }`. */
function written(node: Node): string {
  if (node.type === 'array') return '[ … ]';
  if (!node.properties) return '…';
  const required = node.required ?? Object.keys(node.properties);
  const fields = required.map((key) => {
    const field = node.properties![key];
    return `${key}: ${field.const !== undefined ? String(field.const) : field.type === 'array' ? '[ … ]' : '…'}`;
  });
  return `{ ${fields.join(', ')} }`;
}

function defaultOf(node: Node, required: string | undefined): string {
  if ('default' in node) return code(node.default);
  return required ?? NONE;
}

function boundsOf(node: Node): string {
  if (node.anyOf) {
    const parts = node.anyOf
      .filter((alternative) => boundsOf(alternative) !== NONE)
      .map((alternative) => `${plainType(alternative, '')}: ${boundsOf(alternative)}`);
    return parts.length > 0 ? parts.join('; ') : NONE;
  }
  const parts: string[] = [];
  if (node.exclusiveMinimum !== undefined) parts.push(`> ${num(node.exclusiveMinimum)}`);
  if (node.minimum !== undefined && node.minimum !== Number.MIN_SAFE_INTEGER) parts.push(`≥ ${num(node.minimum)}`);
  if (node.exclusiveMaximum !== undefined) parts.push(`< ${num(node.exclusiveMaximum)}`);
  if (node.maximum !== undefined && node.maximum !== Number.MAX_SAFE_INTEGER) parts.push(`≤ ${num(node.maximum)}`);
  if (node.minLength !== undefined && node.minLength > 0) parts.push(node.minLength === 1 ? 'non-empty' : `at least ${node.minLength} characters`);
  if (node.pattern !== undefined) parts.push(patternText(node.pattern));
  if (node.minItems !== undefined && node.minItems > 0) parts.push(`at least ${node.minItems} ${node.minItems === 1 ? 'value' : 'values'}`);
  if (node.type === 'array' && node.items && !node.items.properties) {
    const each = boundsOf(node.items);
    if (each !== NONE) parts.push(`each ${each}`);
  }
  if (node.propertyNames) {
    const names = boundsOf(node.propertyNames);
    if (names !== NONE) parts.push(`names ${names}`);
  }
  return parts.length > 0 ? parts.join(', ') : NONE;
}

/** `^[^.[\]]+$` reads "without `.`, `[` or `]`"; any other pattern is shown as it is. */
function patternText(pattern: string): string {
  const match = /^\^\[\^(.+)\]\+\$$/.exec(pattern);
  if (!match) return `matching ${code(pattern)}`;
  const chars = [...match[1].replace(/\\(.)/g, '$1')].map((c) => code(c));
  return `without ${chars.length > 1 ? `${chars.slice(0, -1).join(', ')} or ${chars.at(-1)}` : chars[0]}`;
}

/** Bounds as people read them: 1e12 for the large powers of ten, 100,000 otherwise. */
function num(value: number): string {
  const magnitude = Math.abs(value);
  const exponent = Math.round(Math.log10(magnitude));
  if (magnitude >= 1e9 && 10 ** exponent === magnitude) return `${value < 0 ? '-' : ''}1e${exponent}`;
  if (!Number.isInteger(value)) return String(value);
  return `${value < 0 ? '-' : ''}${String(magnitude).replace(/\B(?=(\d{3})+$)/g, ',')}`;
}

function oneOfNote(node: Node): string[] {
  const keys = (node.oneOf ?? []).map((o) => (o.required?.length === 1 && !o.properties ? o.required[0] : undefined));
  if (keys.length === 0 || keys.some((k) => k === undefined)) return [];
  return [`Exactly one of ${keys.map((k) => `\`${k}\``).join(', ')} is required.`];
}

function plural(type: string): string {
  return /^(number|integer|string|object)$/.test(type) ? `${type}s` : type;
}

function placeholder(path: string): string {
  return PLACEHOLDER[lastKey(path)] ?? 'name';
}

function lastKey(path: string): string {
  return path.split('.').at(-1)!.replace(/\[\]$/, '');
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function refId(ref: string): string {
  return ref.replace(/^#\/\$defs\//, '');
}

/** A value as code: strings bare, everything else as JSON. */
function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** GitHub's anchor of a heading. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|') || NONE;
}
