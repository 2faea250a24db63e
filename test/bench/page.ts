// `npm run bench:page`: the web page's speed in Debian's Chromium (playwright-core), on the built
// page served by `vite preview`. Three figures, each a median within one run of this script (the
// machine is shared and noisy: compare builds measured back to back, never across days):
//   - a slider move on jit-eoq-batch (30 replications) to the charts drawn (`charts-settled`), and
//     how much of it the workers' run took: at the top of the page (only the KPI chart near the
//     viewport: the charts below wait until they are seen, see chart-view.ts), and scrolled to the
//     sawtooth (the charts of a 1280×800 window then in view redraw on each move);
//   - the first charts after load on a cold cache (a fresh browser context for every load);
//   - the JavaScript the page fetched before its first chart was drawn (page and workers), gzip.
// Nothing is asserted: speed is measured here, never in timed tests. Needs Chromium
// (CHROMIUM_PATH, /usr/bin/chromium by default); `--loads N` and `--moves N` change the samples.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT_DIR = join(ROOT, 'test', '.tmp', 'bench-page');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update'];
const SLIDER = 'items.widget.policy.quantity';
const TIMEOUT_MS = 60_000;

/** What the page records of its runs (see INIT). */
interface Settled {
  at: number;
  settledMs: number;
  runMs: number;
  busy: boolean;
}

// Runs in every page before its own scripts: keeps each `charts-settled` event with the time it came.
const INIT = `
  window.__bench = { settled: [], firstChartAt: null };
  window.bench = () => window.__bench;
  window.addEventListener('chart-rendered', () => {
    if (window.__bench.firstChartAt !== null) return;
    window.__bench.firstChartAt = performance.now();
    window.__benchFirstChart?.();
  });
  window.addEventListener('charts-settled', (event) => {
    const main = document.querySelector('sawtooth-app')?.shadowRoot?.querySelector('main');
    window.__bench.settled.push({ at: performance.now(), settledMs: event.detail.settledMs, runMs: event.detail.runMs, busy: main?.getAttribute('aria-busy') === 'true' });
  });
`;

function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (value: number): string => `${Math.round(value)} ms`;
const kB = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB`;
const spread = (values: number[]): string => `median ${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;

/** What INIT keeps: called in the page, where INIT defines it too (this file is compiled without the DOM's types). */
function bench(): { settled: Settled[]; firstChartAt: number | null } {
  return (globalThis as unknown as { __bench: { settled: Settled[]; firstChartAt: number | null } }).__bench;
}

/** Waits for a `charts-settled` of the newest run after the first `after` ones; returns it. */
async function settled(page: Page, after: number): Promise<Settled> {
  // Functions, not strings: the page's Content-Security-Policy forbids evaluating strings.
  const handle = await page.waitForFunction(
    (after) => {
      const s = bench().settled;
      const last = s[s.length - 1];
      return s.length > after && last && !last.busy ? last : null;
    },
    after,
    { timeout: TIMEOUT_MS, polling: 20 },
  );
  return (await handle.jsonValue()) as Settled;
}

/** A script the page fetched: its path in the build, and whether a worker asked for it. */
interface Script {
  path: string;
  worker: boolean;
}

/** What one build measured: cold loads, slider moves, and the scripts of its first charts. */
interface Figures {
  firstCharts: number[];
  firstChart: number[];
  moves: { inputToSettled: number; run: number }[];
  movesInView: { inputToSettled: number; run: number }[];
  scripts: Script[];
}

const newContext = async (browser: Browser) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT);
  return context;
};

/** One load on a cold cache (a fresh context): when the first chart and every chart were drawn, and the scripts fetched before the first chart. */
async function coldLoad(browser: Browser, url: string, figures: Figures): Promise<void> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const fetched = new Map<string, Script>();
  let done = false;
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname.replace(/^\//, '');
    // A worker's scripts are fetched with the destination `worker` (the worker's name says so too).
    const worker = request.headers()['sec-fetch-dest'] === 'worker' || /worker/.test(path);
    if (!done && path.endsWith('.js')) fetched.set(path, { path, worker });
  });
  // The page calls this when its first chart is drawn: scripts asked for later (the panels below the charts) are not counted.
  await page.exposeFunction('__benchFirstChart', () => (done = true));
  await page.goto(url);
  const first = await settled(page, 0);
  figures.firstCharts.push(first.at);
  figures.firstChart.push((await page.evaluate(() => bench().firstChartAt))!);
  figures.scripts = [...fetched.values()];
  await context.close();
}

/** A page of each build, open side by side, for slider moves. */
interface MovePage {
  page: Page;
  moved: number;
  /** Moves made on this page in all: each move sets a value not set before (a run kept from an earlier move would be reused). */
  total: number;
  figures: Figures;
  /** Where the moves are kept: at the top of the page, or scrolled to the charts. */
  keep: 'moves' | 'movesInView';
}

