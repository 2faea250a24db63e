// Every user-facing message of the scenario layer, written once. A problem is one line:
//   <file>: <path>: expected <what>, got <value>
//   <file>: <path>: unknown key (expected one of a, b, c)
//   <file>:<line>:<column>: YAML syntax error: <reason>
//   <csv file>:<line>: expected <what>, got <value>
import { MAX_AMOUNT, MAX_CARDS, MAX_EVENTS, MAX_HORIZON, MAX_REPLICATIONS, MAX_SERVERS, MAX_TIME } from '../model/index.js';
import { formatPath, type Path, type Segment } from './paths.js';

const MAX_SHOWN = 60;

/** A value as a user would write it in YAML flow style, cut to one short line: `{exponential: {mean: 2}}`. */
export function show(value: unknown): string {
  const text = flow(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function flow(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** A line of a file, quoted, cut to 40 characters, every control character escaped (JSON leaves U+0080–U+009F as they are). */
export function snippet(line: string): string {
  const cut = line.length > 40 ? `${line.slice(0, 39)}…` : line;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A number for formulas and messages: at most 4 significant digits, no trailing zeros. */
export function num(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

/** A count or bound as people write large ones: 20000 as is, 2e7 and 1.25e11 beyond a million. */
export function big(x: number): string {
  if (!(Math.abs(x) >= 1e6) || !Number.isFinite(x)) return num(x);
  const [mantissa, exponent] = x.toExponential().split('e');
  return `${Number(Number(mantissa).toPrecision(3))}e${Number(exponent)}`;
}

// ---- line formats -------------------------------------------------------------------------

/** `file: path: text`, or `file: text` for the document itself. */
export function problemLine(file: string, path: Path, text: string): string {
  return path.length === 0 ? `${file}: ${text}` : `${file}: ${formatPath(path)}: ${text}`;
}

/** `file:line: text` or `file:line:column: text`, for positions in a file (YAML syntax, CSV rows). */
export function locatedLine(file: string, line: number, column: number | undefined, text: string): string {
  return column === undefined ? `${file}:${line}: ${text}` : `${file}:${line}:${column}: ${text}`;
}

/** `expected <what>, got <value>`: the body of nearly every problem. */
export function expected(what: string, got: unknown): string {
  return `expected ${what}, got ${show(got)}`;
}

/** Like expected(), but `got` is already written (a derived number, a cycle). */
export function expectedRaw(what: string, got: string): string {
  return `expected ${what}, got ${got}`;
}

// ---- what the schema expects -------------------------------------------------------------

const FAMILY_FORMS = [
  '{constant: x}',
  '{exponential: {mean}}',
  '{normal: {mean, sd}}',
  '{lognormal: {mean, sd}}',
  '{gamma: {mean, sd}}',
  '{uniform: {min, max}}',
  '{triangular: {min, mode, max}}',
  '{poisson: {mean}}',
  '{discrete: {values, weights}}',
  '{empirical: [values]}',
];

/** Named "what" texts the schema attaches to its unions and special fields (see schema-helpers.ts). */
export const EXPECT = {
  distribution: `a number >= 0 or one of ${FAMILY_FORMS.join(', ')}`,
  reorderPoint: 'a number >= 0 or {serviceLevel: p} with 0 < p < 1',
  quantity: 'a number > 0 or "eoq"',
  adu: '{window: n} (a rolling average over n time units) or {fixed: u}',
  smoothing: 'a number > 0 and <= 1',
  unitInterval: 'a number from 0 to 1',
  season: 'a whole number from 2 to 10000 (buckets in a season)',
  forecastWindow: `a whole number <= ${MAX_CARDS} (buckets in a moving average)`,
  planningHorizon: `a whole number <= ${MAX_CARDS} (buckets a plan looks ahead)`,
  frozen: `a whole number from 0 to ${MAX_CARDS} (buckets)`,
  plannedLeadTime: `a whole number from 0 to ${MAX_CARDS} (planning buckets)`,
  lotPeriods: `a whole number <= ${MAX_CARDS} (buckets one lot covers)`,
  lotSizing: 'lotForLot, eoq, {fixed: Q} or {periods: n}',
  orderForecast: '{method: movingAverage, window: n} or {method: exponentialSmoothing, alpha: a}',
  profile: '{weekly: [7 factors, Monday first]} or {yearly: [12 factors, January first]}',
  trace: 'a CSV file name, or {file, time, quantity, item} naming its columns',
  startDate: 'a date YYYY-MM-DD',
  weeklyProfile: 'a list of 7 factors, Monday to Sunday',
  yearlyProfile: 'a list of 12 factors, January to December',
  openHours: 'open hours as a text such as "06:00-22:00" (several separated by commas) or a non-empty list of such texts',
  holiday: 'a day number >= 0 (days counted from time 0) or a date YYYY-MM-DD',
  seed: 'a whole number or a text',
  wholeAtLeast1: 'a whole number >= 1',
  gap: 'a number > 0 (with every: 0 time would never advance)',
  patch: 'an object (a merge patch; {} for no change)',
  probability: 'a probability p with 0 < p < 1',
  scenario: 'a scenario: an object with name, time and items',
  challenge: 'a challenge: an object with title, goal, strategy, levers and objective',
  challengeObjective: 'an objective: { kpi, below } or { kpi, above }',
  challengeConstraint: 'a constraint: { kpi, atLeast } or { kpi, atMost }',
  play: 'a play block: { item, strategy, every } (the item a person orders for)',
  name: 'a name without ".", "[" or "]" (they separate the parts of a path)',
  // Upper bounds (sim/model/limits.ts): beyond them the totals of a run could overflow or memory run out.
  amount: `a number <= ${big(MAX_AMOUNT)} (larger ones could overflow a run's totals)`,
  anyAmount: `a number from ${big(-MAX_AMOUNT)} to ${big(MAX_AMOUNT)} (larger ones could overflow a run's totals)`,
  horizon: `a time <= ${big(MAX_HORIZON)} (a longer run could overflow its totals)`,
  time: `a time <= ${big(MAX_TIME)} (far beyond any horizon, which is at most ${big(MAX_HORIZON)})`,
  servers: `a whole number <= ${MAX_SERVERS} (servers of one machine)`,
  cards: `a whole number <= ${MAX_CARDS} (cards of one kanban loop)`,
  aduWindow: `a whole number <= ${MAX_CARDS} (time units in an average daily usage window)`,
  replications: `a whole number <= ${MAX_REPLICATIONS} (the results keep every replication's numbers in memory)`,
  maxEvents: `a whole number <= ${big(MAX_EVENTS)}`,
} as const;

/** True when a zod issue message is one of the EXPECT texts above (and not zod's own wording). */
export function isExpectation(message: string): boolean {
  return (Object.values(EXPECT) as string[]).includes(message);
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
  record: 'an object',
};

/** What a type name means to a user: 'int' → 'a whole number'. */
export function typeWhat(type: string): string {
  return TYPE_NAMES[type] ?? `a ${type}`;
}

/** What a lower bound means: `a number >= 0`, `a non-empty list`. */
export function atLeastWhat(origin: string, bound: number | bigint, inclusive: boolean): string {
  if (origin === 'array') return Number(bound) <= 1 ? 'a non-empty list' : `a list of at least ${bound} entries`;
  if (origin === 'string') return 'a non-empty text';
  return `a number ${inclusive ? '>=' : '>'} ${bound}`;
}

/** What an upper bound means: `a number < 1`. */
export function atMostWhat(origin: string, bound: number | bigint, inclusive: boolean): string {
  if (origin === 'array') return `a list of at most ${bound} entries`;
  return `a number ${inclusive ? '<=' : '<'} ${bound}`;
}

/** `"eoq"` for one allowed value, `one of backorder, lost` for several. */
export function oneOfWhat(values: readonly unknown[]): string {
  return values.length === 1 ? show(values[0]) : `one of ${values.map(String).join(', ')}`;
}

/** A list of names for a message, the first 20 of a long one: a plant of 100,000 items gets a line, not a book. */
function someNames(names: readonly string[]): string {
  return names.length <= 20 ? names.join(', ') : `${names.slice(0, 20).join(', ')}, … (${names.length - 20} more)`;
}

/** The fallback for an issue zod-issues.ts has no better words for. */
export const SOMETHING_VALID = 'a valid value';

/** The text of an unknown key; the path of the problem ends with the key. */
export function unknownKey(allowed: readonly string[]): string {
  return allowed.length > 0 ? `unknown key (expected one of ${allowed.join(', ')})` : 'unknown key';
}

// ---- checks inside the schema (full texts) ------------------------------------------------

export const MSG = {
  gammaAboveLimit: (alpha: number, gamma: number) => expectedRaw(`a number <= 1 − alpha (${num(1 - alpha)}), which keeps Holt–Winters stable`, num(gamma)),
  mrpWithoutForecast: (item: string) => expectedRaw(`a forecast of ${item} under forecasts (MRP plans customer demand from its forecast)`, 'none'),
  mrpParentNotMrp: (component: string, parent: string, policy: string) =>
    expectedRaw(
      `every item made from ${component}, or fed from its stock point, planned by MRP too (MRP takes its requirements from their planned orders)`,
      `${parent} with policy ${policy}`,
    ),
  mrpLeadTimeBeyondHorizon: (leadTime: number, horizon: number) =>
    expectedRaw(`a planned lead time shorter than planning.horizon (${horizon} buckets), or no release would ever fall inside the plan`, String(leadTime)),
  forecastWithoutDemand: (item: string) =>
    expectedRaw(`an item that customers order (a demand line with item: ${item})`, `${item}, which no demand line orders`),
  positiveMeanGap: (mean: number) => expectedRaw('a distribution with mean > 0 (with a mean gap of 0 time would never advance)', `mean ${num(mean)}`),
  positiveMeanUpTime: (mean: number) => expectedRaw('a distribution with mean > 0 (a machine failing after 0 time would never work)', `mean ${num(mean)}`),
  warmupBelowHorizon: (horizon: number, warmup: number) => expected(`a number < horizon (${num(horizon)})`, warmup),
  orderUpToAboveReorderPoint: (s: number, S: number) => expected(`a number > reorderPoint (${num(s)})`, S),
  initialWithinCapacity: (capacity: number, initial: number) => expected(`a number <= capacity (${num(capacity)})`, initial),
  oneDemandSource: (present: string[]) => expectedRaw('exactly one of interarrival, every or trace', present.length === 0 ? 'none' : present.join(' and ')),
  changesAscending: (previous: number, at: number) => expected(`a time >= ${num(previous)} (changes in ascending order)`, at),
  weekdayKey: (key: string) => expected('a weekday (mon, tue, wed, thu, fri, sat, sun) or a range of them (mon-fri)', key),
  weekdayTwice: (day: string, other: string, key: string) => expected(`each weekday under one key only (${day} is in ${other} too)`, key),
  openInterval: (text: string) =>
    expected('open hours as HH:MM-HH:MM, from 00:00 to 24:00 (an end at or before the start runs past midnight: 22:00-06:00)', text),
  emptyInterval: (text: string) => expected('an interval whose start and end differ (00:00-24:00 for the whole day)', text),
  neverOpen: () => expectedRaw('open hours on at least one day (a machine on this calendar would never work)', 'none'),
  holidayDate: (date: string) => expected('a date that exists, YYYY-MM-DD', date),
  holidayNeedsStart: (date: string) => expected('a day number counted from time 0 (day 0 begins at time 0), or time.start to count dates from', date),
  calendarUnit: (unit: string) => expectedRaw('time.unit day or hour (a calendar lays the hours of a week on the time unit)', `time.unit ${unit}`),
  profileUnit: (unit: string) => expectedRaw('time.unit day, hour, minute or week (a profile lays days or months on the time unit)', `time.unit ${unit}`),
  startNoDate: (start: string) => expected('a calendar date YYYY-MM-DD', start),
  datedUnit: (unit: string) => expected('day or hour (dated time counts days or hours from time.start)', unit),
  resampleWithoutTrace: () => expectedRaw('a trace to resample (resample draws blocks of an order history)', 'no trace'),
  notOnTrace: (key: string, value: unknown) => expected(`no ${key} on a trace demand (a trace is replayed as is)`, value),
  tooManyOrders: (item: string, orders: number, budget: number, horizon: number, gap: number) =>
    expectedRaw(
      `at most ${big(budget)} customer orders per replication (run.maxEvents; raise it if so long a run is meant)`,
      `about ${big(orders)} orders of ${show(item)} over the horizon (${num(horizon)}) at a mean gap of ${num(gap)}`,
    ),
  tooManyTimers: (what: string, count: number, budget: number, horizon: number, period: number) =>
    expectedRaw(
      `at most ${big(budget)} ${what} per replication (run.maxEvents; raise it if so long a run is meant)`,
      `about ${big(count)} over the horizon (${num(horizon)}) at one every ${num(period)}`,
    ),

  // ---- references across the document ----
  unknownReference: (kind: string, names: string[], got: unknown) =>
    expected(`one of the ${kind}s (${names.length > 0 ? someNames(names) : 'there are none'})`, got),
  unknownName: (kind: string, names: string[]) =>
    `unknown ${kind} (expected one of ${names.length > 0 ? someNames(names) : `the ${kind}s, but there are none`})`,
  duplicateDemandName: (item: string, first: number, name: string) =>
    expected(
      `a name no other demand line of ${show(item)} has (${formatPath(['demand', first, 'name'])} has it; each name keeps its own random numbers)`,
      name,
    ),
  bomCycle: (cycle: string[]) => expectedRaw('a bill of materials without cycles', cycle.join(' → ')),
  oneSource: (sources: string[]) => expectedRaw('one of buy, make or transfer', sources.join(' and ')),
  policyWithoutSource: (type: unknown) => expected('"none" or no policy (an item with no buy, make or transfer is never replenished)', type),
  policyRequired: () => expectedRaw('a policy (required on an item with buy, make or transfer)', 'nothing'),
  transferFromItself: (item: string) => expectedRaw(`another item's stock point (${item} cannot ship to itself)`, item),
  priorityWithoutPriorityAllocation: (allocation: string) =>
    expectedRaw('allocation: priority (a priority list ranks nothing otherwise)', `allocation: ${allocation}`),
  priorityListMissing: () => expectedRaw('a priority list of the downstream items to serve first (with allocation: priority)', 'none'),
  supplyCycle: (cycle: string[]) => expectedRaw('stock points that do not supply themselves through transfers and bills of materials', cycle.join(' → ')),
  patchRun: () => 'unknown key in a strategy (run is shared by all strategies, so they see the same random numbers)',
  patchStrategies: () => 'unknown key in a strategy (strategies cannot be nested)',
  challengeOneBound: (a: string, b: string) => `expected one bound, ${a} or ${b} (not both, not neither)`,
  challengePatched: (name: string) => `strategy ${show(name)} changes the challenge; the challenge belongs to the whole file: move it out of the strategy`,
  challengeStrategy: (name: string, names: string[]) => `the challenge's strategy ${show(name)} is not one of the file's (expected one of ${names.join(', ')})`,
  challengeLever: (lever: string) =>
    `expected the path of a number this file sets (as --set names it, e.g. strategies.Yours.items.widget.policy.cards), got ${show(lever)}`,
  challengeKpi: (kpi: string) => `unknown KPI ${show(kpi)} (expected totalCost, throughput, wip, avgCustomerWait, or ITEM.KPI / MACHINE.KPI of this plant)`,
  unknownStrategy: (name: string, names: string[]) => `unknown strategy ${show(name)} (expected one of ${names.join(', ')})`,

  // ---- derived values ----
  noDemand: (what: string) => expectedRaw(`an item with demand for ${what} (no demand stream or bill of materials uses it)`, 'D = 0'),
  eoqHoldingCost: (h: number) => expected('holdingCost > 0 for eoq (EOQ = √(2KD/h))', h),
  eoqOrderCost: (field: string, k: number) => expected(`${field} > 0 for eoq (EOQ = √(2KD/h))`, k),
  epqRate: (d: number, p: number) => expectedRaw(`a demand rate below the production rate for eoq (D < P = 1/mean processTime = ${num(p)})`, `D = ${num(d)}`),
  derivedAboveOrderUpTo: (s: number, S: number) => expectedRaw(`a reorder point below orderUpTo (${num(S)})`, `${num(s)} from serviceLevel`),

  // ---- CSV traces ----
  // Never the line itself: a trace path may name a file that is no trace (/etc/passwd), and its content stays private.
  csvHeader: (header: string) => expectedRaw(`a CSV with a header row ${header}`, 'a first line that is not that header (not shown)'),
  csvRow: (header: string, line: string) => expectedRaw(`${header} numbers`, snippet(line)),
  csvTime: (time: number) => expected('a time >= 0', time),
  csvAscending: (previous: number, time: number) => expected(`times in ascending order (>= ${num(previous)})`, time),
  csvQuantity: (quantity: number) => expected('a quantity > 0', quantity),
  csvBucket: (bucket: number) => expected('a bucket that is a whole number >= 0', bucket),
  csvBucketGap: (next: number, bucket: number) => expected(`bucket ${next} next (a row for every bucket from 0, none left out)`, bucket),
  csvBucketOrder: (next: number, bucket: number) => expected(`buckets in ascending order, each once (bucket ${next} next)`, bucket),
  csvForecast: (forecast: number) => expected(`a forecast from 0 to ${big(MAX_AMOUNT)}`, forecast),
  csvNoRows: (header: string) => expectedRaw(`rows after the header ${header}, the first for bucket 0`, 'none'),
  historyColumns: (missing: string[], count: number) =>
    expectedRaw(
      `a header row with the columns ${missing.join(', ')} (the trace's time, quantity and item name them)`,
      `a header of ${count} columns without ${missing.length === 1 ? 'it' : 'them'}`,
    ),
  historyQuantityMissing: (column: string) => expectedRaw(`a number in the ${column} column`, 'nothing or text'),
  historyQuantityNegative: (column: string) => expectedRaw(`a quantity >= 0 in the ${column} column (a return is no customer order)`, 'a negative number'),
  historyTimeMissing: () => expectedRaw('a time or a date in the time column', 'nothing'),
  historyTimeUnreadable: () => expectedRaw('a number of time units, a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM', 'something else'),
  historyDateWithoutStart: () => expectedRaw('a number of time units, or time.start in the scenario to count dates from', 'a date'),
  historyManyRows: (cause: string, count: number) => `${cause} — on this line and ${count - 1} more`,
  historyNoItem: (item: string, file: string, column: string) => expectedRaw(`rows of item ${item} in ${file} (its ${column} column)`, 'none'),
  historySorted: (file: string, moved: number) => `${file}: ${moved} row${moved === 1 ? ' was' : 's were'} out of time order and were sorted (stably)`,
  historyZeros: (file: string, count: number) => `${file}: ${count} row${count === 1 ? '' : 's'} with a quantity of 0 were skipped`,
  historyBeforeStart: (file: string, count: number) => `${file}: ${count} row${count === 1 ? '' : 's'} dated before time.start were left out`,
  csvMore: (count: number) => `… and ${count} more problems in this file`,
  traceNeedsReader: (file: string) => `cannot read ${file}: CSV traces need a file reader (pass readFile to loadScenario)`,
  traceUnreadable: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  traceNotLoaded: (trace: string) => `trace ${show(trace)} was not loaded with the scenario (load it again)`,

  // ---- YAML, --set ----
  yamlSyntax: (reason: string) => `YAML syntax error: ${reason}`,
  duplicateKey: () => 'Map keys must be unique',
  yamlAliases: (reason: string) => `YAML alias error: ${reason}`,
  reservedKey: (key: string) => expected('a key other than __proto__, constructor or prototype (JavaScript gives those names a special meaning)', key),
  selfContaining: () => expectedRaw('a value that does not contain itself', 'an alias inside the anchor it names (an endless value)'),
  tooDeep: (limit: number) => expectedRaw(`values nested at most ${limit} levels deep`, 'deeper nesting'),
  tooManyValues: (limit: number) => expectedRaw(`at most ${limit} values once aliases are expanded`, 'more (remove aliases of large values)'),
  collectionKey: () => expectedRaw('a plain key (a name or a number)', 'a list or an object as a key'),
  badPath: (text: string) => expected('a path like items.widget.policy.quantity or demand[0].every', text),
  badIndex: (length: number, index: Segment) => expected(`an index from 0 to ${length} (the list has ${length} ${length === 1 ? 'entry' : 'entries'})`, index),
};

/** yaml's alias errors (thrown while it builds the data), in words about the file. */
export function aliasReason(message: string, limit: number): string {
  // yaml 2's toJS throws these as bare ReferenceErrors with no code (its YAMLError codes cover parsing only): its text is all there is.
  const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(message);
  if (unresolved) return `*${unresolved[1]} names no anchor before it (write &${unresolved[1]} on a value above)`;
  if (message.startsWith('Excessive alias count')) return `aliases expand to more than ${limit} copies (an alias bomb?); repeat fewer values`;
  return message;
}

/** yaml's reasons, reworded where they speak of yaml's API rather than the file. */
export function yamlReason(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'a scenario file holds one document (remove the extra ---)';
  return message;
}

// ---- formulas shown beside the results ----------------------------------------------------

/** `EOQ = √(2·K·D/h) = √(2·40·20/0.01) = 400 → 400` */
export function eoqFormula(k: number, d: number, h: number, exact: number, rounded: number): string {
  return `EOQ = √(2·K·D/h) = √(2·${num(k)}·${num(d)}/${num(h)}) = ${num(exact)} → ${rounded}`;
}

/** `EPQ = √(2·K·D/(h·(1 − D/P))) = √(2·100·20/(0.5·(1 − 20/50))) = 115.5 → 115` */
export function epqFormula(k: number, d: number, h: number, p: number, exact: number, rounded: number): string {
  return `EPQ = √(2·K·D/(h·(1 − D/P))) = √(2·${num(k)}·${num(d)}/(${num(h)}·(1 − ${num(d)}/${num(p)}))) = ${num(exact)} → ${rounded}`;
}

/**
 * `s = μL + z·σL = 60 + 1.645·7.746 = 72.74 → 73 (D = 12, L = 5, p = 0.95)` for a fixed lead time;
 * when it varies, σL's parts show: `…, σL = √(L·σ²D + D²·Var L) = √(5·10 + 10²·1.333) (…)`.
 */
export function reorderPointFormula(
  mu: number,
  z: number,
  sigma: number,
  exact: number,
  rounded: number,
  inputs: { d: number; l: number; p: number; varD: number; varL: number },
): string {
  const sign = z < 0 ? '−' : '+';
  const { d, l, p, varD, varL } = inputs;
  const spread = varL > 0 ? `, σL = √(L·σ²D + D²·Var L) = √(${num(l)}·${num(varD)} + ${num(d)}²·${num(varL)})` : '';
  return (
    `s = μL + z·σL = ${num(mu)} ${sign} ${num(Math.abs(z))}·${num(sigma)} = ${num(exact)} → ${rounded}${spread}` + ` (D = ${num(d)}, L = ${num(l)}, p = ${p})`
  );
}

/** `ADU = 40 (rolling, from the demand rate) → red 150 (base 100 + safety 50), yellow 200, green 280; tops 150 / 350 / 630` */
export function ddmrpFormula(
  adu: number,
  p: { leadTime: number; leadTimeFactor: number; variabilityFactor: number },
  zones: { red: number; redBase: number; redSafety: number; yellow: number; green: number; topOfRed: number; topOfYellow: number; topOfGreen: number },
  rolling: boolean,
): string {
  const from = rolling ? ' (rolling; starts at the derived demand rate)' : '';
  return (
    `ADU = ${num(adu)}${from}, DLT = ${num(p.leadTime)}: red = ${num(zones.red)} (base ${num(zones.redBase)} + safety ${num(zones.redSafety)}), ` +
    `yellow = ${num(zones.yellow)}, green = ${num(zones.green)}; tops ${num(zones.topOfRed)} / ${num(zones.topOfYellow)} / ${num(zones.topOfGreen)}`
  );
}