async function openForMoves(browser: Browser, url: string, figures: Figures): Promise<MovePage> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  await settled(page, 0);
  return { page, moved: 0, total: 0, figures, keep: 'moves' };
}

/** One slider move, from the input event to every chart drawn; the first move of a page is a warm-up, not kept. */
async function sliderMove(target: MovePage): Promise<void> {
  const { page } = target;
  const value = 240 + ((target.total++ * 37) % 200);
  const before = await page.evaluate(() => bench().settled.length);
  const slider = page.locator(`strategy-sliders input[type="range"][data-path="${SLIDER}"]`);
  const startedAt = await slider.evaluate((element: unknown, value: number): number => {
    const input = element as { value: string; dispatchEvent(event: Event): boolean };
    input.value = String(value);
    const t = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    return t;
  }, value);
  const record = await settled(page, before);
  if (target.moved++ > 0) target.figures[target.keep].push({ inputToSettled: record.at - startedAt, run: record.runMs });
}

/** Scrolls the page to the sawtooth chart (the stock of widgets), the charts a planner watches; the next moves are kept apart. */
async function scrollToCharts(target: MovePage): Promise<void> {
  await target.page
    .locator('#chart-stock')
    .evaluate((element: unknown) => (element as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }));
  // Let the charts that came into view draw the last run before timing moves.
  await target.page.waitForTimeout(500);
  target.keep = 'movesInView';
  target.moved = 0;
}

function report(name: string, dir: string, figures: Figures): void {
  const { moves, movesInView, firstCharts, firstChart } = figures;
  const files = figures.scripts.map((s) => ({ ...s, gzip: gzipSync(readFileSync(join(dir, s.path))).length }));
  const sum = (worker: boolean) => files.filter((f) => f.worker === worker).reduce((total, f) => total + f.gzip, 0);
  console.log(`\n${name} (${dir})`);
  const movesLine = (where: string, kept: Figures['moves']) =>
    console.log(
      `  slider move on jit-eoq-batch (30 replications) -> charts settled, ${where}, ${kept.length} moves: ${spread(kept.map((s) => s.inputToSettled))}; ` +
        `the workers' run ${spread(kept.map((s) => s.run))}; the page's own part ${spread(kept.map((s) => s.inputToSettled - s.run))}`,
    );
  movesLine('top of the page', moves);
  movesLine('scrolled to the sawtooth', movesInView);
  console.log(`  first charts after load, cold cache, ${firstCharts.length} loads: every chart ${spread(firstCharts)}; the first chart ${spread(firstChart)}`);
  console.log(`  JavaScript fetched before the first chart (gzip): ${kB(sum(false) + sum(true))} — the page ${kB(sum(false))}, workers ${kB(sum(true))}`);
  for (const f of files.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${kB(f.gzip).padStart(7)}  ${f.path}${f.worker ? ' (worker)' : ''}`);
}

function stringArgs(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name && i + 1 < process.argv.length ? [process.argv[i + 1]] : []));
}

const loads = numberArg('--loads', 7);
const moves = numberArg('--moves', 15);
const config = { configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'ui'), logLevel: 'warn' as const };
console.log('Building the page…');
await build({ ...config, build: { outDir: OUT_DIR, emptyOutDir: true, chunkSizeWarningLimit: 100_000 } });
// `--against DIR` (repeatable): another build of the page (an older commit's `vite build`), measured
// in turn with this one, load for load and move for move, so both see the same machine.
const builds = [{ name: 'this build', dir: OUT_DIR }, ...stringArgs('--against').map((dir) => ({ name: 'against', dir: resolve(dir) }))];
const servers: PreviewServer[] = [];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const targets: { name: string; dir: string; url: string; figures: Figures }[] = [];
  for (const { name, dir } of builds) {
    const server = await preview({ ...config, build: { outDir: dir }, preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
    servers.push(server);
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    targets.push({ name, dir, url, figures: { firstCharts: [], firstChart: [], moves: [], movesInView: [], scripts: [] } });
  }
  for (let i = 0; i < loads; i++) for (const t of targets) await coldLoad(browser, t.url, t.figures);
  // Slider moves on a page of each build, open side by side, taking turns move for move (idle pages cost nothing).
  const movePages: MovePage[] = [];
  for (const t of targets) movePages.push(await openForMoves(browser, t.url, t.figures));
  for (let i = 0; i <= moves; i++) for (const target of movePages) await sliderMove(target);
  for (const target of movePages) await scrollToCharts(target);
  for (let i = 0; i <= moves; i++) for (const target of movePages) await sliderMove(target);
  const cpus = (await import('node:os')).availableParallelism();
  console.log(`\nThe page in Chromium (${cpus} cores; medians within this run)`);
  for (const t of targets) report(t.name, t.dir, t.figures);
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
